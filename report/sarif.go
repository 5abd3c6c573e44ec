package report

import (
	"bufio"
	"bytes"
	"errors"
	"net/url"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// SARIF constants.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// sarifSrcRoot is the uriBaseId of every relative artifact location: the
	// directory the command ran from, which the home paths are relative to.
	sarifSrcRoot = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool              sarifTool       `json:"tool"`
	AutomationDetails sarifAutomation `json:"automationDetails"`
	Results           []sarifResult   `json:"results"`
}

// sarifAutomation identifies the analysis: GitHub code scanning takes the part
// of id before its last "/" as the category that tells analyses apart.
type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string            `json:"name"`
	Version         string            `json:"version,omitempty"`
	SemanticVersion string            `json:"semanticVersion,omitempty"`
	InformationURI  string            `json:"informationUri,omitempty"`
	Rules           []sarifRule       `json:"rules"`
	Properties      *sarifDriverProps `json:"properties,omitempty"`
}

type sarifDriverProps struct {
	RuleSetVersion string `json:"ruleSetVersion"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     *sarifText     `json:"shortDescription,omitempty"`
	FullDescription      *sarifText     `json:"fullDescription,omitempty"`
	HelpURI              string         `json:"helpUri,omitempty"`
	Help                 *sarifMarkdown `json:"help,omitempty"`
	DefaultConfiguration sarifRuleConf  `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

// sarifRuleProps are the rule properties GitHub code scanning reads: tags
// ("security" makes its findings security alerts) and, for security rules,
// security-severity, a score from "0.0" to "10.0" that ranks them.
type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMarkdown struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
	// PartialFingerprints identify the result across runs, whatever lines
	// are inserted above it (see fingerprints).
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	// Properties carries the host of the finding, when there is one.
	Properties *sarifResultProps `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Host string `json:"host"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// writeSARIF writes a SARIF 2.1.0 log with one run. The driver lists every
// rule of opt.Rules with its helpUri, tags and security-severity; a result
// whose rule is among them carries its ruleIndex, and every result carries a
// partial fingerprint. The run's automationDetails.id is "CATEGORY/".
func writeSARIF(b *bufio.Writer, findings []model.Finding, opt Options) error {
	d := sarifDriver{
		Name:           opt.toolName(),
		Version:        opt.ToolVersion,
		InformationURI: opt.InfoURI,
		Rules:          make([]sarifRule, 0, len(opt.Rules)),
	}
	if isSemver(opt.ToolVersion) {
		d.SemanticVersion = strings.TrimPrefix(opt.ToolVersion, "v")
	}
	if opt.RuleSetVersion != "" {
		d.Properties = &sarifDriverProps{RuleSetVersion: opt.RuleSetVersion}
	}
	for _, r := range opt.Rules {
		d.Rules = append(d.Rules, sarifRuleOf(r))
	}
	category := opt.Category
	if category == "" {
		category = opt.toolName()
	}
	// The results are written one by one into the document made without
	// them, where its empty "results" array is: the last one, as results is
	// the run's last member and the quotes of a key cannot occur unescaped
	// inside a JSON string.
	var doc bytes.Buffer
	run := sarifRun{
		Tool:              sarifTool{Driver: d},
		AutomationDetails: sarifAutomation{ID: category + "/"},
		Results:           []sarifResult{},
	}
	if err := encodeJSON(&doc, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}); err != nil {
		return err
	}
	const empty = `"results": []`
	at := bytes.LastIndex(doc.Bytes(), []byte(empty))
	if at < 0 {
		return errors.New("sarif: no results array in the document") // cannot happen: sarifRun has one
	}
	b.Write(doc.Bytes()[:at+len(empty)-1])
	prints := fingerprints(findings, opt)
	err := encodeJSONMembers(b, 3, len(findings), func(n int) any {
		f := findings[n]
		res := sarifResult{
			RuleID:              f.Rule,
			Level:               sarifLevel(f.Severity),
			Message:             sarifText{Text: f.Message},
			PartialFingerprints: map[string]string{fingerprintKey: prints[n]},
		}
		if i := opt.rule(f.Rule); i >= 0 {
			res.RuleIndex = &i
		}
		if loc, ok := sarifLocationOf(f, opt); ok {
			res.Locations = []sarifLocation{loc}
		}
		if f.Host != "" {
			res.Properties = &sarifResultProps{Host: f.Host}
		}
		return res
	})
	b.Write(doc.Bytes()[at+len(empty):])
	return err
}

func sarifRuleOf(r RuleInfo) sarifRule {
	sr := sarifRule{
		ID:                   r.ID,
		Name:                 r.Name,
		HelpURI:              r.DocURL,
		DefaultConfiguration: sarifRuleConf{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleProps{Tags: []string{"correctness"}},
	}
	if r.SecuritySeverity != "" {
		sr.Properties = sarifRuleProps{Tags: []string{"security"}, SecuritySeverity: r.SecuritySeverity}
	}
	if r.Title != "" {
		sr.ShortDescription = &sarifText{Text: r.Title}
	}
	if r.Doc != "" {
		sr.FullDescription = &sarifText{Text: r.Doc}
		sr.Help = &sarifMarkdown{Text: r.Doc, Markdown: r.Doc}
	}
	return sr
}

// sarifLevel maps a severity to a SARIF level; an invalid severity gives
// "warning", SARIF's own default.
func sarifLevel(s model.Severity) string {
	switch s {
	case model.SeverityError:
		return "error"
	case model.SeverityInfo:
		return "note"
	}
	return "warning"
}

// sarifLocationOf gives the physical location of f: the home-joined file
// (behind opt.PathPrefix) as a URI reference relative to %SRCROOT% (or a file:
// URI when the home is absolute), and a region only when the line is known.
func sarifLocationOf(f model.Finding, opt Options) (sarifLocation, bool) {
	p := repoPath(f, opt)
	if p == "" {
		return sarifLocation{}, false
	}
	art := sarifArtifact{URI: (&url.URL{Path: p}).String(), URIBaseID: sarifSrcRoot}
	if strings.HasPrefix(p, "/") {
		art = sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	} else if isDrivePath(p) {
		art = sarifArtifact{URI: (&url.URL{Scheme: "file", Path: "/" + p}).String()}
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: art}}
	if f.Pos.Line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Pos.Line}
		if f.Pos.Col > 0 {
			loc.PhysicalLocation.Region.StartColumn = f.Pos.Col
		}
	}
	return loc, true
}

// isDrivePath reports whether p starts with a Windows drive letter ("C:/").
func isDrivePath(p string) bool {
	return len(p) >= 3 && p[1] == ':' && p[2] == '/' &&
		(p[0] >= 'a' && p[0] <= 'z' || p[0] >= 'A' && p[0] <= 'Z')
}

// isSemver reports whether v is a semantic version ("1.2.3", "1.2.3-rc.1+abc"),
// with an optional leading "v".
func isSemver(v string) bool {
	v = strings.TrimPrefix(v, "v")
	if i := strings.IndexByte(v, '+'); i >= 0 {
		if !isIdents(v[i+1:]) {
			return false
		}
		v = v[:i]
	}
	if i := strings.IndexByte(v, '-'); i >= 0 {
		if !isIdents(v[i+1:]) {
			return false
		}
		v = v[:i]
	}
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 1 && p[0] == '0' || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// isIdents reports whether s is a non-empty dot-separated list of non-empty
// identifiers made of [0-9A-Za-z-].
func isIdents(s string) bool {
	for _, id := range strings.Split(s, ".") {
		if id == "" {
			return false
		}
		for _, r := range id {
			if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') {
				return false
			}
		}
	}
	return true
}
