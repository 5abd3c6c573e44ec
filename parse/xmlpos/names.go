package xmlpos

import (
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// isNameByte reports whether b, an ASCII byte, may be part of a name: the
// bytes at which encoding/xml's decoder stops reading a name are the ASCII
// bytes for which it is false (every byte of a multi-byte character is read
// into the name, then the name is checked).
func isNameByte(b byte) bool {
	return 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9' ||
		b == '_' || b == ':' || b == '.' || b == '-'
}

// readName reads the bytes of a name at i and returns the offset after it.
// ok is false, with no error, when the byte at i cannot start a name. Like
// encoding/xml, it needs a byte after the name: text that ends in a name is
// an unexpected end of file.
func (s *scanner) readName(i int) (end int, ok bool, err *Error) {
	src := s.s
	if i >= len(src) {
		return 0, false, s.eof()
	}
	if b := src[i]; b < utf8.RuneSelf && !isNameByte(b) {
		return i, false, nil
	}
	for i++; i < len(src); i++ {
		if b := src[i]; b < utf8.RuneSelf && !isNameByte(b) {
			return i, true, nil
		}
	}
	return 0, false, s.eof()
}

// checkName rejects name, read up to end, when it is not an XML name.
func (s *scanner) checkName(name string, end int) *Error {
	if !isName(name) {
		return s.syntax(end, "invalid XML name: "+name)
	}
	return nil
}

// isName reports whether name (the bytes readName read) is an XML name as
// encoding/xml checks it. An ASCII name is one that starts with a letter, '_'
// or ':' (readName took only name bytes). A name with other characters is
// rare in a configuration file; it is checked by encoding/xml's decoder
// itself, as the target of a processing instruction, because the tables of
// the characters it allows in names (from Appendix B of XML 1.0) are not
// exported.
func isName(name string) bool {
	if name == "" {
		return false
	}
	ascii := true
	for i := range len(name) {
		if name[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		b := name[0]
		return 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || b == '_' || b == ':'
	}
	if !utf8.ValidString(name) {
		return false
	}
	_, err := xml.NewDecoder(strings.NewReader("<?" + name + "?>")).RawToken()
	return err == nil
}

// nsname reads a name at i as encoding/xml reads element and attribute
// names: a name with at most one colon. It returns the name as written, its
// parts (see splitName) and the offset after it. missing is the message when
// there is no name there or it has more than one colon.
func (s *scanner) nsname(i int, missing string) (name, space, local string, end int, err *Error) {
	end, ok, err := s.readName(i)
	if err != nil {
		return "", "", "", 0, err
	}
	if !ok {
		return "", "", "", 0, s.syntax(end, missing)
	}
	name = s.s[i:end]
	if err := s.checkName(name, end); err != nil {
		return "", "", "", 0, err
	}
	if strings.Count(name, ":") > 1 {
		return "", "", "", 0, s.syntax(end, missing)
	}
	space, local = splitName(name)
	return name, space, local, end, nil
}
