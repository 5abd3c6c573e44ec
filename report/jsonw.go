package report

import (
	"io"
	"strconv"
	"unicode/utf8"
)

// jsonWriter writes a JSON document of a fixed shape by hand, byte for byte as
// encoding/json's Encoder writes the matching structs with SetIndent("", "  ")
// and SetEscapeHTML(false): members one per line indented by two spaces per
// level, `"key": value`, an empty object or array as {} or [], a final
// newline. Writing the bytes directly saves the Encoder's reflection, its
// compact copy of the whole document and the second pass that indents it,
// and lets the document stream to w in pieces instead of being held whole
// (issue 15 items 2 and 5). The differential tests compare it with the
// Encoder on random values.
//
// The writer keeps the first error of w and writes nothing after it; err
// returns it once the document is done.
type jsonWriter struct {
	w   io.Writer
	buf []byte
	err error
	// more[d] says whether the container at depth d has a member already.
	more []bool
}

// jsonFlushSize is how much the writer gathers before it writes to w.
const jsonFlushSize = 32 << 10

func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{w: w, buf: make([]byte, 0, jsonFlushSize+4096)}
}

// flushIfFull writes the gathered bytes once there are enough of them.
func (j *jsonWriter) flushIfFull() {
	if len(j.buf) >= jsonFlushSize {
		j.flush()
	}
}

func (j *jsonWriter) flush() {
	if j.err == nil && len(j.buf) > 0 {
		_, j.err = j.w.Write(j.buf)
	}
	j.buf = j.buf[:0]
}

// end finishes the document with a newline, writes what is left and returns
// the first error of w.
func (j *jsonWriter) end() error {
	j.buf = append(j.buf, '\n')
	j.flush()
	return j.err
}

// newline starts a line at the current depth.
func (j *jsonWriter) newline() {
	j.buf = append(j.buf, '\n')
	for range len(j.more) {
		j.buf = append(j.buf, ' ', ' ')
	}
}

// next starts a member of the current container: a comma after the one
// before, then a new line.
func (j *jsonWriter) next() {
	if d := len(j.more) - 1; d >= 0 {
		if j.more[d] {
			j.buf = append(j.buf, ',')
		}
		j.more[d] = true
	}
	j.newline()
}

// key starts the member named k of the current object.
func (j *jsonWriter) key(k string) {
	j.next()
	j.buf = appendJSONString(j.buf, k)
	j.buf = append(j.buf, ':', ' ')
}

// elem starts the next element of the current array.
func (j *jsonWriter) elem() { j.next() }

// open starts an object ('{') or array ('[').
func (j *jsonWriter) open(c byte) {
	j.buf = append(j.buf, c)
	j.more = append(j.more, false)
}

// close ends the innermost object ('}') or array (']'): on a line of its
// own, unless it is empty.
func (j *jsonWriter) close(c byte) {
	d := len(j.more) - 1
	nonEmpty := j.more[d]
	j.more = j.more[:d]
	if nonEmpty {
		j.newline()
	}
	j.buf = append(j.buf, c)
}

func (j *jsonWriter) str(k, v string) {
	j.key(k)
	j.buf = appendJSONString(j.buf, v)
}

// strOmit writes the member unless v is empty (omitempty).
func (j *jsonWriter) strOmit(k, v string) {
	if v != "" {
		j.str(k, v)
	}
}

func (j *jsonWriter) int(k string, v int) {
	j.key(k)
	j.buf = strconv.AppendInt(j.buf, int64(v), 10)
}

// intOmit writes the member unless v is 0 (omitempty).
func (j *jsonWriter) intOmit(k string, v int) {
	if v != 0 {
		j.int(k, v)
	}
}

func (j *jsonWriter) bool(k string, v bool) {
	j.key(k)
	j.buf = strconv.AppendBool(j.buf, v)
}

const jsonHex = "0123456789abcdef"

// appendJSONString appends s as a JSON string the way encoding/json does
// without HTML escaping: \" \\ \b \f \n \r \t, other control characters as
// \u00XX, each byte of invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped
// (JSONP), everything else as it is.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			// encoding/json writes the ASCII bytes as they are, without
			// HTML escaping, but for control characters, '"' and '\\'.
			if b >= ' ' && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', jsonHex[b>>4], jsonHex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', jsonHex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
