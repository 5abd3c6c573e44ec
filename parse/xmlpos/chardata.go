package xmlpos

import (
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// plain marks the bytes that character data, quoted attribute values and
// CDATA sections hold as they are: every byte but '<', '&', '\r', ']', the
// quotes, the start of U+FFFE and U+FFFF (0xEF) and the control characters
// other than tab and line feed.
var plain = func() (t [256]bool) {
	for i := range t {
		t[i] = i >= 0x20 || i == '\t' || i == '\n'
	}
	for _, b := range []byte("<&\r]\"'\xEF") {
		t[b] = false
	}
	return t
}()

// text reads character data at p as encoding/xml does: up to '<' (quote < 0,
// !cdata), up to the quote (a quoted attribute value; quote is either quote)
// or up to "]]>" (cdata). It returns the data (a substring of the text when
// nothing in it is replaced) and the offset after it (the '<', or after the
// closing quote or "]]>").
func (s *scanner) text(p int, quote int, cdata bool) (string, int, *Error) {
	src := s.s
	for i := p; i < len(src); i++ {
		b := src[i]
		if plain[b] {
			continue
		}
		switch b {
		case '<':
			if cdata {
				continue
			}
			if quote < 0 {
				return src[p:i], i, nil
			}
		case '"', '\'':
			if int(b) == quote {
				return src[p:i], i + 1, nil
			}
			continue
		case ']':
			if quote >= 0 || !hasTerminator(src, i) {
				continue
			}
			if cdata {
				return src[p:i], i + 3, nil
			}
		case '&':
			if cdata {
				continue
			}
		case 0xEF:
			if i+2 >= len(src) || src[i+1] != 0xBF || (src[i+2] != 0xBE && src[i+2] != 0xBF) {
				continue
			}
		}
		// An entity, a carriage return, "]]>" in text, '<' in a value or a
		// character XML does not allow.
		return s.slowText(p, quote, cdata)
	}
	if cdata {
		return s.slowText(p, quote, cdata)
	}
	// encoding/xml returns what it has read at the end of the input.
	return src[p:], len(src), nil
}

func hasTerminator(src string, i int) bool {
	return i+2 < len(src) && src[i+1] == ']' && src[i+2] == '>'
}

// entities are the entities XML predefines, the only ones read.
var entities = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "apos": '\'', "quot": '"'}

// slowText is text byte by byte, as encoding/xml's Decoder.text: it replaces
// entity and character references and line ends ("\r\n" and "\r" become
// "\n"), then checks that every character is one XML allows.
func (s *scanner) slowText(p int, quote int, cdata bool) (string, int, *Error) {
	src := s.s
	n := len(src)
	buf := s.buf[:0]
	var b0, b1 byte
	trunc := 0
	i := p
	for {
		if i >= n {
			if cdata {
				return "", 0, s.syntax(n, "unexpected EOF in CDATA section")
			}
			break
		}
		b := src[i]
		i++
		if quote < 0 && b0 == ']' && b1 == ']' && b == '>' {
			if cdata {
				trunc = 2
				break
			}
			return "", 0, s.syntax(i, "unescaped ]]> not in CDATA section")
		}
		if b == '<' && !cdata {
			if quote >= 0 {
				return "", 0, s.syntax(i, "unescaped < inside quoted string")
			}
			i--
			break
		}
		if quote >= 0 && int(b) == quote {
			break
		}
		if b == '&' && !cdata {
			var err *Error
			if buf, i, err = s.reference(buf, i); err != nil {
				return "", 0, err
			}
			b0, b1 = 0, 0
			continue
		}
		switch {
		case b == '\r':
			buf = append(buf, '\n')
		case b1 == '\r' && b == '\n':
			// "\r\n": the '\n' is written already.
		default:
			buf = append(buf, b)
		}
		b0, b1 = b1, b
	}
	data := buf[:len(buf)-trunc]
	s.buf = buf
	for k := 0; k < len(data); {
		r, size := utf8.DecodeRune(data[k:])
		if r == utf8.RuneError && size == 1 {
			return "", 0, s.syntax(i, "invalid UTF-8")
		}
		if !inCharacterRange(r) {
			return "", 0, s.syntax(i, fmt.Sprintf("illegal character code %U", r))
		}
		k += size
	}
	return string(data), i, nil
}

// reference reads the entity or character reference whose '&' ends just
// before i and appends what it stands for to buf. It returns the offset
// after it; a reference that is not one of the predefined entities or a
// character number ending in ';' is an error, as in encoding/xml's strict
// mode.
func (s *scanner) reference(buf []byte, i int) ([]byte, int, *Error) {
	src := s.s
	n := len(src)
	before := len(buf)
	buf = append(buf, '&')
	text, have := "", false
	if i >= n {
		return nil, 0, s.eof()
	}
	b := src[i]
	i++
	if b == '#' {
		buf = append(buf, b)
		if i >= n {
			return nil, 0, s.eof()
		}
		b = src[i]
		i++
		base := 10
		if b == 'x' {
			base = 16
			buf = append(buf, b)
			if i >= n {
				return nil, 0, s.eof()
			}
			b = src[i]
			i++
		}
		start := len(buf)
		for '0' <= b && b <= '9' || base == 16 && ('a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			buf = append(buf, b)
			if i >= n {
				return nil, 0, s.eof()
			}
			b = src[i]
			i++
		}
		if b != ';' {
			i--
		} else {
			digits := string(buf[start:])
			buf = append(buf, ';')
			if v, err := strconv.ParseUint(digits, base, 64); err == nil && v <= unicode.MaxRune {
				text, have = string(rune(v)), true
			}
		}
	} else {
		i--
		end, _, err := s.readName(i)
		if err != nil {
			return nil, 0, err
		}
		if end > i {
			buf = append(buf, src[i:end]...)
			i = end
		}
		if i >= n {
			return nil, 0, s.eof()
		}
		b = src[i]
		i++
		if b != ';' {
			i--
		} else {
			name := string(buf[before+1:])
			buf = append(buf, ';')
			if isName(name) {
				if r, ok := entities[name]; ok {
					text, have = string(r), true
				}
			}
		}
	}
	if have {
		buf = append(buf[:before], text...)
		return buf, i, nil
	}
	ent := string(buf[before:])
	if ent[len(ent)-1] != ';' {
		ent += " (no semicolon)"
	}
	return nil, 0, s.syntax(i, "invalid character entity "+ent)
}

// inCharacterRange reports whether r is a character XML allows (the Char
// production of XML 1.0, section 2.2).
func inCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
