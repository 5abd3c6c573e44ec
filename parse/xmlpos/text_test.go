package xmlpos

import (
	"testing"
)

func TestText(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string
		etree     bool // etree's Element.Text gives the same
	}{
		{"plain", "<a> 9443 </a>", " 9443 ", true},
		{"empty", "<a></a>", "", true},
		{"self-closing", "<a/>", "", true},
		{"split by a comment", "<a>1<!-- c -->0</a>", "10", true},
		{"split by a processing instruction", "<a>1<?x?>0</a>", "10", false},
		{"after a processing instruction", "<a><?x y?>10</a>", "10", false},
		{"CDATA", "<a>1<![CDATA[0]]>2</a>", "102", true},
		{"entities", "<a>&#49;&lt;0</a>", "1<0", true},
		{"child element first", "<a><b>5</b>10</a>", "10", false},
		{"child element between", "<a>1<b>5</b>0</a>", "10", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := mustParse(t, tc.src, Options{})
			if got := Text(d.Root()); got != tc.want {
				t.Errorf("Text = %q, want %q", got, tc.want)
			}
			if got := d.Root().Text(); (got == tc.want) != tc.etree {
				t.Errorf("etree's Text = %q; same as Text: %t, want %t", got, got == tc.want, tc.etree)
			}
		})
	}
	if got := Text(nil); got != "" {
		t.Errorf("Text(nil) = %q", got)
	}
}
