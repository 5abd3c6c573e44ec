package main

import (
	"io"
	"path/filepath"
	"testing"
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
