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
				want := content
				if limit > 0 && int64(len(want)) > limit {
					want = want[:limit+1] // one byte past the limit tells the caller it is too large
				}
				got, err := ReadAll(r(), size, limit)
				if err != nil {
					t.Fatalf("%s size %d limit %d: %v", name, size, limit, err)
				}
				if string(got) != want {
					t.Errorf("%s size %d limit %d: read %d bytes, want %d", name, size, limit, len(got), len(want))
				}
				// AppendAll keeps what dst holds, with room or without.
				for _, dst := range [][]byte{[]byte("head:"), append(make([]byte, 0, 4096), "head:"...)} {
					got, err := AppendAll(dst, r(), size, limit)
					if err != nil || string(got) != "head:"+want {
						t.Errorf("%s size %d limit %d, AppendAll to %d bytes of room: %d bytes, %v; want %d", name, size, limit, cap(dst)-len(dst), len(got), err, len(want)+5)
					}
				}
			}
		}
	}
	if _, err := ReadAll(iotest.TimeoutReader(strings.NewReader(content)), int64(len(content)), 0); err == nil {
		t.Error("a read error was not returned")
	}
}
