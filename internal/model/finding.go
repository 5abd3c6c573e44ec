package model

import (
	"fmt"
	"strings"
)

// Severity is how bad a finding is. The zero value is invalid.
type Severity uint8

// Severities, most severe first.
const (
	SeverityInvalid Severity = iota
	SeverityError
	SeverityWarning
	SeverityInfo
)

// String returns "error", "warning", "info" or "invalid".
func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	case SeverityInfo:
		return "info"
	}
	return "invalid"
}

// ParseSeverity parses "error", "warning" or "info" (any case).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return SeverityError, nil
	case "warning":
		return SeverityWarning, nil
	case "info":
		return SeverityInfo, nil
	}
	return SeverityInvalid, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// AtLeast reports whether s is as severe as t or more.
func (s Severity) AtLeast(t Severity) bool { return s != SeverityInvalid && s <= t }

// Finding is one problem found in a product home.
type Finding struct {
	// Rule is the stable rule ID ("WL101").
	Rule string
	// Severity of this finding.
	Severity Severity
	// Message is lower case, without a final period.
	Message string
	// Home is the home directory as given on the command line.
	Home string
	// Pos is where the problem is, relative to Home.
	Pos Pos
	// Host names the host of Home when the project configuration groups
	// homes into hosts; "" otherwise.
	Host string
}

// String formats f as "file:line:col: severity: message [ID]" with the file
// relative to the home.
func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", f.Pos, f.Severity, f.Message, f.Rule)
}
