package product

import "testing"

func TestCompareVersions(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"4.2.0", "4.2", 0},
		{"4.10", "4.9", 1},
		{"4.9", "4.10", -1},
		{"3.2.0", "4.0.0", -1},
		{"5.11.0", "5.9.0", 1},
		{"", "0", 0},
		{"4.x", "4.0", 0},
	}
	for _, tc := range cases {
		if got := CompareVersions(tc.a, tc.b); got != tc.want {
			t.Errorf("CompareVersions(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
