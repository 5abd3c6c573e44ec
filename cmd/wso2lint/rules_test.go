package main

import (
	"bytes"
	"context"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/emit"
	"github.com/wso2lint/wso2lint/internal/model"
)

// outboundHome is a home with one public listener and one outbound peer
// named by a host name.
func outboundHome() *model.Home {
	return &model.Home{
		Dir:     "home",
		Product: model.Product{Key: "am", Version: "2.6.0"},
		Servers: []model.Server{{
			Profile: "default",
			Offset:  model.Offset{Origin: model.OriginDefault},
			Listeners: []model.Listener{
				{ID: "servlet-https", Base: 9443, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true, Exposure: model.ExposurePublic,
					Source: model.Pos{File: "repository/conf/tomcat/catalina-server.xml", Line: 80, Col: 9}},
				{ID: "jdbc-mysql", Base: 3306, Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true, Host: "db.example", Exposure: model.ExposureOutbound,
					Source: model.Pos{File: "repository/conf/datasources/master-datasources.xml", Line: 12, Col: 5}},
			},
		}},
	}
}

// TestWriteRulesResolvesOnce checks that rules plans once per run: with
// --resolve, each host name is looked up once whether the rules are written,
// checked or written as a firewalld directory (they used to be planned, and
// resolved, twice).
func TestWriteRulesResolvesOnce(t *testing.T) {
	dir := t.TempDir()
	committed := filepath.Join(dir, "committed.nft")
	cases := []struct {
		name   string
		target string
		out    func() rulesOutput
	}{
		{"stdout", "nftables", func() rulesOutput { return rulesOutput{} }},
		{"-o file", "nftables", func() rulesOutput { return rulesOutput{file: committed} }},
		{"--check", "nftables", func() rulesOutput { return rulesOutput{check: committed} }},
		{"firewalld -o DIR/", "firewalld", func() rulesOutput { return rulesOutput{file: filepath.Join(dir, "fw") + "/"} }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lookups := map[string]int{}
			eopt := emit.Options{Target: tc.target, Mode: emit.ModeStandalone, Egress: true, Resolve: true,
				LookupHost: func(_ context.Context, host string) ([]netip.Addr, error) {
					lookups[host]++
					return []netip.Addr{netip.MustParseAddr("192.0.2.7")}, nil
				}}
			var stdout, stderr bytes.Buffer
			out := tc.out()
			out.stdout, out.stderr = &stdout, &stderr
			if err := writeRules(context.Background(), []*model.Home{outboundHome()}, eopt, out); err != nil {
				t.Fatalf("writeRules: %v (stderr %q)", err, stderr.String())
			}
			if lookups["db.example"] != 1 || len(lookups) != 1 {
				t.Errorf("lookups = %v, want db.example once", lookups)
			}
			var written string
			switch {
			case out.check != "":
				return
			case out.file == "":
				written = stdout.String()
			case tc.target == "firewalld":
				// firewalld writes no egress rules, but plans (and resolves) all the same.
				if _, err := os.Stat(filepath.Join(out.file, "services", "wso2lint-home-default-public.xml")); err != nil {
					t.Fatal(err)
				}
				return
			default:
				b, err := os.ReadFile(out.file)
				if err != nil {
					t.Fatal(err)
				}
				written = string(b)
			}
			if !strings.Contains(written, "192.0.2.7") {
				t.Errorf("the resolved address is not in the rules:\n%s", written)
			}
		})
	}
}
