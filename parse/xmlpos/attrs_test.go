package xmlpos

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStartTagAttrs(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want []tagAttr
	}{
		{`<a>`, nil},
		{`<a/>`, nil},
		{`<a  />`, nil},
		{`<a p="1">`, []tagAttr{{"p", 3, 6}}},
		{"<a\n\tp = '1'\r\n x:q=\"a'b\"/>", []tagAttr{{"p", 4, 9}, {"x:q", 14, 19}}},
		{`<a b="x p='1'" p='2'>`, []tagAttr{{"b", 3, 6}, {"p", 15, 18}}},
		{`<a b="1>2" c="">`, []tagAttr{{"b", 3, 6}, {"c", 11, 14}}},
		// Not what the decoder accepts: stops without failing.
		{`<a b>`, nil},
		{`<a b=1>`, nil},
		{`<a b="1`, nil},
		{`<`, nil},
	} {
		if diff := cmp.Diff(tc.want, startTagAttrs(tc.tag), cmp.AllowUnexported(tagAttr{})); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.tag, diff)
		}
	}
}
