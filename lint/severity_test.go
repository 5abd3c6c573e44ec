package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestMaxSeverityAndFails(t *testing.T) {
	f := func(s model.Severity) model.Finding { return model.Finding{Rule: "WL999", Severity: s} }
	cases := []struct {
		name     string
		findings []model.Finding
		max      model.Severity
		failWarn bool
		failErr  bool
	}{
		{"none", nil, model.SeverityInvalid, false, false},
		{"info", []model.Finding{f(model.SeverityInfo)}, model.SeverityInfo, false, false},
		{"warning", []model.Finding{f(model.SeverityInfo), f(model.SeverityWarning)}, model.SeverityWarning, true, false},
		{"error", []model.Finding{f(model.SeverityWarning), f(model.SeverityError), f(model.SeverityInfo)}, model.SeverityError, true, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaxSeverity(tc.findings); got != tc.max {
				t.Errorf("MaxSeverity = %v, want %v", got, tc.max)
			}
			if got := Fails(tc.findings, model.SeverityWarning); got != tc.failWarn {
				t.Errorf("Fails(warning) = %v, want %v", got, tc.failWarn)
			}
			if got := Fails(tc.findings, model.SeverityError); got != tc.failErr {
				t.Errorf("Fails(error) = %v, want %v", got, tc.failErr)
			}
			if got := Fails(tc.findings, model.SeverityInfo); got != (len(tc.findings) > 0) {
				t.Errorf("Fails(info) = %v, want %v", got, len(tc.findings) > 0)
			}
			if Fails(tc.findings, model.SeverityInvalid) {
				t.Errorf("Fails(invalid) = true, want false")
			}
		})
	}
}
