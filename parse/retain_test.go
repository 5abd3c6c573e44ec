package parse

import (
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// TestHomeRetainsLittle checks what a parsed home keeps alive once read: its
// strings no longer hold the file contents they were cut from and its slices
// no spare capacity (issue 15 items 2 and 5: a thousand homes in 100 MB).
//
// Every file of a copy of the example home is padded with a 64 KB comment, so
// a single string still cut from any file's contents keeps at least 64 KB
// alive, while a detached home keeps about 9 KB whatever its files' size.
// The bound sits between the two, far from both: a heap reading moves by a
// few hundred bytes per home from run to run (more under -race), which made
// the earlier fixed bound of 10 KB on the unpadded home fail in CI.
func TestHomeRetainsLittle(t *testing.T) {
	const pad = 64 << 10
	dir := filepath.Join(t.TempDir(), "wso2am-2.6.0")
	testenv.CopyTree(t, filepath.Join(repoRootB(t), "testdata", "example", "wso2am-2.6.0"), dir)
	files := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		var comment string
		switch filepath.Ext(p) {
		case ".xml":
			comment = "\n<!--" + strings.Repeat(" padding", pad/8) + " -->\n"
		case ".properties", ".sh":
			comment = strings.Repeat("\n# padding padding padding padding padding padding padding", pad/58) + "\n"
		default:
			t.Fatalf("%s: no comment syntax known for this file", p)
		}
		f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		if _, err := f.WriteString(comment); err != nil {
			f.Close()
			return err
		}
		files++
		return f.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Home(filepath.Join(repoRootB(t), "testdata", "example", "wso2am-2.6.0"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	first, err := Home(dir, Options{}) // tables built once, outside the measurement
	if err != nil {
		t.Fatal(err)
	}
	if got, wantN := len(first.Servers[0].Listeners), len(want.Servers[0].Listeners); got != wantN || wantN == 0 {
		t.Fatalf("padded home: %d listeners, unpadded: %d; the padding changed what is read", got, wantN)
	}

	const n = 40
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	homes := make([]*model.Home, n)
	for i := range homes {
		h, err := Home(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		homes[i] = h
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := (int64(after.HeapAlloc) - int64(before.HeapAlloc)) / n
	runtime.KeepAlive(homes)
	t.Logf("%d files of %d KB read; %d bytes kept per home", files, pad>>10, per)
	if files < 5 {
		t.Fatalf("only %d files padded", files)
	}
	if per > pad/2 {
		t.Errorf("a parsed home keeps %d bytes alive, want at most %d: a string still holds a file's contents", per, pad/2)
	}
}

// TestDetachValue checks the walk on a value of every shape it handles:
// strings copied with the same text, grown slices clipped, nil slices left
// nil and empty ones empty, nested through pointers, arrays and structs.
func TestDetachValue(t *testing.T) {
	type inner struct {
		Name string
		Nums []int
	}
	type outer struct {
		A     string
		In    inner
		P     *inner
		Nil   *inner
		L     []inner
		Arr   [2]string
		Empty []string
		None  []string
	}
	file := "host=example.org port=9443"
	cut := file[5:16]
	grown := append(make([]int, 0, 8), 1, 2, 3)
	v := outer{
		A: cut, In: inner{Name: cut, Nums: grown}, P: &inner{Name: file[22:]},
		L:   append(make([]inner, 0, 4), inner{Name: cut}),
		Arr: [2]string{cut, ""}, Empty: make([]string, 0, 4),
	}
	detachValue(reflect.ValueOf(&v).Elem())
	want := outer{
		A: "example.org", In: inner{Name: "example.org", Nums: []int{1, 2, 3}}, P: &inner{Name: "9443"},
		L: []inner{{Name: "example.org"}}, Arr: [2]string{"example.org", ""}, Empty: []string{},
	}
	if d := cmp.Diff(want, v); d != "" {
		t.Errorf("detachValue changed what the value says (-want +got):\n%s", d)
	}
	for _, s := range []string{v.A, v.In.Name, v.P.Name, v.L[0].Name, v.Arr[0]} {
		if p := unsafe.StringData(s); uintptr(unsafe.Pointer(p)) >= uintptr(unsafe.Pointer(unsafe.StringData(file))) &&
			uintptr(unsafe.Pointer(p)) < uintptr(unsafe.Pointer(unsafe.StringData(file)))+uintptr(len(file)) {
			t.Errorf("%q still points into the file contents", s)
		}
	}
	if cap(v.In.Nums) != 3 || cap(v.L) != 1 {
		t.Errorf("slices not clipped: cap %d and %d", cap(v.In.Nums), cap(v.L))
	}
	if v.Empty == nil || cap(v.Empty) != 0 || v.None != nil {
		t.Errorf("empty slice %#v (cap %d), nil slice %#v: want empty with no capacity and nil", v.Empty, cap(v.Empty), v.None)
	}
}

// TestDetachableModel checks that detachValue reaches every part of a home:
// the model holds no map, interface, function, channel or unexported field,
// which the walk could not copy or could not set (a model.IP is a
// netip.Addr, whose zone net/netip interns: it holds no text of a file).
func TestDetachableModel(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type, path string) []string
	walk = func(typ reflect.Type, path string) []string {
		if seen[typ] {
			return nil
		}
		seen[typ] = true
		if typ == reflect.TypeOf(model.IP{}) || typ == reflect.TypeOf(netip.Addr{}) {
			return nil
		}
		switch typ.Kind() {
		case reflect.Map, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer, reflect.Uintptr:
			return []string{path + " (" + typ.String() + ")"}
		case reflect.Slice, reflect.Array, reflect.Pointer:
			return walk(typ.Elem(), path+"[]")
		case reflect.Struct:
			var bad []string
			for i := 0; i < typ.NumField(); i++ {
				f := typ.Field(i)
				if !f.IsExported() {
					bad = append(bad, path+"."+f.Name+" (unexported)")
					continue
				}
				bad = append(bad, walk(f.Type, path+"."+f.Name)...)
			}
			return bad
		}
		return nil
	}
	if bad := walk(reflect.TypeOf(model.Home{}), "Home"); len(bad) > 0 {
		t.Errorf("detach cannot reach: %v", bad)
	}
}

// TestEvalSymlinks checks that resolving a file through its directory's
// cached real path gives what filepath.EvalSymlinks gives, for plain files,
// files under a linked directory, linked files and paths with "..".
func TestEvalSymlinks(t *testing.T) {
	root := t.TempDir()
	mk := func(rel string) { touch(t, root, rel) }
	link := func(target, rel string) {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(rel))); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	mk("home/repository/conf/carbon.xml")
	mk("home/repository/conf/axis2/axis2.xml")
	mk("elsewhere/conf/jmx.xml")
	mk("home/bin/wso2server.sh")
	link("../../elsewhere/conf", "home/repository/linked")
	link("carbon.xml", "home/repository/conf/alias.xml")
	link("../repository/conf/axis2", "home/bin/axis2")
	h, err := newHome(filepath.Join(root, "home"), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{
		"repository/conf/carbon.xml", "repository/conf/axis2/axis2.xml", "repository/linked/jmx.xml",
		"repository/conf/alias.xml", "bin/axis2/axis2.xml", "bin/wso2server.sh",
		"bin/../repository/conf/carbon.xml", "repository/conf/carbon.xml", // a second time, from the cache
	} {
		full := filepath.Join(h.real, filepath.FromSlash(rel))
		fi, err := os.Lstat(full)
		if err != nil {
			t.Fatal(err)
		}
		want, err := filepath.EvalSymlinks(full)
		if err != nil {
			t.Fatal(err)
		}
		got, err := h.evalSymlinks(rel, full, fi)
		if err != nil || got != want {
			t.Errorf("evalSymlinks(%s) = %q, %v; want %q", rel, got, err, want)
		}
	}
}

// TestHomeInLinkedWorkingDirectory reads a home given by a relative path
// from a working directory reached through a symbolic link ($PWD names the
// link). The home's real path was the working directory as $PWD gave it,
// with the link, while each file's real path had it resolved, so every file
// was "a symbolic link leaving the home".
func TestHomeInLinkedWorkingDirectory(t *testing.T) {
	real := filepath.Join(t.TempDir(), "real")
	testenv.CopyTree(t, filepath.Join(repoRootB(t), "testdata", "example", "wso2am-2.6.0"), filepath.Join(real, "wso2am-2.6.0"))
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	t.Chdir(link)
	t.Setenv("PWD", link)
	if wd, err := os.Getwd(); err != nil || wd != link {
		t.Skipf("working directory %q (%v), not the link %q", wd, err, link)
	}
	h, err := Home("wso2am-2.6.0", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Servers) == 0 || len(h.Servers[0].Listeners) == 0 {
		t.Fatal("no listeners read")
	}
}
