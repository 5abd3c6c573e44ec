package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wso2lint/wso2lint/internal/testenv"
	"github.com/wso2lint/wso2lint/parse"
)

const (
	// hostileTimeout bounds one run of the binary on a hostile home.
	hostileTimeout = 10 * time.Second
	// hostileMaxRSS bounds the peak resident memory of one run, in bytes.
	hostileMaxRSS = 200 << 20
	// nobody is the uid and gid the binary runs as when the tests run as root,
	// so that file permissions apply.
	nobody = 65534
)

// boundedRun is the outcome of one run of the binary.
type boundedRun struct {
	code           int
	stdout, stderr string
	maxRSS         int64         // bytes
	elapsed        time.Duration // wall time of the binary alone
}

// rssWrapperEnv makes TestRSSWrapper act as the wrapper process of execBounded.
const rssWrapperEnv = "WSO2LINT_TEST_RSS_WRAPPER"

// execBounded runs the built binary with a timeout, GOMEMLIMIT unset and, when
// cred is set, as another user; it reports the peak resident memory.
//
// The binary is started by a small wrapper (this test binary re-executed into
// TestRSSWrapper), not by the test process itself: Go starts children with
// vfork, and Linux counts the parent's peak memory in a vforked child's
// ru_maxrss, so a large test process (with -race, ~300 MiB) would hide the
// binary's own peak.
func execBounded(t *testing.T, bin string, cred *syscall.Credential, args ...string) boundedRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*hostileTimeout)
	defer cancel()
	uid := "-"
	if cred != nil {
		uid = strconv.FormatUint(uint64(cred.Uid), 10)
	}
	wrapperArgs := append([]string{"-test.run=^TestRSSWrapper$", "--", uid, bin}, args...)
	cmd := exec.CommandContext(ctx, os.Args[0], wrapperArgs...)
	cmd.Dir = repoRoot(t)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOMEMLIMIT=") && !strings.HasPrefix(kv, "GOTRACEBACK=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, rssWrapperEnv+"=1")
	resR, resW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer resR.Close()
	cmd.ExtraFiles = []*os.File{resW}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatalf("start wrapper: %v", err)
	}
	resW.Close()
	res, _ := io.ReadAll(resR)
	werr := cmd.Wait()
	r := boundedRun{stdout: out.String(), stderr: errb.String(), elapsed: time.Since(start)}
	var timedOut int
	var ns int64
	if _, err := fmt.Sscan(string(res), &r.code, &r.maxRSS, &timedOut, &ns); err != nil {
		t.Fatalf("wrapper for wso2lint %s: %v, result %q, stderr %q", strings.Join(args, " "), werr, res, r.stderr)
	}
	if timedOut != 0 {
		t.Fatalf("wso2lint %s: still running after %v", strings.Join(args, " "), hostileTimeout)
	}
	r.elapsed = time.Duration(ns) // the binary's own run, without the wrapper's start
	return r
}

// TestRSSWrapper is not a test: execBounded re-executes the test binary into
// it to run wso2lint with accurate peak memory accounting. It writes "exit
// status, peak RSS in bytes, timed out (0/1)" to file descriptor 3.
func TestRSSWrapper(t *testing.T) {
	if os.Getenv(rssWrapperEnv) == "" {
		t.Skip("helper process of execBounded")
	}
	args := flagArgsAfterDashes(os.Args)
	if len(args) < 2 {
		os.Exit(3)
	}
	res := os.NewFile(3, "result")
	ctx, cancel := context.WithTimeout(context.Background(), hostileTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[1], args[2:]...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, rssWrapperEnv+"=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	if args[0] != "-" {
		id, err := strconv.ParseUint(args[0], 10, 32)
		if err != nil {
			os.Exit(3)
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(id), Gid: uint32(id), NoSetGroups: true}}
	}
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	code := 0
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		fmt.Fprintf(os.Stderr, "wrapper: %v\n", err)
		os.Exit(3)
	}
	var maxRSS int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		maxRSS = int64(ru.Maxrss) * 1024 // kilobytes on Linux
	}
	timedOut := 0
	if ctx.Err() != nil {
		timedOut = 1
	}
	fmt.Fprintf(res, "%d %d %d %d\n", code, maxRSS, timedOut, elapsed.Nanoseconds())
	res.Close()
	os.Exit(0)
}

