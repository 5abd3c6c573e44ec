package parse

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse/xmlpos"
)

// hostileExampleDir is the small example home of the repository.
const hostileExampleDir = "../testdata/example/wso2am-2.6.0"

// hostileCopyExample copies the example home into a new temporary directory.
func hostileCopyExample(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "home")
	err := filepath.WalkDir(hostileExampleDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(hostileExampleDir, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// hostileBillionLaughs is the classic entity expansion bomb.
func hostileBillionLaughs() string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE Server [\n  <!ENTITY lol0 \"lol\">\n")
	for i := 1; i <= 9; i++ {
		b.WriteString(fmt.Sprintf("  <!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10)))
	}
	b.WriteString("]>\n<Server><Name>&lol9;</Name></Server>\n")
	return b.String()
}

// hostileReplace returns a setup that writes content to the home-relative file rel.
func hostileReplace(rel, content string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// hostileEdit returns a setup that replaces old by new in the home-relative file rel.
func hostileEdit(rel, old, new string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s does not contain %q", rel, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// hostileSymlink returns a setup that replaces rel by a symbolic link to target;
// a target starting with "$OUT/" is made absolute in a directory outside the home.
func hostileSymlink(rel, target string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(target, "$OUT/") {
			outside := filepath.Join(filepath.Dir(dir), "outside", strings.TrimPrefix(target, "$OUT/"))
			data, err := os.ReadFile(filepath.Join(hostileExampleDir, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Dir(outside), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(outside, data, 0o644); err != nil {
				t.Fatal(err)
			}
			target = outside
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

const hostileCarbon = "repository/conf/carbon.xml"

// hostileInbound is the directory whose every file is read as an inbound endpoint.
const hostileInbound = "repository/deployment/server/synapse-configs/default/inbound-endpoints"

// hostileCase is a home with one file replaced by hostile content.
type hostileCase struct {
	name  string
	setup func(t *testing.T, dir string)
	opt   Options
	file  string // home-relative file the error must name
	line  int    // line the error must name (0: none)
	want  string // text the message must contain
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{"external entity file", hostileReplace(hostileCarbon, "<?xml version=\"1.0\"?>\n<!DOCTYPE Server [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Server><Name>&x;</Name></Server>\n"),
			Options{}, hostileCarbon, 2, "DTD entity declarations are not allowed"},
		{"external entity url", hostileReplace(hostileCarbon, "<?xml version=\"1.0\"?>\n<!DOCTYPE Server [<!ENTITY x SYSTEM \"http://127.0.0.1:1/x\">]>\n<Server><Name>&x;</Name></Server>\n"),
			Options{}, hostileCarbon, 2, "DTD entity declarations are not allowed"},
		{"external dtd with undefined entity", hostileReplace(hostileCarbon, "<!DOCTYPE Server SYSTEM \"http://127.0.0.1:1/x.dtd\">\n<Server><Name>&x;</Name></Server>\n"),
			Options{}, hostileCarbon, 2, "malformed XML"},
		{"billion laughs", hostileReplace(hostileCarbon, hostileBillionLaughs()), Options{}, hostileCarbon, 2, "DTD entity declarations are not allowed"},
		{"deep nesting", hostileReplace(hostileCarbon, strings.Repeat("<a>", 1000000)+strings.Repeat("</a>", 1000000)),
			Options{}, hostileCarbon, 1, "XML nested deeper than 512 elements"},
		{"element flood", hostileReplace(hostileCarbon, "<Server>\n"+strings.Repeat("<a/>", xmlpos.MaxElements)+"\n</Server>"),
			Options{}, hostileCarbon, 2, "more than 100000 XML elements"},
		{"attribute flood", hostileReplace(hostileCarbon, "<Server"+hostileAttrs(xmlpos.MaxAttrs+1)+"/>"),
			Options{}, hostileCarbon, 1, "more than 1000 attributes"},
		{"ignore comment flood", hostileReplace(hostileCarbon, "<Server>\n"+strings.Repeat("<!-- wso2lint:ignore WL101 -->\n", xmlpos.MaxMarked+1)+"</Server>"),
			Options{}, hostileCarbon, xmlpos.MaxMarked + 2, "wso2lint:ignore comments"},
		{"binary junk", hostileReplace(hostileCarbon, "\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe<Server/>"), Options{}, hostileCarbon, 0, "binary data (NUL byte)"},
		{"invalid utf-8", hostileReplace(hostileCarbon, "<Server><Name>\xff\xfe\x80</Name></Server>"), Options{}, hostileCarbon, 0, "invalid UTF-8"},
		{"utf-16 little endian with bom", hostileReplace(hostileCarbon, hostileUTF16("<Server/>", false)), Options{}, hostileCarbon, 0, "UTF-16"},
		{"utf-16 big endian with bom", hostileReplace(hostileCarbon, hostileUTF16("<Server/>", true)), Options{}, hostileCarbon, 0, "UTF-16"},
		{"empty file", hostileReplace(hostileCarbon, ""), Options{}, hostileCarbon, 0, "empty file"},
		{"directory where a file belongs", func(t *testing.T, dir string) {
			p := filepath.Join(dir, hostileCarbon)
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}, Options{}, hostileCarbon, 0, "is a directory"},
		{"fifo as carbon.xml", hostileFIFO(hostileCarbon), Options{}, hostileCarbon, 0, "not a regular file: named pipe (FIFO)"},
		{"fifo as deployment.toml", hostileFIFO("repository/conf/deployment.toml"), Options{}, "repository/conf/deployment.toml", 0, "not a regular file: named pipe (FIFO)"},
		{"fifo in inbound-endpoints", hostileFIFO(hostileInbound + "/fifo.xml"), Options{}, hostileInbound + "/fifo.xml", 0, "not a regular file: named pipe (FIFO)"},
		{"socket as carbon.xml", hostileSocket(hostileCarbon), Options{}, hostileCarbon, 0, "not a regular file: socket"},
		{"symlink to a device", hostileSymlink(hostileCarbon, "/dev/zero"), Options{FollowSymlinks: true}, hostileCarbon, 0, "not a regular file: character device"},
		{"above --max-file-size", hostileReplace(hostileCarbon, "<Server>"+strings.Repeat(" ", 2040)+"</Server>"),
			Options{MaxFileSize: 1024}, hostileCarbon, 0, "file is 2057 bytes, larger than the limit of 1024 bytes"},
		{"sparse file above the default limit", func(t *testing.T, dir string) {
			if err := os.Truncate(filepath.Join(dir, hostileCarbon), DefaultMaxFileSize+1); err != nil {
				t.Fatal(err)
			}
		}, Options{}, hostileCarbon, 0, "larger than the limit of 33554432 bytes"},
		{"symlink loop", func(t *testing.T, dir string) {
			hostileSymlink(hostileCarbon, "carbon-b.xml")(t, dir)
			if err := os.Symlink("carbon.xml", filepath.Join(dir, "repository/conf/carbon-b.xml")); err != nil {
				t.Fatal(err)
			}
		}, Options{}, hostileCarbon, 0, "symbolic link loop"},
		{"symlink to itself", hostileSymlink(hostileCarbon, "carbon.xml"), Options{}, hostileCarbon, 0, "symbolic link loop"},
		{"symlink leaving the home", hostileSymlink(hostileCarbon, "$OUT/carbon.xml"), Options{}, hostileCarbon, 0, "symbolic link leaves the home"},
		{"dangling symlink", hostileSymlink(hostileCarbon, "no-such-file.xml"), Options{}, hostileCarbon, 0, "broken symbolic link"},
		{"negative offset in carbon.xml", hostileEdit(hostileCarbon, "<Offset>0</Offset>", "<Offset>-1</Offset>"),
			Options{}, hostileCarbon, 10, "port offset -1 is out of range 0-65535"},
		{"huge offset in carbon.xml", hostileEdit(hostileCarbon, "<Offset>0</Offset>", "<Offset>70000</Offset>"),
			Options{}, hostileCarbon, 10, "port offset 70000 is out of range 0-65535"},
		{"offset beyond int in carbon.xml", hostileEdit(hostileCarbon, "<Offset>0</Offset>", "<Offset>99999999999999999999999</Offset>"),
			Options{}, hostileCarbon, 10, "is not a whole number"},
		{"duplicate attribute", hostileEdit("repository/conf/tomcat/catalina-server.xml", `port="9443"`, `port="9443" port="8443"`),
			Options{}, "repository/conf/tomcat/catalina-server.xml", 10, `:10:32: malformed XML: attribute "port" appears more than once in element <Connector>`},
		{"attlist default", hostileReplace(hostileCarbon, "<?xml version=\"1.0\"?>\n<!DOCTYPE Server [\n  <!ATTLIST Ports Offset CDATA \"5\">\n]>\n<Server><Ports/></Server>\n"),
			Options{}, hostileCarbon, 3, ":3:3: DTD attribute-list declarations (<!ATTLIST>) are not supported"},
		{"child element in the offset", hostileEdit(hostileCarbon, "<Offset>0</Offset>", "<Offset><x/>1</Offset>"),
			Options{}, hostileCarbon, 10, ":10:17: element <Offset> holds the element <x> where a value is expected"},
		{"child element in a pass-through port", hostileEdit("repository/conf/axis2/axis2.xml", ">8280<", "><v>8280</v><"),
			Options{}, "repository/conf/axis2/axis2.xml", 3, ":3:47: element <parameter> holds the element <v> where a value is expected"},
		{"non-numeric offset in the start script", hostileEdit("bin/wso2server.sh", "-Xms256m", "-DportOffset=abc -Xms256m"),
			Options{}, "bin/wso2server.sh", 18, `port offset "abc" is not a whole number`},
		{"non-numeric catalina port", hostileEdit("repository/conf/tomcat/catalina-server.xml", `port="9443"`, `port="94x3"`),
			Options{}, "repository/conf/tomcat/catalina-server.xml", 10, `port "94x3" is not a number`},
		{"non-numeric pass-through port", hostileEdit("repository/conf/axis2/axis2.xml", ">8280<", ">eighty<"),
			Options{}, "repository/conf/axis2/axis2.xml", 3, `port "eighty" is not a number`},
		{"port out of range", hostileEdit("repository/conf/axis2/axis2.xml", ">8280<", ">99999<"),
			Options{}, "repository/conf/axis2/axis2.xml", 3, "port 99999 is out of range 0-65535"},
	}
}

func hostileAttrs(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, " a%d=''", i)
	}
	return b.String()
}

// utf16 encodes an ASCII string as UTF-16 with a byte order mark.
func hostileUTF16(s string, bigEndian bool) string {
	var b []byte
	if bigEndian {
		b = append(b, 0xFE, 0xFF)
	} else {
		b = append(b, 0xFF, 0xFE)
	}
	for _, c := range []byte(s) {
		if bigEndian {
			b = append(b, 0, c)
		} else {
			b = append(b, c, 0)
		}
	}
	return string(b)
}

// checkInputError checks that err is a one-line *Error naming dir/file (and line).
func checkInputError(t *testing.T, err error, dir, file string, line int, want string) {
	t.Helper()
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("error = %v (%T), want a *parse.Error", err, err)
	}
	if wantFile := filepath.ToSlash(filepath.Join(dir, file)); pe.File != wantFile {
		t.Errorf("error names %q, want %q", pe.File, wantFile)
	}
	if pe.Line != line {
		t.Errorf("error line %d, want %d (%v)", pe.Line, line, err)
	}
	msg := err.Error()
	if !strings.Contains(msg, want) {
		t.Errorf("error %q does not contain %q", msg, want)
	}
	if strings.ContainsAny(msg, "\r\n") {
		t.Errorf("error is not one line: %q", msg)
	}
}

func TestHostileHome(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			dir := hostileCopyExample(t)
			tc.setup(t, dir)
			h, err := Home(dir, tc.opt)
			if err == nil {
				t.Fatalf("Home read %d servers, want an error", len(h.Servers))
			}
			checkInputError(t, err, dir, tc.file, tc.line, tc.want)
		})
	}
}

func TestHostileSymlinkFollowed(t *testing.T) {
	dir := hostileCopyExample(t)
	hostileSymlink(hostileCarbon, "$OUT/carbon.xml")(t, dir)
	h, err := Home(dir, Options{FollowSymlinks: true})
	if err != nil {
		t.Fatalf("--follow-symlinks: %v", err)
	}
	if len(h.Servers) != 1 || h.Servers[0].Offset.Origin != model.OriginCarbon {
		t.Errorf("servers = %+v, want one server whose offset comes from the linked carbon.xml", h.Servers)
	}
}

func TestHostileUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not apply in-process (cmd/wso2lint covers this as an unprivileged user)")
	}
	dir := hostileCopyExample(t)
	p := filepath.Join(dir, hostileCarbon)
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, err := Home(dir, Options{})
	checkInputError(t, err, dir, hostileCarbon, 0, "permission denied")
}

