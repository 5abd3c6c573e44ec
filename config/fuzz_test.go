package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the configuration parser: it returns a
// configuration or an error naming the file, and never panics.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("host-services:\n  - name: rabbitmq\n    port: 5672\n  - {name: s, port: \"1-2\", protocol: udp}\n"))
	f.Add([]byte("offset: 1\nfail-on: none\nignore:\n  - path: \"**\"\n    rules: [WL101]\n    reason: x\n"))
	f.Add([]byte("severity: {WL101: info}\ndisable: [WL307]\n"))
	f.Add([]byte("networks:\n  m: [10.0.0.0/8, \"fd00::/8\"]\nfirewall:\n  target: nftables\n  allow: {management: [m]}\nhosts:\n  - name: a\n    homes: [dev/*, \"**/x\"]\n    firewall: {ssh-port: 22, egress: true}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("cfg.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "cfg.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, h := range c.HostServices {
			if !h.Port.Valid() || (h.PortEnd != 0 && h.PortEnd <= h.Port) || h.Name == "" {
				t.Fatalf("accepted a bad host service %+v", h)
			}
		}
	})
}

// FuzzParseHostService checks that a parsed --host-service value prints back
// to a value that parses to the same service.
func FuzzParseHostService(f *testing.F) {
	for _, s := range []string{"rabbitmq=5672", "statsd=8125/udp", "x=9100-9110/tcp", "=1", "a=b", "a=1-/udp"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHostService(s)
		if err != nil {
			return
		}
		again, err := ParseHostService(h.String())
		if err != nil || again != h {
			t.Fatalf("%q parses to %+v, whose String %q gives %+v, %v", s, h, h.String(), again, err)
		}
	})
}