// flagArgsAfterDashes returns the arguments after the first "--".
func flagArgsAfterDashes(args []string) []string {
	for i, a := range args {
		if a == "--" {
			return args[i+1:]
		}
	}
	return nil
}

// hostileExample is the home every hostile case starts from.
const hostileExample = "testdata/example/wso2am-2.6.0"

// hostileSetup changes one thing in the home at dir; outside is a directory
// next to the home for files that must lie outside it.
type hostileSetup func(t *testing.T, dir, outside string)

// writeRel returns a setup writing content to the home-relative file rel.
func writeRel(rel, content string) hostileSetup {
	return func(t *testing.T, dir, _ string) {
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

// editRel returns a setup replacing the first old by new in the home-relative file rel.
func editRel(rel, old, new string) hostileSetup {
	return func(t *testing.T, dir, _ string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s does not contain %q", rel, old)
		}
		if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// linkRel returns a setup replacing rel by a symbolic link to target.
func linkRel(rel, target string) hostileSetup {
	return func(t *testing.T, dir, _ string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// linkOutside moves rel out of the home and links it back in.
func linkOutside(rel string) hostileSetup {
	return func(t *testing.T, dir, outside string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		target := filepath.Join(outside, filepath.Base(p))
		if err := os.Rename(p, target); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

func billionLaughsXML() string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE Server [\n  <!ENTITY lol0 \"lol\">\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "  <!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	b.WriteString("]>\n<Server><Name>&lol9;</Name></Server>\n")
	return b.String()
}

const (
	carbonFile   = "repository/conf/carbon.xml"
	catalinaFile = "repository/conf/tomcat/catalina-server.xml"
	axis2File    = "repository/conf/axis2/axis2.xml"
	scriptFile   = "bin/wso2server.sh"
	tomlFile     = "repository/conf/deployment.toml"
	yamlFile     = "wso2/analytics/conf/worker/deployment.yaml"
	inboundDir   = "repository/deployment/server/synapse-configs/default/inbound-endpoints"
)

// irregularTimeout bounds a run that must refuse a named pipe, socket or
// device: the file is checked before it is opened, so the run is quick.
const irregularTimeout = time.Second

// checkQuick checks that a run ended within irregularTimeout. A blocked run
// never ends (execBounded fails it after hostileTimeout); a slow one on a
// loaded machine is run again, twice at most, and the quickest run counts.
func checkQuick(t *testing.T, r boundedRun, again func() boundedRun, args []string) {
	t.Helper()
	best := r.elapsed
	for i := 0; i < 2 && best > irregularTimeout; i++ {
		best = min(best, again().elapsed)
	}
	if best > irregularTimeout {
		t.Errorf("wso2lint %s: took %v, want under %v", strings.Join(args, " "), best.Round(time.Millisecond), irregularTimeout)
	}
}

// fifoRel returns a setup replacing rel by a named pipe no one writes to.
func fifoRel(rel string) hostileSetup {
	return func(t *testing.T, dir, _ string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// socketRel returns a setup replacing rel by a listening unix socket.
func socketRel(rel string) hostileSetup {
	return func(t *testing.T, dir, _ string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
		// A socket path is limited to about 100 bytes: listen from its
		// directory, then come back (the tests find the repository from it).
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		t.Chdir(filepath.Dir(p))
		l, err := net.Listen("unix", filepath.Base(p))
		t.Chdir(wd)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
	}
}

// hostileCLICase is a home with one hostile change; every command must fail
// with exit status 2 and one line naming file (home-relative; "" when the
// problem is a flag) and containing want.
type hostileCLICase struct {
	name  string
	setup hostileSetup
	flags []string
	file  string
	want  string
	// asNobody runs the binary as an unprivileged user when the tests run as root.
	asNobody bool
	// fast: each run must end within irregularTimeout (a refused file is
	// never opened for a blocking read).
	fast bool
}

func hostileCLICases() []hostileCLICase {
	entity := "DTD entity declarations are not allowed"
	return []hostileCLICase{
		{name: "external entity file", setup: writeRel(carbonFile, "<?xml version=\"1.0\"?>\n<!DOCTYPE Server [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Server><Name>&x;</Name></Server>\n"),
			file: carbonFile, want: entity},
		{name: "external entity url", setup: writeRel(carbonFile, "<?xml version=\"1.0\"?>\n<!DOCTYPE Server [<!ENTITY x SYSTEM \"http://127.0.0.1:1/x\">]>\n<Server><Name>&x;</Name></Server>\n"),
			file: carbonFile, want: entity},
		{name: "external dtd", setup: writeRel(carbonFile, "<!DOCTYPE Server SYSTEM \"http://127.0.0.1:1/x.dtd\">\n<Server><Name>&x;</Name></Server>\n"),
			file: carbonFile, want: "malformed XML"},
		{name: "billion laughs", setup: writeRel(carbonFile, billionLaughsXML()), file: carbonFile, want: entity},
		{name: "1,000,000-deep nesting", setup: writeRel(carbonFile, strings.Repeat("<a>", 1000000)+strings.Repeat("</a>", 1000000)),
			file: carbonFile, want: "XML nested deeper than"},
		{name: "element flood at the default size limit", setup: writeRel(carbonFile, "<Server>"+strings.Repeat("<a/>", (parse.DefaultMaxFileSize-20)/4)+"</Server>"),
			file: carbonFile, want: "XML elements"},
		{name: "ignore comment flood", setup: writeRel(carbonFile, "<Server>\n"+strings.Repeat("<!-- wso2lint:ignore WL101 -->\n", 20000)+"</Server>"),
			file: carbonFile, want: "wso2lint:ignore comments"},
		{name: "above --max-file-size", setup: writeRel(carbonFile, "<Server>"+strings.Repeat(" ", 2048)+"</Server>"), flags: []string{"--max-file-size", "1024"},
			file: carbonFile, want: "larger than the limit of 1024 bytes"},
		{name: "sparse file above the default limit", setup: func(t *testing.T, dir, _ string) {
			if err := os.Truncate(filepath.Join(dir, carbonFile), parse.DefaultMaxFileSize+1); err != nil {
				t.Fatal(err)
			}
		}, file: carbonFile, want: fmt.Sprintf("file is %d bytes, larger than the limit of %d bytes", parse.DefaultMaxFileSize+1, parse.DefaultMaxFileSize)},
		{name: "binary junk", setup: writeRel(carbonFile, "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\xff\xfe\xfd"), file: carbonFile, want: "binary data"},
		{name: "invalid utf-8", setup: writeRel(carbonFile, "<Server><Name>\xc3\x28\xff</Name></Server>\n"), file: carbonFile, want: "invalid UTF-8"},
		{name: "utf-16 with bom", setup: writeRel(carbonFile, "\xff\xfe<\x00S\x00e\x00r\x00v\x00e\x00r\x00/\x00>\x00"), file: carbonFile, want: "UTF-16"},
		{name: "empty file", setup: writeRel(carbonFile, ""), file: carbonFile, want: "empty file"},
		{name: "directory where a file belongs", setup: func(t *testing.T, dir, _ string) {
			p := filepath.Join(dir, carbonFile)
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}, file: carbonFile, want: "is a directory"},
		{name: "unreadable file", setup: func(t *testing.T, dir, _ string) {
			if err := os.Chmod(filepath.Join(dir, carbonFile), 0); err != nil {
				t.Fatal(err)
			}
		}, file: carbonFile, want: "permission denied", asNobody: true},
		{name: "symlink loop", setup: func(t *testing.T, dir, outside string) {
			linkRel(carbonFile, "carbon-2.xml")(t, dir, outside)
			linkRel("repository/conf/carbon-2.xml", "carbon.xml")(t, dir, outside)
		}, file: carbonFile, want: "symbolic link loop"},
		{name: "symlink leaving the home", setup: linkOutside(carbonFile), file: carbonFile, want: "symbolic link leaves the home"},
		{name: "dangling symlink", setup: linkRel(catalinaFile, "gone.xml"), file: catalinaFile, want: "broken symbolic link"},
		{name: "fifo as carbon.xml", setup: fifoRel(carbonFile), file: carbonFile, want: "not a regular file: named pipe (FIFO)", fast: true},
		{name: "fifo as deployment.toml", setup: fifoRel(tomlFile), file: tomlFile, want: "not a regular file: named pipe (FIFO)", fast: true},
		{name: "fifo in inbound-endpoints", setup: fifoRel(inboundDir + "/fifo.xml"), file: inboundDir + "/fifo.xml", want: "not a regular file: named pipe (FIFO)", fast: true},
		{name: "unix socket as carbon.xml", setup: socketRel(carbonFile), file: carbonFile, want: "not a regular file: socket", fast: true},
		{name: "symlink to /dev/zero followed", setup: linkRel(carbonFile, "/dev/zero"), flags: []string{"--follow-symlinks"},
			file: carbonFile, want: "not a regular file: character device", fast: true},
		{name: "negative offset in carbon.xml", setup: editRel(carbonFile, "<Offset>0</Offset>", "<Offset>-1</Offset>"),
			file: carbonFile, want: "port offset -1 is out of range"},
		{name: "huge offset in carbon.xml", setup: editRel(carbonFile, "<Offset>0</Offset>", "<Offset>70000</Offset>"),
			file: carbonFile, want: "port offset 70000 is out of range"},
		{name: "--offset -5", flags: []string{"--offset", "-5"}, want: "--offset -5: want a whole number from 0 to 65535"},
		{name: "--offset 70000", flags: []string{"--offset", "70000"}, want: "--offset 70000: want a whole number from 0 to 65535"},
		{name: "--offset not a number", flags: []string{"--offset", "1e3"}, want: `--offset "1e3": want a whole number`},
		{name: "duplicate attribute", setup: editRel(catalinaFile, `port="9443"`, `port="9443" port="8443"`),
			file: catalinaFile, want: `:10:32: malformed XML: attribute "port" appears more than once in element <Connector>`},
		{name: "attlist default in an internal DTD subset", setup: writeRel(carbonFile, "<?xml version=\"1.0\"?>\n<!DOCTYPE Server [\n  <!ATTLIST Ports Offset CDATA \"5\">\n]>\n<Server><Ports/></Server>\n"),
			file: carbonFile, want: ":3:3: DTD attribute-list declarations (<!ATTLIST>) are not supported"},
		{name: "child element in the offset", setup: editRel(carbonFile, "<Offset>0</Offset>", "<Offset><x/>1</Offset>"),
			file: carbonFile, want: ":10:17: element <Offset> holds the element <x> where a value is expected"},
		{name: "child element in a pass-through port", setup: editRel(axis2File, ">8280<", "><v>8280</v><"),
			file: axis2File, want: ":3:47: element <parameter> holds the element <v> where a value is expected"},
		{name: "non-numeric offset in the start script", setup: editRel(scriptFile, "-Xms256m", "-DportOffset=abc -Xms256m"),
			file: scriptFile, want: `port offset "abc" is not a whole number`},
		{name: "non-numeric catalina port", setup: editRel(catalinaFile, `port="9443"`, `port="94x3"`),
			file: catalinaFile, want: `port "94x3" is not a number`},
		{name: "non-numeric pass-through port", setup: editRel(axis2File, ">8280<", ">eighty<"),
			file: axis2File, want: `port "eighty" is not a number`},
		{name: "malformed deployment.toml", setup: writeRel(tomlFile, "[server]\nhostname = \"unterminated\noffset = 1\n"),
			file: tomlFile, want: "malformed TOML"},
		{name: "deeply nested deployment.toml", setup: writeRel(tomlFile, "a = "+strings.Repeat("[", 1000000)+strings.Repeat("]", 1000000)+"\n"),
			file: tomlFile, want: "malformed TOML"},
		{name: "200,000 tables in deployment.toml, the last defined twice", setup: writeRel(tomlFile, manyTomlTables(200000)+"[t0]\n"),
			file: tomlFile, want: "malformed TOML: toml: table t0 already exists"},
		{name: "30 MB array in deployment.toml", setup: writeRel(tomlFile, "a = ["+strings.Repeat("1, ", 10_000_000)+"]\n"),
			file: tomlFile, want: "TOML expression with more than 100000 values"},
		{name: "30 MB array as a port in deployment.toml", setup: writeRel(tomlFile, "[transport.https.properties]\nport = ["+
			strings.Repeat(`"`+strings.Repeat("9", 997)+`", `, 30_000)+"]\n"),
			file: tomlFile, want: "transport.https.properties.port: a port must be a number (bare or quoted), not an array"},
		{name: "$ref{} expansion bomb in deployment.toml", setup: writeRel(tomlFile, tomlRefBomb()),
			file: tomlFile + ":8:6", want: "$ref{} references expand the file's values by more than"},
		{name: "float port in deployment.toml", setup: writeRel(tomlFile, "[transport.https.properties]\nport = 1234.0\n"),
			file: tomlFile + ":2:8", want: "a port must be a number (bare or quoted), not a float 1234.0"},
		{name: "array port in deployment.toml", setup: writeRel(tomlFile, "[transport.https.properties]\nport = [1234]\n"),
			file: tomlFile + ":2:9", want: "a port must be a number (bare or quoted), not an array [1234]"},
		{name: "boolean port in deployment.toml", setup: writeRel(tomlFile, "[transport.https.properties]\nport = true\n"),
			file: tomlFile + ":2:8", want: "a port must be a number (bare or quoted), not a boolean true"},
		{name: "float offset in deployment.toml", setup: writeRel(tomlFile, "[server]\noffset = 1.5\n"),
			file: tomlFile + ":2:10", want: "a port offset must be a whole number (bare or quoted), not a float 1.5"},
		{name: "number switch in deployment.toml", setup: writeRel(tomlFile, "[monitoring.jmx]\nrmi_server_start = 1\n"),
			file: tomlFile + ":2:20", want: "a switch must be true or false, not an integer 1"},
		{name: "malformed \\uXXXX escape in a .properties file", setup: writeRel("repository/conf/log4j.properties", "log4j.rootLogger=INFO\nlog4j.appender.X.Port=\\u12G4\n"),
			file: "repository/conf/log4j.properties:2", want: `malformed properties file: malformed \uxxxx encoding "\\u12G4"`},
		{name: "200,000 keys in log4j.properties, then a bad port", setup: writeRel("repository/conf/log4j.properties", manyProps(200000)+
			"log4j.appender.S=org.apache.log4j.net.SocketAppender\nlog4j.appender.S.RemoteHost=h\nlog4j.appender.S.Port=abc\n"),
			file: "repository/conf/log4j.properties:200003", want: `port "abc" is not a number`},
		{name: "malformed EI analytics deployment.yaml", setup: writeRel(yamlFile, "wso2.carbon:\n  ports: [\n    offset: 1\n"),
			file: yamlFile, want: "malformed YAML"},
		{name: "deeply nested EI analytics deployment.yaml", setup: writeRel(yamlFile, "a: "+strings.Repeat("[", 1000000)+strings.Repeat("]", 1000000)+"\n"),
			file: yamlFile, want: "malformed YAML"},
		{name: "non-numeric offset in EI analytics deployment.yaml", setup: writeRel(yamlFile, "wso2.carbon:\n  ports:\n    offset: many\n"),
			file: yamlFile, want: `port offset "many" is not a whole number`},
	}
}

// manyTomlTables returns n empty deployment.toml tables [t0] ... [tN-1].
func manyTomlTables(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("[t" + strconv.Itoa(i) + "]\n")
	}
	return b.String()
}

// manyProps returns n .properties keys k0=v ... kN-1=v.
func manyProps(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("k" + strconv.Itoa(i) + "=v\n")
	}
	return b.String()
}

// tomlRefBomb nests $ref{} eight deep, each level referring ten times to the
// one before: r.x8 would expand to a gigabyte.
func tomlRefBomb() string {
	var b strings.Builder
	b.WriteString("[r]\nx0 = \"AAAAAAAAAA\"\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "x%d = \"%s\"\n", i, strings.Repeat(fmt.Sprintf("$ref{r.x%d}", i-1), 10))
	}
	return b.String()
}

// hostileCommands are the commands every hostile case runs; "OUT" stands for
// the output file.
var hostileCommands = [][]string{
	{"lint", "--no-config"},
	{"ports"},
	{"rules", "--target", "nftables", "-o", "OUT"},
}

func TestHostileInputs(t *testing.T) {
	bin := binary(t)
	for _, tc := range hostileCLICases() {
		t.Run(tc.name, func(t *testing.T) {
			var cred *syscall.Credential
			bin := bin
			root := t.TempDir()
			if tc.asNobody && os.Geteuid() == 0 {
				cred = &syscall.Credential{Uid: nobody, Gid: nobody, NoSetGroups: true}
				bin = unprivileged(t, bin, root)
			}
			dir := filepath.Join(root, "home")
			outside := filepath.Join(root, "outside")
			outDir := filepath.Join(root, "out")
			copyTree(t, filepath.Join(repoRoot(t), hostileExample), dir)
			for _, d := range []string{outside, outDir} {
				if err := os.Mkdir(d, 0o777); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(d, 0o777); err != nil {
					t.Fatal(err)
				}
			}
			if tc.setup != nil {
				tc.setup(t, dir, outside)
			}
			if cred != nil {
				worldReadable(t, root, filepath.Join(dir, tc.file))
			}
			existing := filepath.Join(outDir, "existing.nft")
			if err := os.WriteFile(existing, []byte("previous rules\n"), 0o666); err != nil {
				t.Fatal(err)
			}
			fresh := filepath.Join(outDir, "fresh.nft")
			var runs [][]string
			for _, c := range hostileCommands {
				runs = append(runs, withOutput(c, existing), withOutput(c, fresh))
			}
			for _, args := range runs {
				args = append(append(append([]string{}, args...), tc.flags...), dir)
				r := execBounded(t, bin, cred, args...)
				checkHostileRun(t, args, r, dir, tc.file, tc.want)
				if tc.fast {
					checkQuick(t, r, func() boundedRun { return execBounded(t, bin, cred, args...) }, args)
				}
			}
			if got, err := os.ReadFile(existing); err != nil || string(got) != "previous rules\n" {
				t.Errorf("existing output file changed: %q, %v", got, err)
			}
			entries, err := os.ReadDir(outDir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("output directory holds %v, want only existing.nft", names)
			}
		})
	}
}

// withOutput replaces OUT in a command by out; commands without -o are kept once.
func withOutput(args []string, out string) []string {
	res := make([]string, len(args))
	for i, a := range args {
		if a == "OUT" {
			a = out
		}
		res[i] = a
	}
	return res
}

// checkHostileRun checks exit status 2, one stderr line naming the file, no
// panic, and the time and memory bounds.
func checkHostileRun(t *testing.T, args []string, r boundedRun, dir, file, want string) {
	t.Helper()
	cmdline := "wso2lint " + strings.Join(args, " ")
	t.Logf("%s: exit %d, peak RSS %.1f MiB, %v", args[0], r.code, float64(r.maxRSS)/(1<<20), r.elapsed.Round(time.Millisecond))
	if r.code != exitInput {
		t.Errorf("%s: exit %d, want 2 (stderr %q)", cmdline, r.code, r.stderr)
	}
	if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic:") {
		t.Fatalf("%s: panic:\n%s", cmdline, r.stderr)
	}
	if n := strings.Count(r.stderr, "\n"); n != 1 || !strings.HasSuffix(r.stderr, "\n") {
		t.Errorf("%s: stderr has %d lines, want exactly one: %q", cmdline, n, r.stderr)
	}
	line := strings.TrimSuffix(r.stderr, "\n")
	prefix := "wso2lint: "
	if file != "" {
		prefix += filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(file)))
	}
	if !strings.HasPrefix(line, prefix) {
		t.Errorf("%s: stderr %q does not start with %q", cmdline, line, prefix)
	}
	if !strings.Contains(line, want) {
		t.Errorf("%s: stderr %q does not contain %q", cmdline, line, want)
	}
	if r.stdout != "" {
		t.Errorf("%s: wrote %d bytes to stdout on an input error", cmdline, len(r.stdout))
	}
	if r.maxRSS > hostileMaxRSS {
		t.Errorf("%s: peak RSS %d MiB, want at most %d MiB", cmdline, r.maxRSS>>20, hostileMaxRSS>>20)
	}
}

// unprivileged copies the binary to a directory the unprivileged user can
// reach (the build directory is private) and opens root to that user.
func unprivileged(t *testing.T, bin, root string) string {
	t.Helper()
	// t.TempDir's parent directory is private too.
	for _, d := range []string{filepath.Dir(root), root} {
		if err := os.Chmod(d, 0o755); err != nil {
			testenv.Skipf(t, "cannot open %s to uid %d: %v", d, nobody, err)
		}
	}
	dst := filepath.Join(root, "bin", "wso2lint")
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, src); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	// Check that the kernel lets us switch user at all (no CAP_SETUID in some sandboxes).
	probe := exec.Command(dst, "--version")
	probe.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody, NoSetGroups: true}}
	if b, err := probe.CombinedOutput(); err != nil {
		testenv.Skipf(t, "cannot run the binary as uid %d to test an unreadable file as root: %v %s", nobody, err, bytes.TrimSpace(b))
	}
	return dst
}

