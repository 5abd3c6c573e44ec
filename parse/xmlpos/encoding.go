package xmlpos

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// toUTF8 returns data as UTF-8: it converts ISO-8859-1 when the declaration says
// so and rejects UTF-16, NUL bytes and invalid UTF-8.
func toUTF8(data []byte) ([]byte, error) {
	if len(data) >= 2 && ((data[0] == 0xFE && data[1] == 0xFF) || (data[0] == 0xFF && data[1] == 0xFE)) {
		return nil, errors.New("UTF-16 encoded file; save it as UTF-8")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, errors.New("binary data (NUL byte), expected a text file")
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	enc := strings.ToLower(declaredEncoding(data))
	switch enc {
	case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252":
		if utf8.Valid(data) {
			return data, nil
		}
		var b strings.Builder
		b.Grow(len(data) + len(data)/8)
		for _, c := range data {
			b.WriteRune(rune(c))
		}
		return []byte(b.String()), nil
	case "utf-16", "utf-16le", "utf-16be":
		return nil, errors.New("UTF-16 encoded file; save it as UTF-8")
	}
	if !utf8.Valid(data) {
		return nil, errors.New("invalid UTF-8 text")
	}
	return data, nil
}

// declaredEncoding returns the encoding named by the XML declaration, or "".
func declaredEncoding(data []byte) string {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := data[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n=")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	rest = rest[1:]
	if j := bytes.IndexByte(rest, q); j >= 0 {
		return string(rest[:j])
	}
	return ""
}

// identityCharset accepts any declared charset: toUTF8 has already converted the text.
func identityCharset(_ string, r io.Reader) (io.Reader, error) { return r, nil }
