package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// yamlError turns a yaml.v3 error into "FILE:LINE: message" lines, one per
// problem, with Go type names replaced by what the user wrote.
func yamlError(path string, err error) error {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	errs := make([]error, 0, len(msgs))
	for _, m := range msgs {
		line, msg := splitLine(m)
		msg = friendly(msg)
		if line > 0 {
			errs = append(errs, fmt.Errorf("%s:%d: %s", path, line, msg))
		} else {
			errs = append(errs, fmt.Errorf("%s: %s", path, msg))
		}
	}
	return errors.Join(errs...)
}

// splitLine splits "line 3: message" into 3 and "message".
func splitLine(m string) (int, string) {
	rest, ok := strings.CutPrefix(m, "line ")
	if !ok {
		return 0, m
	}
	num, msg, ok := strings.Cut(rest, ": ")
	if !ok {
		return 0, m
	}
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0, m
	}
	return n, msg
}

// friendly rewrites yaml.v3 messages that name Go types.
func friendly(msg string) string {
	// "field foo not found in type config.rawConfig"
	if rest, ok := strings.CutPrefix(msg, "field "); ok {
		if name, _, ok := strings.Cut(rest, " not found in type "); ok {
			return fmt.Sprintf("unknown key %q", name)
		}
	}
	// "cannot unmarshal !!seq into config.rawConfig"
	if what, typ, ok := strings.Cut(msg, " into "); ok && strings.HasPrefix(what, "cannot unmarshal ") {
		return strings.TrimPrefix(what, "cannot ") + ": want " + typeName(typ)
	}
	return msg
}

func typeName(goType string) string {
	switch goType {
	case "config.rawConfig", "config.rawIgnore", "config.plain":
		return "a mapping"
	case "string":
		return "a string"
	}
	if strings.HasPrefix(goType, "[]") {
		return "a list"
	}
	return goType
}
