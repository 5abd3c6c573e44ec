package emit

import (
	"context"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// nftFragmentWrapper includes a fragment inside a table, as its header says.
func nftFragmentWrapper(fragment string, egress bool) string {
	s := "table inet filter {\n\tinclude \"" + fragment + "\"\n" +
		"\tchain input { type filter hook input priority filter; policy drop; ct state established,related accept; jump wso2lint-in; }\n"
	if egress {
		s += "\tchain output { type filter hook output priority filter; policy drop; ct state established,related accept; jump wso2lint-out; }\n"
	}
	return s + "}\n"
}

// TestValidateNftables checks every nftables output with the kernel in a
// private network namespace, and loads standalone files twice.
func TestValidateNftables(t *testing.T) {
	needTools(t, "unshare", "nft")
	for _, r := range renderCases(t) {
		if r.target != "nftables" {
			continue
		}
		t.Run(r.file, func(t *testing.T) {
			dir := t.TempDir()
			f := filepath.Join(dir, "rules.nft")
			writeFile(t, f, string(r.text))
			load := f
			if r.opt.mode() == ModeFragment {
				load = filepath.Join(dir, "wrapper.nft")
				writeFile(t, load, nftFragmentWrapper(f, r.opt.Egress))
			}
			run(t, "unshare", "-n", "nft", "-c", "-f", load)
			// A real load, twice: the second must replace, not add.
			out := run(t, "unshare", "-n", "sh", "-c", `nft -f "$1" && nft -f "$1" && nft list ruleset`, "sh", load)
			if want, got := countRules(string(r.text), r.opt.mode() == ModeFragment), strings.Count(out, " comment \""); got != want {
				t.Errorf("loaded ruleset has %d commented rules, file has %d:\n%s", got, want, out)
			}
		})
	}
}

// countRules is how many commented rules two loads of the file leave: the
// standalone table is replaced, so once; an included fragment is appended, so
// twice (which is why its header says to reload with flush ruleset).
func countRules(text string, fragment bool) int {
	n := 0
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "#") && strings.Contains(l, " comment \"") {
			n++
		}
	}
	if fragment {
		// A fragment included twice in a table without flush ruleset appends.
		return 2 * n
	}
	return n
}

// TestValidateIptables checks every iptables and ip6tables output with the
// legacy --test parser and a real load through the nft backend, each in a
// private network namespace; fragments are loaded twice with --noflush and
// must not grow.
func TestValidateIptables(t *testing.T) {
	needTools(t, "unshare", "iptables-legacy-restore", "iptables-nft-restore", "iptables-nft-save",
		"ip6tables-legacy-restore", "ip6tables-nft-restore", "ip6tables-nft-save")
	for _, r := range renderCases(t) {
		if r.target != "iptables" && r.target != "ip6tables" {
			continue
		}
		t.Run(r.file, func(t *testing.T) {
			f := filepath.Join(t.TempDir(), "rules")
			writeFile(t, f, string(r.text))
			cmd := r.target
			run(t, "unshare", "-n", cmd+"-legacy-restore", "--test", f)
			flush := ""
			if r.opt.mode() == ModeFragment {
				flush = "--noflush"
			}
			script := fmt.Sprintf(`%[1]s-nft-restore %[2]s "$1" && %[1]s-nft-restore %[2]s "$1" && %[1]s-nft-save`, cmd, flush)
			out := run(t, "unshare", "-n", "sh", "-c", script, "sh", f)
			want := 0
			for _, l := range strings.Split(string(r.text), "\n") {
				if strings.HasPrefix(l, "-A ") {
					want++
				}
			}
			got := 0
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, "-A ") {
					got++
				}
			}
			if got != want {
				t.Errorf("after two loads %d rules, file has %d:\n%s", got, want, out)
			}
		})
	}
}

// firewalldCheck copies /etc/firewalld into dir and runs check-config on it
// inside private mount and network namespaces, with dir bind-mounted over
// /etc/firewalld, so the real configuration is never touched.
func firewalldCheck(t *testing.T, dir, prepare string) {
	t.Helper()
	script := `set -e; mount --bind "$1" /etc/firewalld; ` + prepare + `; firewall-offline-cmd --system-config "$1" --check-config`
	run(t, "unshare", "-m", "-n", "sh", "-c", script, "sh", dir)
}

func copyFirewalldConfig(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	run(t, "cp", "-a", "/etc/firewalld/.", dir)
	return dir
}

