package toml

import (
	"errors"
	"math"
	"strconv"
	"strings"

	gotoml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// IntegerText gives a TOML integer in decimal, the form WSO2's config mapper
// renders into the XML: 9_444, +9444, 0x24E4, 0o22344 and 0b10010011100100
// are all 9444. Text that is not a TOML integer in range stays as written.
func IntegerText(raw string) string {
	v := raw
	base := 10
	if len(v) > 2 && v[0] == '0' {
		switch v[1] {
		case 'x':
			base, v = 16, v[2:]
		case 'o':
			base, v = 8, v[2:]
		case 'b':
			base, v = 2, v[2:]
		}
	}
	if strings.HasPrefix(v, "_") || strings.HasSuffix(v, "_") || strings.Contains(v, "__") {
		return raw
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(v, "_", ""), base, 64)
	if err != nil || (base != 10 && strings.ContainsAny(v, "+-")) {
		return raw
	}
	return strconv.FormatInt(n, 10)
}

// checkScalars checks the scalars the syntax parser leaves unchecked:
// integers and floats out of range and impossible dates, which the server's
// TOML reader refuses. It returns the offending node.
func checkScalars(n *unstable.Node) (*unstable.Node, error) {
	if n == nil {
		return nil, nil
	}
	switch n.Kind {
	case unstable.Array, unstable.InlineTable:
		it := n.Children()
		for it.Next() {
			c := it.Node()
			if c.Kind == unstable.KeyValue {
				c = c.Value()
			}
			if bad, err := checkScalars(c); err != nil {
				return bad, err
			}
		}
	case unstable.Integer:
		if err := checkInteger(string(n.Data)); err != nil {
			return n, err
		}
	case unstable.Float:
		if err := checkFloat(string(n.Data)); err != nil {
			return n, err
		}
	case unstable.LocalDate, unstable.LocalTime, unstable.LocalDateTime, unstable.DateTime:
		// Rare in a deployment.toml: the decoder's own check gives its message.
		var v map[string]any
		if err := gotoml.Unmarshal(append([]byte("v = "), n.Data...), &v); err != nil {
			var de *gotoml.DecodeError
			if errors.As(err, &de) {
				return n, errors.New(de.Error())
			}
			return n, err
		}
	}
	return nil, nil
}

// checkInteger refuses an integer that does not fit in 64 bits.
func checkInteger(raw string) error {
	v := strings.ReplaceAll(raw, "_", "")
	name, base := "decimal", 10
	if len(v) > 2 && v[0] == '0' {
		switch v[1] {
		case 'x':
			name, base, v = "hexadecimal", 16, v[2:]
		case 'o':
			name, base, v = "octal", 8, v[2:]
		case 'b':
			name, base, v = "binary", 2, v[2:]
		}
	}
	var err error
	if base == 10 {
		_, err = strconv.ParseInt(v, 10, 64)
	} else {
		var u uint64
		u, err = strconv.ParseUint(v, base, 64)
		if err == nil && u > math.MaxInt64 {
			err = strconv.ErrRange
		}
	}
	if err != nil {
		return errors.New("toml: " + name + " number is too large to fit in a 64-bit signed integer")
	}
	return nil
}

// checkFloat refuses a float out of range (1e999).
func checkFloat(raw string) error {
	v := strings.TrimLeft(raw, "+-")
	if v == "inf" || v == "nan" {
		return nil
	}
	if _, err := strconv.ParseFloat(strings.ReplaceAll(raw, "_", ""), 64); err != nil {
		return errors.New("toml: unable to parse float: " + err.Error())
	}
	return nil
}

// overLimit reports whether one expression of data holds more than MaxValues
// values, and the line where the count passed it. It counts the commas, equal
// signs and dots outside strings and comments, the count restarting at every
// line break outside brackets; the bound is far above any real document.
func overLimit(data []byte) (int, bool) {
	count, depth, line := 0, 0, 1
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line++
			if depth == 0 {
				count = 0
			}
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			i, line = skipString(data, i, line)
		case '[', '{':
			depth++
		case ']', '}':
			if depth > 0 {
				depth--
			}
		case ',', '=', '.':
			count++
			if count > MaxValues {
				return line, true
			}
		}
	}
	return 0, false
}

// skipString returns the offset of the last byte of the string starting at
// data[i] (the end of the line for an unterminated one) and the line there.
func skipString(data []byte, i, line int) (int, int) {
	q := data[i]
	multi := i+2 < len(data) && data[i+1] == q && data[i+2] == q
	if multi {
		i += 3
	} else {
		i++
	}
	for ; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '\\' && q == '"':
			i++
			if i < len(data) && data[i] == '\n' {
				line++
			}
		case c == '\n':
			if !multi {
				return i - 1, line
			}
			line++
		case c == q && !multi:
			return i, line
		case c == q && i+2 < len(data) && data[i+1] == q && data[i+2] == q:
			// Up to two more quotes may close a multi-line string ("""a"""").
			i += 2
			for k := 0; k < 2 && i+1 < len(data) && data[i+1] == q; k++ {
				i++
			}
			return i, line
		}
	}
	return len(data) - 1, line
}
