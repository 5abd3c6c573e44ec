package parse

import (
	"fmt"
	"strings"

	"github.com/wso2lint/wso2lint/parse/toml"
)

// checkTomlType rejects a deployment.toml value of the wrong type for a port,
// a port offset or a listener switch: an input error naming the value's line
// and column. A port or offset is an integer or a string ("9443": ports
// appear quoted and bare); a switch is a boolean or the string "true" or
// "false". A value of another type would not be what the server reads: a
// float, array, table or boolean port, or a switch set to 1 or "yes", is a
// mistake the tool must not paper over with the default. Strings holding
// $ref{}, $env{} or $sys{} are left to the placeholder handling.
func (s *server) checkTomlType(rel, key string, e *tomlEntry) error {
	if e.kind == toml.KindString && strings.Contains(e.value, "$") {
		return nil
	}
	if err := s.checkTomlTable(rel, key, e); err != nil {
		return err
	}
	var what string
	switch {
	case isTomlPortKey(key):
		if e.kind == toml.KindInteger || e.kind == toml.KindString {
			return nil
		}
		what = "a port must be a number (bare or quoted)"
		if key == "server.offset" || strings.HasSuffix(key, ".offset") || key == "offset" {
			what = "a port offset must be a whole number (bare or quoted)"
		}
	case isTomlSwitchKey(key):
		if e.kind == toml.KindBool {
			return nil
		}
		if v := strings.TrimSpace(e.value); e.kind == toml.KindString && (strings.EqualFold(v, "true") || strings.EqualFold(v, "false")) {
			return nil
		}
		what = "a switch must be true or false"
	default:
		return nil
	}
	got := fmt.Sprintf("%s %s", article(e.kind.String()), shortValue(e.value))
	if e.kind == toml.KindString {
		got = fmt.Sprintf("the string %q", shortValue(e.value))
	}
	return &Error{File: s.h.display(rel), Line: e.line, Col: e.col, Err: fmt.Errorf("%s: %s, not %s", key, what, got)}
}

// checkTomlTable rejects a port, offset or switch written as a table: a key
// with a part that names one before its last part (port.value = 1, [a.port]).
func (s *server) checkTomlTable(rel, key string, e *tomlEntry) error {
	parts := strings.Split(key, ".")
	for i, p := range parts[:len(parts)-1] {
		what := ""
		switch {
		case isTomlPortKey(p) && (p == "offset" || strings.HasSuffix(p, "_offset")):
			what = "a port offset must be a whole number (bare or quoted)"
		case isTomlPortKey(p):
			what = "a port must be a number (bare or quoted)"
		case isTomlSwitchKey(p):
			what = "a switch must be true or false"
		default:
			continue
		}
		return &Error{File: s.h.display(rel), Line: e.line, Col: e.col,
			Err: fmt.Errorf("%s: %s, not a table (it holds %s)", strings.Join(parts[:i+1], "."), what, key)}
	}
	return nil
}

// isTomlSwitchKey reports whether a dotted key switches something on or off:
// its last part is enable or enabled, ends in _enable or _enabled
// (internal_http_api_enable, port_offset_enable), or is rmi_server_start.
// These are the keys that decide whether a listener opens (catalog's
// TomlDefaults EnableKey column) and their kind.
func isTomlSwitchKey(key string) bool {
	last := key[strings.LastIndex(key, ".")+1:]
	return last == "enable" || last == "enabled" || strings.HasSuffix(last, "_enable") || strings.HasSuffix(last, "_enabled") ||
		last == "rmi_server_start"
}

// shortValue cuts a value for an error message to 40 characters.
func shortValue(v string) string {
	const max = 40
	n := 0
	for i := range v {
		if n == max {
			return v[:i] + "..."
		}
		n++
	}
	return v
}

// article gives "a" or "an" before a word.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}
