package lint

import "github.com/wso2lint/wso2lint/internal/model"

// MaxSeverity returns the most severe severity among findings, or
// model.SeverityInvalid when there are none.
func MaxSeverity(findings []model.Finding) model.Severity {
	worst := model.SeverityInvalid
	for _, f := range findings {
		if f.Severity == model.SeverityInvalid {
			continue
		}
		if worst == model.SeverityInvalid || f.Severity.AtLeast(worst) {
			worst = f.Severity
		}
	}
	return worst
}

// Fails reports whether any finding is at least as severe as failOn, which
// decides the exit code of `wso2lint lint`. An invalid failOn never fails.
func Fails(findings []model.Finding, failOn model.Severity) bool {
	if failOn == model.SeverityInvalid {
		return false
	}
	for _, f := range findings {
		if f.Severity.AtLeast(failOn) {
			return true
		}
	}
	return false
}