// worldReadable opens every file and directory under root for reading, except
// the file keep (left unreadable).
func worldReadable(t *testing.T, root, keep string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == keep || d.Type()&os.ModeSymlink != 0 {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		mode := info.Mode().Perm() | 0o444
		if d.IsDir() {
			mode |= 0o111
		}
		return os.Chmod(p, mode)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestHostileSymlinkFollowed checks that --follow-symlinks reads a file linked
// from outside the home: no input error.
func TestHostileSymlinkFollowed(t *testing.T) {
	bin := binary(t)
	root := t.TempDir()
	dir := filepath.Join(root, "home")
	outside := filepath.Join(root, "outside")
	copyTree(t, filepath.Join(repoRoot(t), hostileExample), dir)
	if err := os.Mkdir(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	linkOutside(carbonFile)(t, dir, outside)
	out := filepath.Join(root, "rules.nft")
	for _, args := range [][]string{
		{"lint", "--no-config", "--follow-symlinks", dir},
		{"ports", "--follow-symlinks", dir},
		{"rules", "--target", "nftables", "--follow-symlinks", "-o", out, dir},
	} {
		r := execBounded(t, bin, nil, args...)
		if r.code != exitOK && r.code != exitFindings {
			t.Errorf("wso2lint %s: exit %d, want 0 or 1 (stderr %q)", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.Contains(b, []byte("table inet wso2lint")) {
		t.Errorf("rules file = %q, %v", b, err)
	}
}

// TestIrregularInputFiles checks the files wso2lint reads besides the home's:
// a named pipe or device as the project config, the baseline or the rules
// file of --check is refused at once with one line naming it (exit 2), where
// it used to block forever waiting for a writer.
func TestIrregularInputFiles(t *testing.T) {
	bin := binary(t)
	const fifo = "FIFO"
	cases := []struct {
		name string
		// config: where the FIFO goes; "home" puts it in the home as .wso2lint.yaml.
		at   string
		args []string // FIFO stands for the named pipe, HOME for the home
		kind string
	}{
		{name: "found .wso2lint.yaml", at: "home", args: []string{"lint", "HOME"}, kind: "named pipe (FIFO)"},
		{name: "found .wso2lint.yaml, ports", at: "home", args: []string{"ports", "HOME"}, kind: "named pipe (FIFO)"},
		{name: "found .wso2lint.yaml, rules", at: "home", args: []string{"rules", "--target", "nftables", "HOME"}, kind: "named pipe (FIFO)"},
		{name: "--config", args: []string{"lint", "--config", fifo, "HOME"}, kind: "named pipe (FIFO)"},
		{name: "--config device", args: []string{"ports", "--config", "/dev/zero", "HOME"}, kind: "character device"},
		{name: "--baseline", args: []string{"lint", "--no-config", "--baseline", fifo, "HOME"}, kind: "named pipe (FIFO)"},
		{name: "rules --check", args: []string{"rules", "--target", "nftables", "--check", fifo, "HOME"}, kind: "named pipe (FIFO)"},
		{name: "rules --check device", args: []string{"rules", "--target", "nftables", "--check", "/dev/zero", "HOME"}, kind: "character device"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			home := filepath.Join(root, "home")
			copyTree(t, filepath.Join(repoRoot(t), hostileExample), home)
			pipe := filepath.Join(root, "pipe")
			if tc.at == "home" {
				pipe = filepath.Join(home, ".wso2lint.yaml")
			}
			if err := syscall.Mkfifo(pipe, 0o644); err != nil {
				t.Fatal(err)
			}
			named := pipe
			var args []string
			for _, a := range tc.args {
				switch a {
				case fifo:
					a = pipe
				case "HOME":
					a = home
				case "/dev/zero":
					named = a
				}
				args = append(args, a)
			}
			r := execBounded(t, bin, nil, args...)
			cmdline := "wso2lint " + strings.Join(args, " ")
			if r.code != exitInput {
				t.Errorf("%s: exit %d, want 2 (stderr %q)", cmdline, r.code, r.stderr)
			}
			checkQuick(t, r, func() boundedRun { return execBounded(t, bin, nil, args...) }, args)
			if n := strings.Count(r.stderr, "\n"); n != 1 || !strings.HasSuffix(r.stderr, "\n") {
				t.Errorf("%s: stderr has %d lines, want one: %q", cmdline, n, r.stderr)
			}
			want := named + ": not a regular file: " + tc.kind
			if !strings.HasPrefix(r.stderr, "wso2lint: ") || !strings.Contains(r.stderr, want) {
				t.Errorf("%s: stderr %q does not contain %q", cmdline, r.stderr, want)
			}
			if r.stdout != "" {
				t.Errorf("%s: stdout %q, want nothing", cmdline, r.stdout)
			}
		})
	}
}
