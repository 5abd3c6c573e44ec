package emit

import (
	"context"
	"net/netip"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestIGMPWhereMLD: every target that lets MLD through (IPv6 multicast
// membership) lets IGMP through for IPv4 too, inbound (queries) and, with
// egress, outbound (reports), so that an IGMP-snooping switch keeps
// forwarding the Hazelcast multicast group.
func TestIGMPWhereMLD(t *testing.T) {
	homes := []*model.Home{amHome()}
	cluster := map[model.Exposure][]netip.Prefix{model.ExposureCluster: pfx("10.1.0.0/16")}
	render := func(opt Options) string {
		t.Helper()
		opt.Allow = cluster
		b, err := Render(context.Background(), homes, opt)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	nft := render(Options{Target: "nftables", Egress: true})
	for _, chain := range []string{"chain input {", "chain output {"} {
		body, _, _ := strings.Cut(nft[strings.Index(nft, chain):], "\n\t}")
		if !strings.Contains(body, "mld-listener-report") || !strings.Contains(body, "ip protocol igmp accept") {
			t.Errorf("nftables %s: MLD without IGMP:\n%s", chain, body)
		}
	}
	v4 := render(Options{Target: "iptables", Egress: true})
	for _, want := range []string{"-A INPUT -p igmp -j ACCEPT", "-A OUTPUT -p igmp -j ACCEPT"} {
		if !strings.Contains(v4, want) {
			t.Errorf("iptables: no %q:\n%s", want, v4)
		}
	}
	var zones, clusterSvc int
	for _, f := range FirewalldFiles(mustPlan(t, homes, Options{Target: "firewalld", Allow: cluster}), Options{Target: "firewalld", Allow: cluster}) {
		igmp := strings.Contains(f.Content, `<protocol value="igmp"/>`)
		switch {
		case strings.HasPrefix(f.Name, "zones/"):
			zones++
			if !igmp {
				t.Errorf("firewalld %s: zone without IGMP:\n%s", f.Name, f.Content)
			}
		case strings.HasSuffix(f.Name, "-cluster.xml"):
			clusterSvc++
			if !igmp {
				t.Errorf("firewalld %s: cluster service without IGMP:\n%s", f.Name, f.Content)
			}
		}
	}
	if zones == 0 || clusterSvc == 0 {
		t.Errorf("firewalld: %d zones, %d cluster services; want both", zones, clusterSvc)
	}
	sh := render(Options{Target: "firewalld", FirewalldScript: true})
	if !strings.Contains(sh, "--add-protocol=igmp") {
		t.Errorf("firewalld script adds no IGMP:\n%s", sh)
	}
}

func mustPlan(t *testing.T, homes []*model.Home, opt Options) *Plan {
	t.Helper()
	p, err := MakePlan(context.Background(), homes, opt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
