package xmlpos

import (
	"strings"
	"testing"

	"github.com/beevik/etree"
)

// TestEtreeDifferences states where wso2lint reads XML differently from
// encoding/xml with etree's own reader (ReadFromBytes, the declared charset
// taken as is), on purpose. FuzzDifferential compares the byte scanner with
// the encoding/xml reader wso2lint used before, which already had these
// differences; this test keeps each of them visible and intended.
func TestEtreeDifferences(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		etreeOK   bool   // etree's reader accepts the text
		reject    string // part of wso2lint's error; "" when wso2lint accepts
		why       string
	}{
		{"duplicate attribute", `<a port="1" port="2"/>`, true, `attribute "port" appears more than once`,
			"etree keeps the last value; which one the server uses is unknown, so a port read from it could be wrong"},
		{"entity declaration", `<!DOCTYPE a [<!ENTITY x "y">]><a/>`, true, "DTD entity declarations are not allowed",
			"entity expansion and external entities are attacks on a linter that reads untrusted homes"},
		{"attribute-list declaration", `<!DOCTYPE a [<!ATTLIST a port CDATA "1">]><a/>`, true, "<!ATTLIST>",
			"its default values add attributes the file does not show and etree does not apply"},
		{"two roots", `<a/><b/>`, true, "more than one root element",
			"the second root would be ignored by the reader of the file"},
		{"no root", `just text`, true, "no root element", "a configuration file holds an element"},
		{"empty", " \n", true, "empty file", "a configuration file holds an element"},
		{"nesting beyond MaxDepth", strings.Repeat("<a>", MaxDepth+1) + strings.Repeat("</a>", MaxDepth+1), true,
			"nested deeper than", "the limit is lower than etree's; WSO2 files stay below 20 levels"},
		{"invalid UTF-8 in a comment", "<a><!-- \xff --></a>", true, "invalid UTF-8",
			"encoding/xml does not check comments; the whole text must be UTF-8"},
		{"NUL byte in a comment", "<a><!-- \x00 --></a>", true, "binary data", "a NUL byte means a binary file"},
		{"UTF-16 declared", `<?xml version="1.0" encoding="UTF-16"?><a/>`, true, "UTF-16",
			"the text is not converted from UTF-16; saying so is clearer than reading it as UTF-8"},
		{"ISO-8859-1 text", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xe9</a>", false, "",
			"wso2lint converts ISO-8859-1 (which WSO2 files declare) to UTF-8; etree without a charset reader cannot read it"},
		{"byte order mark", "\xef\xbb\xbf<a/>", true, "",
			"both accept; wso2lint drops the mark, etree keeps it as text before the root (see below)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ref := etree.NewDocument()
			ref.ReadSettings = etree.ReadSettings{CharsetReader: identityCharset}
			refErr := ref.ReadFromBytes([]byte(tc.src))
			if (refErr == nil) != tc.etreeOK {
				t.Errorf("etree error %v, want accepted=%t (%s)", refErr, tc.etreeOK, tc.why)
			}
			_, err := Parse([]byte(tc.src), Options{})
			switch {
			case tc.reject == "" && err != nil:
				t.Errorf("rejected: %v, want accepted (%s)", err, tc.why)
			case tc.reject != "" && (err == nil || !strings.Contains(err.Error(), tc.reject)):
				t.Errorf("error %v, want one with %q (%s)", err, tc.reject, tc.why)
			}
		})
	}
	// The byte order mark: etree's tree has it as character data before the
	// root; wso2lint's has the root first.
	ref := etree.NewDocument()
	if err := ref.ReadFromBytes([]byte("\xef\xbb\xbf<a/>")); err != nil {
		t.Fatal(err)
	}
	d, err := Parse([]byte("\xef\xbb\xbf<a/>"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ref.Child) != 2 || len(d.Tree.Child) != 1 {
		t.Errorf("tokens of the document: etree %d, wso2lint %d; want 2 and 1", len(ref.Child), len(d.Tree.Child))
	}
}
