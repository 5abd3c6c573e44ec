package main

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/lint"
	"github.com/wso2lint/wso2lint/parse"
	"github.com/wso2lint/wso2lint/report"
)

// BenchmarkRun measures the whole command line in-process (flags, reading and
// resolving the home, the command, formatting the output) on the example home.
func BenchmarkRun(b *testing.B) {
	home := filepath.Join(repoRoot(b), "testdata", "example", "wso2am-2.6.0")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"lint", []string{"lint", "--no-config", home}},
		{"ports", []string{"ports", home}},
		{"rules", []string{"rules", "--target", "nftables", home}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			args := append([]string{"wso2lint"}, tc.args...)
			b.ReportAllocs()
			for b.Loop() {
				if code := run(args, io.Discard, io.Discard, noEnv); code > exitFindings {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// BenchmarkWrite measures each output writer on its own (lint's report
// formats, the ports formats), on the findings and listeners of 100 copies
// of the example home given together, so that the host-wide collisions give
// a long report.
func BenchmarkWrite(b *testing.B) {
	dir := filepath.Join(repoRoot(b), "testdata", "example", "wso2am-2.6.0")
	dirs := make([]string, 100)
	for i := range dirs {
		dirs[i] = dir
	}
	homes, err := loadHomes(context.Background(), dirs, parse.Options{MaxFileSize: parse.DefaultMaxFileSize})
	if err != nil {
		b.Fatal(err)
	}
	rules := lint.Rules()
	findings := lint.Run(homes, rules, lint.Options{DefaultPort: catalog.DefaultBase})
	if len(findings) == 0 {
		b.Fatal("no findings")
	}
	ropt := report.Options{ToolVersion: toolVersion().Version, RuleSetVersion: ruleSetVersion, Rules: ruleInfos(rules, true)}
	for _, format := range report.Formats() {
		b.Run("lint-"+format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := report.Write(io.Discard, format, findings, ropt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, format := range report.PortsFormats() {
		b.Run("ports-"+format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := report.WritePorts(io.Discard, format, homes, report.PortsOptions{ProductName: productName}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
