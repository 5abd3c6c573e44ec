package main

import (
	"io"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/urfave/cli/v2"
)

// unwrapFlag returns the urfave/cli flag a fastFlag wrapper holds, and
// whether f is one.
func unwrapFlag(f cli.Flag) (cli.Flag, bool) {
	switch f := f.(type) {
	case *stringFlag:
		return f.StringFlag, true
	case *boolFlag:
		return f.BoolFlag, true
	case *intFlag:
		return f.IntFlag, true
	case *int64Flag:
		return f.Int64Flag, true
	case *stringSliceFlag:
		return f.StringSliceFlag, true
	}
	return f, false
}

// TestFastFlags checks that every flag of every command is wrapped, that the
// wrapper's names are urfave/cli's, and that it has the same optional
// interfaces (help, required, actions, categories, slices) as the flag.
func TestFastFlags(t *testing.T) {
	app := newApp(io.Discard, io.Discard, noEnv)
	sets := map[string][]cli.Flag{"(app)": app.Flags}
	for _, c := range app.Commands {
		sets[c.Name] = c.Flags
	}
	ifaces := []reflect.Type{
		reflect.TypeFor[cli.DocGenerationFlag](),
		reflect.TypeFor[cli.DocGenerationSliceFlag](),
		reflect.TypeFor[cli.ActionableFlag](),
		reflect.TypeFor[cli.RequiredFlag](),
		reflect.TypeFor[cli.VisibleFlag](),
		reflect.TypeFor[cli.CategorizableFlag](),
		reflect.TypeFor[cli.Countable](),
	}
	n := 0
	for cmd, flags := range sets {
		for _, f := range flags {
			orig, ok := unwrapFlag(f)
			if !ok {
				t.Errorf("%s: flag %v (%T) is not wrapped by fastFlags: add its type", cmd, f.Names(), f)
				continue
			}
			n++
			if diff := cmp.Diff(orig.Names(), f.Names()); diff != "" {
				t.Errorf("%s: names of %T (-urfave +fast):\n%s", cmd, orig, diff)
			}
			for _, it := range ifaces {
				if a, b := reflect.TypeOf(orig).Implements(it), reflect.TypeOf(f).Implements(it); a != b {
					t.Errorf("%s: %v: %T implements %v: %v, its wrapper: %v", cmd, f.Names(), orig, it, a, b)
				}
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d flags checked", n)
	}
}

// TestFlagNames compares flagNames with cli.FlagNames on names with commas
// and spaces (the v1 form urfave/cli cuts).
func TestFlagNames(t *testing.T) {
	for _, tc := range []struct {
		name    string
		aliases []string
	}{
		{"offset", nil},
		{"output", []string{"o"}},
		{"format, f", []string{"x y", "z,,", " lead"}},
		{"", []string{""}},
	} {
		if diff := cmp.Diff(cli.FlagNames(tc.name, tc.aliases), flagNames(tc.name, tc.aliases)); diff != "" {
			t.Errorf("flagNames(%q, %q) (-urfave +ours):\n%s", tc.name, tc.aliases, diff)
		}
	}
}
