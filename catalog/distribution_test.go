package catalog_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse"
)

// distCarbon is a carbon.xml with an offset and the JMX ports.
const distCarbon = `<?xml version="1.0" encoding="UTF-8"?>
<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <Offset>1</Offset>
        <JMX>
            <RMIRegistryPort>9998</RMIRegistryPort>
            <RMIServerPort>11112</RMIServerPort>
        </JMX>
    </Ports>
</Server>
`

// resolvedOf writes files into a new home, parses and resolves it.
func resolvedOf(t *testing.T, files map[string]string, opt parse.Options) *model.Home {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := parse.Home(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	catalog.Resolve(h)
	return h
}

func pick(h *model.Home, ids ...string) []model.Listener {
	var out []model.Listener
	for _, l := range h.Servers[0].Listeners {
		for _, id := range ids {
			if l.ID == id {
				out = append(out, l)
			}
		}
	}
	return out
}

const carbonRel = "repository/conf/carbon.xml"

var sortBase = cmpopts.SortSlices(func(a, b model.Listener) bool { return a.Base < b.Base })

// TestDistributionConnectors: a Carbon 4.4.x configuration without
// catalina-server.xml runs the distribution's connectors, offset once like
// any other and pointing at carbon.xml's Offset; a home with the file gets
// none; in a full home the file was removed.
func TestDistributionConnectors(t *testing.T) {
	h := resolvedOf(t, map[string]string{carbonRel: distCarbon}, parse.Options{})
	at := model.Pos{File: carbonRel, Line: 4, Col: 17, Path: "/Server/Ports/Offset"}
	note := "tomcat/catalina-server.xml is not in the home: the distribution's connector"
	want := []model.Listener{
		{ID: model.SvcServletHTTPS, Base: 9443, Offset: 1, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Source: at, Note: note, Origin: model.FromDistribution, Exposure: model.ExposureManagement},
		{ID: model.SvcServletHTTP, Base: 9763, Offset: 1, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Source: at, Note: note, Origin: model.FromDistribution, Exposure: model.ExposureManagement},
	}
	got := pick(h, model.SvcServletHTTP, model.SvcServletHTTPS)
	if diff := cmp.Diff(want, got, sortBase, cmpopts.IgnoreFields(model.Listener{}, "Exposure")); diff != "" {
		t.Errorf("distribution connectors (-want +got):\n%s", diff)
	}
	withFile := resolvedOf(t, map[string]string{
		carbonRel: distCarbon,
		"repository/conf/tomcat/catalina-server.xml": `<Server><Service><Connector port="9445" scheme="https"/></Service></Server>`,
	}, parse.Options{})
	for _, l := range withFile.Servers[0].Listeners {
		if l.Origin == model.FromDistribution && (l.ID == model.SvcServletHTTP || l.ID == model.SvcServletHTTPS) {
			t.Errorf("a home with catalina-server.xml got %+v", l)
		}
	}
	removed := resolvedOf(t, map[string]string{carbonRel: distCarbon, "repository/conf/etc/jmx.xml": "<JMX/>", "bin/wso2server.sh": "", "lib/README": ""}, parse.Options{})
	if removed.Layout != model.LayoutFull {
		t.Fatalf("Layout = %v, want full", removed.Layout)
	}
	if got := pick(removed, model.SvcServletHTTP, model.SvcServletHTTPS); len(got) != 0 {
		t.Errorf("a full home without catalina-server.xml got %+v", got)
	}
	wantRemoved := []model.RemovedFile{{File: "repository/conf/tomcat/catalina-server.xml", Listeners: want, Pos: model.Pos{File: "bin/wso2server.sh", Line: 1, Col: 1}}}
	if diff := cmp.Diff(wantRemoved, removed.Servers[0].Removed, sortBase, cmpopts.IgnoreFields(model.Listener{}, "Exposure")); diff != "" {
		t.Errorf("removed (-want +got):\n%s", diff)
	}
}

// TestDistributionJMX: an overlay without etc/jmx.xml runs the
// distribution's (StartRMIServer true, ${Ports.JMX.*}): the ports come from
// the home's carbon.xml, offset once; without carbon.xml either, from the
// distribution's carbon.xml for a known product version (9999/11111), and
// from nowhere for an unknown one.
func TestDistributionJMX(t *testing.T) {
	note := "etc/jmx.xml absent: the distribution's jmx.xml (StartRMIServer true) is assumed"
	jmx := func(id string, base model.Port, conf string, off int, src model.Pos, note string) model.Listener {
		return model.Listener{ID: id, Base: base, Configured: conf, Offset: off, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn,
			Enabled: true, Source: src, Note: note, Origin: model.FromDistribution}
	}
	ignoreExposure := cmpopts.IgnoreFields(model.Listener{}, "Exposure")
	h := resolvedOf(t, map[string]string{carbonRel: distCarbon}, parse.Options{})
	want := []model.Listener{
		jmx(model.SvcJMXRegistry, 9998, "9998", 1, model.Pos{File: carbonRel, Line: 6, Col: 30, Path: "/Server/Ports/JMX/RMIRegistryPort"}, note),
		jmx(model.SvcJMXServer, 11112, "11112", 1, model.Pos{File: carbonRel, Line: 7, Col: 28, Path: "/Server/Ports/JMX/RMIServerPort"}, note),
	}
	if diff := cmp.Diff(want, pick(h, model.SvcJMXRegistry, model.SvcJMXServer), sortBase, ignoreExposure); diff != "" {
		t.Errorf("jmx.xml absent (-want +got):\n%s", diff)
	}

	// API Manager 2.6.0 without carbon.xml nor jmx.xml; the start script
	// sets the offset.
	am := map[string]string{
		"repository/conf/api-manager.xml": "<APIManager/>",
		"bin/wso2server.sh":               "#!/bin/sh\n# WSO2 API Manager 2.6.0\njava -DportOffset=2 org.wso2.carbon.bootstrap.Bootstrap\n",
	}
	h = resolvedOf(t, am, parse.Options{Product: model.KeyAM, Version: "2.6.0"})
	src := h.Servers[0].Offset.Pos
	if src.File != "bin/wso2server.sh" {
		t.Fatalf("offset at %v, want the start script", src)
	}
	want = []model.Listener{
		jmx(model.SvcJMXRegistry, 9999, "", 2, src, note+"; carbon.xml is not in the home: the distribution's Ports value JMX.RMIRegistryPort 9999"),
		jmx(model.SvcJMXServer, 11111, "", 2, src, note+"; carbon.xml is not in the home: the distribution's Ports value JMX.RMIServerPort 11111"),
	}
	if diff := cmp.Diff(want, pick(h, model.SvcJMXRegistry, model.SvcJMXServer), sortBase, ignoreExposure); diff != "" {
		t.Errorf("neither carbon.xml nor jmx.xml (-want +got):\n%s", diff)
	}
	// The embedded LDAP of the stock embedded-ldap.xml, KDC off.
	var ldap []string
	for _, l := range pick(h, model.SvcEmbeddedLDAP, model.SvcKDC) {
		ldap = append(ldap, l.ID+" "+l.Proto.String()+" "+strconv.Itoa(int(l.Port()))+" "+map[bool]string{true: "on", false: "off"}[l.Enabled]+" "+l.Origin.String())
	}
	if diff := cmp.Diff([]string{"kdc udp 8002 off distribution", "ldap tcp 10391 on distribution"}, ldap); diff != "" {
		t.Errorf("embedded-ldap.xml absent (-want +got):\n%s", diff)
	}

	// A version whose stock carbon.xml is not known: nothing is made up.
	h = resolvedOf(t, am, parse.Options{Product: model.KeyAM, Version: "1.10.0"})
	if got := pick(h, model.SvcJMXRegistry, model.SvcJMXServer, model.SvcEmbeddedLDAP); len(got) != 0 {
		t.Errorf("unknown version got %+v", got)
	}
}

// TestDistributionPlaceholders: an overlay with jmx.xml and embedded-ldap.xml
// but no carbon.xml: their ${Ports.*} placeholders take the distribution's
// carbon.xml values (known product version), offset once; an unknown
// placeholder stays unresolved; a full home leaves them all unresolved.
func TestDistributionPlaceholders(t *testing.T) {
	files := map[string]string{
		"repository/conf/api-manager.xml": "<APIManager/>",
		"repository/conf/etc/jmx.xml": "<JMX>\n  <StartRMIServer>true</StartRMIServer>\n" +
			"  <RMIRegistryPort>${Ports.JMX.RMIRegistryPort}</RMIRegistryPort>\n  <RMIServerPort>${Ports.JMX.Unknown}</RMIServerPort>\n</JMX>\n",
		"repository/conf/identity/embedded-ldap.xml": "<Server>\n<EmbeddedLDAP>\n  <Property name=\"enable\">true</Property>\n" +
			"  <Property name=\"port\">${Ports.EmbeddedLDAP.LDAPServerPort}</Property>\n</EmbeddedLDAP>\n</Server>\n",
	}
	opt := parse.Options{Product: model.KeyAM, Version: "2.6.0", Offset: intp(3)}
	h := resolvedOf(t, files, opt)
	var got []string
	for _, l := range pick(h, model.SvcJMXRegistry, model.SvcJMXServer, model.SvcEmbeddedLDAP) {
		got = append(got, l.ID+" "+strconv.Itoa(int(l.Port()))+" "+l.Configured+" "+l.Source.File+":"+strconv.Itoa(l.Source.Line)+" "+l.Origin.String())
	}
	want := []string{
		"jmx-rmi-registry 10002 ${Ports.JMX.RMIRegistryPort} repository/conf/etc/jmx.xml:3 file",
		"ldap 10392 ${Ports.EmbeddedLDAP.LDAPServerPort} repository/conf/identity/embedded-ldap.xml:4 file",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resolved placeholders (-want +got):\n%s", diff)
	}
	var refs []string
	for _, r := range h.Servers[0].Unresolved {
		refs = append(refs, r.Expr)
	}
	if diff := cmp.Diff([]string{"${Ports.JMX.Unknown}"}, refs); diff != "" {
		t.Errorf("unresolved (-want +got):\n%s", diff)
	}

	files["bin/wso2server.sh"], files["lib/README"] = "", ""
	full := resolvedOf(t, files, opt)
	if got := pick(full, model.SvcJMXRegistry, model.SvcEmbeddedLDAP); len(got) != 0 {
		t.Errorf("full home resolved placeholders: %+v", got)
	}
	if n := len(full.Servers[0].Unresolved); n != 3 {
		t.Errorf("full home: %d unresolved, want 3", n)
	}
}

func intp(n int) *int { return &n }
