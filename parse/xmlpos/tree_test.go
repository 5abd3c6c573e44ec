package xmlpos

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// dumpTree renders every token of an etree tree with what its methods report
// (parent, index, white-space flag, attribute owner), to compare two trees.
func dumpTree(e *etree.Element, depth int, out *[]string) {
	ind := strings.Repeat("  ", depth)
	parent := "<nil>"
	if p := e.Parent(); p != nil {
		parent = p.Space + ":" + p.Tag
	}
	*out = append(*out, fmt.Sprintf("%selem %q %q parent=%s index=%d", ind, e.Space, e.Tag, parent, e.Index()))
	for _, a := range e.Attr {
		owner := "<nil>"
		if a.Element() != nil {
			owner = a.Element().Tag
		}
		*out = append(*out, fmt.Sprintf("%s  @%q %q = %q owner=%s", ind, a.Space, a.Key, a.Value, owner))
	}
	for _, c := range e.Child {
		switch c := c.(type) {
		case *etree.Element:
			dumpTree(c, depth+1, out)
		case *etree.CharData:
			*out = append(*out, fmt.Sprintf("%s  text %q ws=%t cdata=%t index=%d", ind, c.Data, c.IsWhitespace(), c.IsCData(), c.Index()))
		case *etree.Comment:
			*out = append(*out, fmt.Sprintf("%s  comment %q index=%d", ind, c.Data, c.Index()))
		case *etree.Directive:
			*out = append(*out, fmt.Sprintf("%s  directive %q index=%d", ind, c.Data, c.Index()))
		case *etree.ProcInst:
			*out = append(*out, fmt.Sprintf("%s  procinst %q %q index=%d", ind, c.Target, c.Inst, c.Index()))
		default:
			*out = append(*out, fmt.Sprintf("%s  %T", ind, c))
		}
	}
}

// checkSameTree parses src with Parse and with etree's own reader (as the
// reader did before the tree was built from the scan) and compares the trees.
func checkSameTree(t *testing.T, name string, src []byte) bool {
	t.Helper()
	d, err := Parse(src, Options{})
	if err != nil {
		return false // rejected before any tree is used
	}
	utf, err := toUTF8(src)
	if err != nil {
		t.Fatalf("%s: Parse accepted what toUTF8 rejects: %v", name, err)
	}
	ref := etree.NewDocument()
	ref.ReadSettings = etree.ReadSettings{CharsetReader: identityCharset}
	if err := ref.ReadFromBytes(utf); err != nil {
		t.Errorf("%s: Parse accepted what etree rejects: %v", name, err)
		return false
	}
	var want, got []string
	dumpTree(&ref.Element, 0, &want)
	dumpTree(&d.Tree.Element, 0, &got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: tree differs from etree's (-etree +Parse):\n%s", name, diff)
	}
	return true
}

func TestTreeMatchesEtree(t *testing.T) {
	cases := map[string]string{
		"namespaces": `<?xml version="1.0" encoding="UTF-8"?>
<!-- head -->
<?pi some data?>
<Server xmlns="http://wso2.org/projects/carbon/carbon.xml" xmlns:x="urn:x">
  <x:Ports x:a="1" b='2'>  <Offset> 3 </Offset><![CDATA[ <raw> ]]>tail</x:Ports>
  <Empty/>
  <!-- wso2lint:ignore WL101 -->
  <Text>a &amp; b &#65;</Text>
</Server>
<!-- after -->
`,
		"many attributes": `<a a1="1" a2="2" a3="3" a4="4" a5="5" a6="6" a7="7" a8="8" a9="9" a10="10" x:a1="11" xmlns:x="u"/>`,
		"colon names":     `<a:b c:d="1"><e f="2">x</e></a:b>`,
		"doctype":         "<!DOCTYPE Server>\n<Server>\r\n\t<A/>\r\n</Server>",
		"whitespace only": "<a>\n   \n<b> </b>\t</a>",
		"empty text":      "<a></a>",
		"latin1":          "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a b=\"caf\xe9\">\xe9t\xe9</a>",
	}
	for name, src := range cases {
		if !checkSameTree(t, name, []byte(src)) {
			t.Errorf("%s: not parsed", name)
		}
	}
	// Every XML file of the repository's fixtures and of the shared corpus.
	n := 0
	for _, dir := range xmlFixtureDirs(t) {
		eachXMLFile(t, dir, func(path string, data []byte) {
			if checkSameTree(t, path, data) {
				n++
			}
		})
	}
	if n < 50 {
		t.Fatalf("only %d XML files compared", n)
	}
}

// xmlFixtureDirs returns the folders of the repository's XML fixtures, and
// the shared corpus when it is beside the repository.
func xmlFixtureDirs(t testing.TB) []string {
	root := testenv.RepoRoot(t)
	dirs := []string{filepath.Join(root, "testdata"), filepath.Join(root, "parse", "testdata")}
	if c := filepath.Join(root, "..", "shared", "corpus"); dirExists(c) {
		dirs = append(dirs, c)
	}
	return dirs
}

// eachXMLFile calls fn with the path and contents of every .xml file under
// dir, in lexical order; a file that cannot be read fails the test.
func eachXMLFile(t testing.TB, dir string, fn func(path string, data []byte)) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fn(path, data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func dirExists(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}
