package parse

import (
	"errors"

	"github.com/wso2lint/wso2lint/parse/toml"
)

// tomlEntry is one key = value of a deployment.toml as the toml scanner gives
// it (flattened, before alias resolution), with what readToml needs.
type tomlEntry struct {
	key     string    // dotted key as written, before alias resolution
	value   string    // decoded string, integer in decimal, or the literal text of other scalars
	kind    toml.Kind // KindString, KindInteger, KindBool, KindArray, ...
	line    int       // 1-based line of the value
	col     int       // 1-based column of the value
	inArray bool      // the entry comes from an [[array.of.tables]]
}

// tomlSyntaxError is a deployment.toml the scanner refuses.
type tomlSyntaxError struct {
	line int
	msg  string
}

func (e *tomlSyntaxError) Error() string { return e.msg }

// parseTomlEntries reads every key of a TOML document in file order.
func parseTomlEntries(data []byte) ([]tomlEntry, error) {
	entries, err := toml.Scan(data)
	if err != nil {
		var se *toml.Error
		if errors.As(err, &se) {
			return nil, &tomlSyntaxError{line: se.Line, msg: se.Msg}
		}
		return nil, err
	}
	out := make([]tomlEntry, len(entries))
	for i, e := range entries {
		out[i] = tomlEntry{key: e.Key, value: e.Value, kind: e.Kind, line: e.Pos.Line, col: e.Pos.Col, inArray: e.InArray}
	}
	return out, nil
}

// lineStarts returns the offset of the first byte of every line.
func lineStarts(data []byte) []int {
	out := []int{0}
	for i, c := range data {
		if c == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}
