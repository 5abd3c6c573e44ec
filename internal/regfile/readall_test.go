package regfile

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadAll checks ReadAll against io.ReadAll whatever size Stat gave (the
// file may have grown or shrunk since), with readers that return data in
// small pieces or together with io.EOF, and with a limit.
func TestReadAll(t *testing.T) {
	content := strings.Repeat("<Port>9443</Port>\n", 100)
	readers := map[string]func() io.Reader{
		"plain":    func() io.Reader { return strings.NewReader(content) },
		"one byte": func() io.Reader { return iotest.OneByteReader(strings.NewReader(content)) },
		"data+EOF": func() io.Reader { return iotest.DataErrReader(strings.NewReader(content)) },
		"half":     func() io.Reader { return iotest.HalfReader(strings.NewReader(content)) },
	}
	for name, r := range readers {
		for _, size := range []int64{int64(len(content)), 0, -1, 10, int64(len(content)) - 1, 4 * int64(len(content))} {
			for _, limit := range []int64{0, int64(len(content)), int64(len(content)) - 1, 5} {
				got, err := ReadAll(r(), size, limit)
				if err != nil {
					t.Fatalf("%s size %d limit %d: %v", name, size, limit, err)
				}
				want := content
				if limit > 0 && int64(len(want)) > limit {
					want = want[:limit+1] // one byte past the limit tells the caller it is too large
				}
				if string(got) != want {
					t.Errorf("%s size %d limit %d: read %d bytes, want %d", name, size, limit, len(got), len(want))
				}
			}
		}
	}
	if _, err := ReadAll(iotest.TimeoutReader(strings.NewReader(content)), int64(len(content)), 0); err == nil {
		t.Error("a read error was not returned")
	}
}