func TestHostileOffsetOption(t *testing.T) {
	dir := hostileCopyExample(t)
	for _, n := range []int{-5, 70000} {
		_, err := Home(dir, Options{Offset: &n})
		want := fmt.Sprintf("--offset %d: want a whole number from 0 to 65535", n)
		if err == nil || err.Error() != want {
			t.Errorf("offset %d: error %v, want %q", n, err, want)
		}
	}
}

// TestFileDisappears removes each file between the check and the open, as a
// concurrent deployment would, and wants an input error naming that file.
func TestFileDisappears(t *testing.T) {
	for _, rel := range []string{hostileCarbon, "bin/wso2server.sh", "repository/conf/axis2/axis2.xml", "repository/conf/log4j.properties"} {
		t.Run(rel, func(t *testing.T) {
			dir := hostileCopyExample(t)
			h, err := newHome(dir, &Options{})
			if err != nil {
				t.Fatal(err)
			}
			removed := false
			h.beforeOpen = func(r string) {
				if r == rel {
					if err := os.Remove(filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
						t.Fatal(err)
					}
					removed = true
				}
			}
			layouts := h.layout()
			if len(layouts) != 1 {
				t.Fatalf("layout = %+v, want one server", layouts)
			}
			l := layouts[0]
			s := &server{h: h, conf: l.conf, bin: l.bin}
			err = s.read()
			if !removed {
				t.Fatalf("%s was never opened", rel)
			}
			checkInputError(t, err, dir, rel, 0, "file disappeared while it was being read")
		})
	}
}
