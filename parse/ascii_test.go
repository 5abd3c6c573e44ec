package parse

import "testing"

func TestASCIICaseKeepsLength(t *testing.T) {
	for _, s := range []string{"", "jdbc:orACle:@(\x92HOST=", "İstanbul & REM x", "abcXYZ09"} {
		if u, l := asciiUpper(s), asciiLower(s); len(u) != len(s) || len(l) != len(s) {
			t.Errorf("length changed for %q: upper %q lower %q", s, u, l)
		}
	}
	if got := asciiUpper("host=Db1"); got != "HOST=DB1" {
		t.Errorf("asciiUpper = %q", got)
	}
	if got := asciiLower("& REM Ignore"); got != "& rem ignore" {
		t.Errorf("asciiLower = %q", got)
	}
}
