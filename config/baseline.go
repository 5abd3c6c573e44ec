package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/regfile"
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// Baseline is a set of accepted findings. A finding is known to the baseline
// by its rule, its home-relative file and its configuration location
// (Pos.Path, or the message when the finding has no path), never by its line,
// so editing a file above a finding does not bring it back. Keys count: two
// equal entries absorb two equal findings.
type Baseline struct {
	counts map[baselineKey]int
}

type baselineKey struct {
	rule, file, location string
}

func keyOf(f model.Finding) baselineKey {
	loc := f.Pos.Path
	if loc == "" {
		loc = f.Message
	}
	return baselineKey{rule: f.Rule, file: f.Pos.File, location: loc}
}

// baselineFile is the JSON form of a baseline.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

// baselineEntry is one accepted finding. Message is for the reader only, and
// is left out when it is the location.
type baselineEntry struct {
	Rule     string `json:"rule"`
	File     string `json:"file"`
	Location string `json:"location"`
	Message  string `json:"message,omitempty"`
}

// ReadBaseline reads a baseline file written by WriteBaseline.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := regfile.ReadFile(path, 0)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	b, err := parseBaseline(data)
	if err != nil {
		return nil, fmt.Errorf("read baseline %s: %w", path, err)
	}
	return b, nil
}

func parseBaseline(data []byte) (*Baseline, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f baselineFile
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("unexpected data after the baseline object")
	}
	if f.Version != BaselineVersion {
		return nil, fmt.Errorf("unsupported baseline version %d (want %d)", f.Version, BaselineVersion)
	}
	b := &Baseline{counts: make(map[baselineKey]int, len(f.Findings))}
	for i, e := range f.Findings {
		if e.Rule == "" {
			return nil, fmt.Errorf("finding %d has no rule", i+1)
		}
		b.counts[baselineKey{rule: e.Rule, file: e.File, location: e.Location}]++
	}
	return b, nil
}

// WriteBaseline writes the findings as a baseline: indented JSON, sorted by
// file, location, rule and message, so the same findings always give the same
// bytes whatever their order.
func WriteBaseline(w io.Writer, findings []model.Finding) error {
	f := baselineFile{Version: BaselineVersion, Findings: make([]baselineEntry, 0, len(findings))}
	for _, fd := range findings {
		k := keyOf(fd)
		e := baselineEntry{Rule: k.rule, File: k.file, Location: k.location}
		if fd.Message != k.location {
			e.Message = fd.Message
		}
		f.Findings = append(f.Findings, e)
	}
	sort.Slice(f.Findings, func(i, j int) bool {
		a, b := f.Findings[i], f.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Location != b.Location {
			return a.Location < b.Location
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// Len returns the number of findings the baseline accepts.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	n := 0
	for _, c := range b.counts {
		n += c
	}
	return n
}

// Filter returns the findings the baseline does not account for, in their
// order. Each baseline entry absorbs at most one finding. A nil baseline
// filters nothing. The baseline itself is not changed.
func (b *Baseline) Filter(findings []model.Finding) []model.Finding {
	if b == nil {
		return findings
	}
	left := make(map[baselineKey]int, len(b.counts))
	for k, n := range b.counts {
		left[k] = n
	}
	out := make([]model.Finding, 0, len(findings))
	for _, f := range findings {
		k := keyOf(f)
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, f)
	}
	return out
}
