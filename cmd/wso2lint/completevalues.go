package main

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/emit"
	prodtable "github.com/wso2lint/wso2lint/internal/product"
	"github.com/wso2lint/wso2lint/lint"
	"github.com/wso2lint/wso2lint/report"
)

// completeValues answers a shell completion request (args ends with
// completionFlag) whose answer is a value rather than a command or option
// name: the value of --format, --target, --fail-on, --product, --profile,
// --mode, --enable and --disable after such an option, a rule ID after
// `explain`, a shell after `completion`. It reports false when urfave/cli's
// own completion (commands, option names) should answer.
//
// The completion scripts pass the words before the one being completed, and
// that word only when it starts with "-" (it is then an option name).
func completeValues(app *cli.App, args []string) ([]string, bool) {
	if len(args) < 2 || args[len(args)-1] != completionFlag {
		return nil, false
	}
	words := args[1 : len(args)-1]
	command := "lint"
	var positional []string
	if len(words) > 0 && app.Command(words[0]) != nil {
		command, words = app.Command(words[0]).Name, words[1:]
	}
	if len(words) > 0 {
		if vals, ok := flagValues(command, words[len(words)-1]); ok {
			return vals, true
		}
	}
	for i, w := range words {
		if strings.HasPrefix(w, "-") {
			continue
		}
		if i > 0 {
			if _, takes := flagValues(command, words[i-1]); takes {
				continue // the value of an option
			}
		}
		positional = append(positional, w)
	}
	switch {
	case command == "explain" && len(positional) == 0:
		return ruleIDs(), true
	case command == "completion" && len(positional) == 0:
		return []string{"bash", "zsh", "fish"}, true
	}
	return nil, false
}

// flagValues returns the values the option word (--format, -format) of
// command takes, and whether it is one whose values are known.
func flagValues(command, word string) ([]string, bool) {
	if !strings.HasPrefix(word, "-") || strings.Contains(word, "=") {
		return nil, false
	}
	switch strings.TrimLeft(word, "-") {
	case "format":
		switch command {
		case "lint":
			return report.Formats(), true
		case "ports":
			return []string{"text", "json"}, true
		case "catalog":
			return []string{"text", "json", "markdown"}, true
		case "explain":
			return lint.ExplainFormats(), true
		case "diff":
			return report.DiffFormats(), true
		case "plan-offsets":
			return report.PlanFormats(), true
		}
	case "target":
		if command == "rules" {
			return emit.Targets(), true
		}
	case "mode":
		if command == "rules" {
			return []string{emit.ModeStandalone, emit.ModeFragment}, true
		}
	case "fail-on":
		if command == "lint" {
			return []string{"error", "warning", "info", "none"}, true
		}
	case "product":
		if command != "explain" && command != "completion" {
			return productKeys(), true
		}
	case "profile":
		if command == "lint" || command == "ports" || command == "rules" {
			return prodtable.AllStartProfiles(), true
		}
	case "enable", "disable":
		if command == "lint" {
			return ruleIDs(), true
		}
	}
	return nil, false
}

// ruleIDs returns the IDs of every built-in rule, in order.
func ruleIDs() []string {
	var ids []string
	for _, r := range lint.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}