// TestValidateFirewalld checks the XML files and the script of every case with
// firewall-offline-cmd --check-config on a copy of /etc/firewalld.
func TestValidateFirewalld(t *testing.T) {
	needTools(t, "unshare", "firewall-offline-cmd", "cp", "mount")
	needFirewalldConfig(t)
	for _, r := range renderCases(t) {
		if r.target != "firewalld" {
			continue
		}
		t.Run(r.file, func(t *testing.T) {
			p, err := MakePlan(context.Background(), r.homes(), r.opt)
			if err != nil {
				t.Fatal(err)
			}
			dir := copyFirewalldConfig(t)
			files := FirewalldFiles(p, r.opt)
			if r.opt.FirewalldScript {
				// Each firewall-offline-cmd call takes about a second: run
				// one script (the hostile case, twice) and not under -short.
				if !strings.HasPrefix(r.file, "hostile.") {
					t.Skip("script validated on the hostile case only (slow)")
				}
				testenv.SkipShort(t, "firewalld script check (slow)")
				shim := firewallCmdShim(t)
				sh := filepath.Join(t.TempDir(), files[0].Name)
				writeFile(t, sh, files[0].Content)
				// Run twice: the second run must succeed on what the first created.
				prep := fmt.Sprintf(`export FWDIR="$1" PATH=%q:"$PATH"; sh %q >/dev/null; sh %q >/dev/null`, shim, sh, sh)
				firewalldCheck(t, dir, prep)
				return
			}
			for _, f := range files {
				if !strings.Contains(string(r.text), "# ===== file: "+f.Name+" =====\n"+f.Content) {
					t.Errorf("stream lacks file %s", f.Name)
				}
				writeFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), f.Content)
			}
			firewalldCheck(t, dir, "true")
		})
	}
}

// TestValidateCatchesErrors proves the checks above can fail.
func TestValidateCatchesErrors(t *testing.T) {
	needTools(t, "unshare", "nft", "iptables-legacy-restore", "firewall-offline-cmd")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad")
	writeFile(t, bad, "table inet wso2lint {\n\tchain c {\n\t\ttcp dport 99999 accept\n\t}\n}\n")
	if out, err := execOut("unshare", "-n", "nft", "-c", "-f", bad); err == nil {
		t.Errorf("nft accepted a bad port: %s", out)
	}
	writeFile(t, bad, "*filter\n:X - [0:0]\n-A X -p tcp -m tcp --dport 1 -j ACCEPTX\nCOMMIT\n")
	if out, err := execOut("unshare", "-n", "iptables-legacy-restore", "--test", bad); err == nil {
		t.Errorf("iptables accepted a bad target: %s", out)
	}
	fw := copyFirewalldConfig(t)
	writeFile(t, filepath.Join(fw, "services", "bad.xml"), "<service><port protocol=\"tcp\" port=\"99999\"/></service>\n")
	if out, err := execOut("unshare", "-m", "-n", "sh", "-c", `mount --bind "$1" /etc/firewalld && firewall-offline-cmd --system-config "$1" --check-config`, "sh", fw); err == nil {
		t.Errorf("firewalld accepted a bad port: %s", out)
	}
}

// TestFirewalldScriptRerunReplaces runs the script of one plan, then the
// script of a plan with fewer classes, on a copy of /etc/firewalld: the zones
// and services only the first created are gone, the second's are there.
func TestFirewalldScriptRerunReplaces(t *testing.T) {
	needTools(t, "unshare", "firewall-offline-cmd", "cp", "mount")
	needFirewalldConfig(t)
	testenv.SkipShort(t, "firewalld script check (slow)")
	script := func(opt Options) string {
		opt.Target, opt.FirewalldScript = "firewalld", true
		p, err := MakePlan(context.Background(), twoHomes(), opt)
		if err != nil {
			t.Fatal(err)
		}
		sh := filepath.Join(t.TempDir(), "wso2lint-firewalld.sh")
		writeFile(t, sh, FirewalldFiles(p, opt)[0].Content)
		return sh
	}
	first := script(Options{Allow: map[model.Exposure][]netip.Prefix{
		model.ExposureManagement: pfx("10.0.0.0/8"),
		model.ExposureCluster:    pfx("10.1.0.0/16"),
	}})
	second := script(Options{Allow: map[model.Exposure][]netip.Prefix{model.ExposureManagement: pfx("10.0.0.0/8")}})
	shim := firewallCmdShim(t)
	dir := copyFirewalldConfig(t)
	firewalldCheck(t, dir, fmt.Sprintf(`export FWDIR="$1" PATH=%q:"$PATH"; sh %q >/dev/null; sh %q >/dev/null`, shim, first, second))
	exists := func(rel string) bool {
		_, err := os.Stat(filepath.Join(dir, rel))
		return err == nil
	}
	for _, gone := range []string{"zones/wso2lint-mc.xml", "services/wso2lint-wso2am-2-6-0-default-cluster.xml"} {
		if exists(gone) {
			t.Errorf("%s left behind by the first run", gone)
		}
	}
	for _, kept := range []string{"zones/wso2lint-mgmt.xml", "services/wso2lint-wso2am-2-6-0-default-mgmt.xml"} {
		if !exists(kept) {
			t.Errorf("%s missing after the second run", kept)
		}
	}
}

// firewallCmdShim returns a directory holding a firewall-cmd that runs
// firewall-offline-cmd on $FWDIR (and takes --reload as done), so that a
// generated script can run without a firewalld daemon.
func firewallCmdShim(t *testing.T) string {
	t.Helper()
	shim := t.TempDir()
	writeFile(t, filepath.Join(shim, "firewall-cmd"), "#!/bin/sh\n"+
		"for a in \"$@\"; do [ \"$a\" = --reload ] && exit 0; done\n"+
		"[ \"$1\" = --permanent ] && shift\n"+
		"exec firewall-offline-cmd --system-config \"$FWDIR\" \"$@\"\n")
	if err := os.Chmod(filepath.Join(shim, "firewall-cmd"), 0o755); err != nil {
		t.Fatal(err)
	}
	return shim
}
