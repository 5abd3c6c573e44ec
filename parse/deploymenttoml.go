package parse

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/product"
	"github.com/wso2lint/wso2lint/parse/toml"
)

// tomlTemplatesDir holds the templates that render the XML configuration.
const tomlTemplatesDir = "repository/resources/conf/templates"

// tomlDefaultJSON holds the product's default values of toml keys.
const tomlDefaultJSON = "repository/resources/conf/default.json"

// readToml reads deployment.toml: every key becomes a setting
// model.KeyTomlPrefix + dotted key (after alias resolution) with the position of
// its value; $ref{a.b} is resolved; $env{X} and $sys{X} are recorded as
// unresolved; [server] offset becomes the server offset (replacing MI's default
// of 10). The templates present and default.json are recorded for catalog, which
// turns the settings into listeners (catalog.ResolveToml).
func readToml(s *server) error {
	rel := s.rel("deployment.toml")
	data, ok, err := s.readText(rel)
	if err != nil || !ok {
		return err
	}
	entries, err := s.shared().parseToml(rel, data)
	if err != nil {
		var se *tomlSyntaxError
		if errors.As(err, &se) {
			return &Error{File: s.h.display(rel), Line: se.line, Err: errors.New(se.msg)}
		}
		return s.h.errorf(rel, 0, "%v", err)
	}
	s.ignores = append(s.ignores, tomlIgnores(rel, data)...)
	s.toml = &tomlInfo{rel: rel}
	s.srv.Toml = &model.TomlFacts{File: rel}
	if s.avoidConfigUpdate != nil {
		s.srv.Toml.AvoidConfigUpdate, s.srv.Toml.AvoidConfigUpdatePos = true, *s.avoidConfigUpdate
	}
	values := map[string]string{}
	for _, e := range entries {
		if e.inArray {
			continue
		}
		for _, k := range []string{e.key, tomlRefAlias(e.key)} {
			if _, dup := values[k]; !dup {
				values[k] = e.value
			}
		}
	}
	var offset *tomlEntry
	refBudget := maxTomlRefGrowth
	for i := range entries {
		e := &entries[i]
		key := e.key
		pos := model.Pos{File: rel, Line: e.line, Col: e.col, Path: key}
		v, err := s.resolveTomlRefs(e.value, values, pos, &refBudget)
		if err != nil {
			return &Error{File: s.h.display(rel), Line: e.line, Col: e.col, Err: fmt.Errorf("%s: %v", key, err)}
		}
		e.value = v
		s.set(model.KeyTomlPrefix+key, v, pos)
		for _, m := range tomlEnvPattern().FindAllStringSubmatch(v, -1) {
			s.unresolved(m[0], pos)
			kind := model.RuntimeEnv
			if m[1] == "sys" {
				kind = model.RuntimeSys
			}
			s.srv.Runtime = append(s.srv.Runtime, model.RuntimeRef{Kind: kind, Name: m[2], Expr: m[0], Port: isTomlPortKey(key), Pos: pos})
		}
		if err := s.checkTomlType(rel, key, e); err != nil {
			return err
		}
		if err := s.checkTomlPort(rel, key, e); err != nil {
			return err
		}
		if key == "server.offset" && offset == nil && !e.inArray {
			offset = e
		}
	}
	s.srv.Toml.InboundDir = s.conf != "" && s.h.isDir(tomlInboundDir)
	if err := s.readTomlTemplates(); err != nil {
		return err
	}
	if err := s.readDefaultJSON(); err != nil {
		return err
	}
	s.inferTomlVersion(values)
	s.toml.offset = offset
	return nil
}

// tomlInboundDir holds the synapse inbound endpoints of a deployment.toml-era home.
const tomlInboundDir = "repository/deployment/server/synapse-configs/default/inbound-endpoints"

// tomlInfo is what readToml keeps for finishToml.
type tomlInfo struct {
	rel       string     // home-relative deployment.toml
	offset    *tomlEntry // the [server] offset entry; nil when absent
	templates []string   // home-relative files the templates present render
}

// finishToml decides, once the product is known, the offset deployment.toml
// renders (Micro Integrator's default is 10 whatever the layout) and the
// files it renders.
func (s *server) finishToml(p model.Product) error {
	if s.toml == nil {
		return nil
	}
	s.srv.Toml.Rendered = tomlRendered(s.conf, p, s.toml.templates)
	return s.tomlOffset(s.toml.rel, s.toml.offset, p.Key == model.KeyMI)
}

// tomlRenderedCore lists the conf-relative XML files deployment.toml renders
// in every deployment.toml-era product.
var tomlRenderedCore = []string{"carbon.xml", "axis2/axis2.xml", "tomcat/catalina-server.xml", "etc/jmx.xml", "broker.xml",
	"data-bridge/data-bridge-config.xml", "identity/embedded-ldap.xml", "identity/identity.xml", "user-mgt.xml", "api-manager.xml",
	"datasources/master-datasources.xml"}

// tomlRenderedInbound lists the inbound endpoints API Manager 4.x renders
// from templates (under tomlInboundDir).
var tomlRenderedInbound = []string{"WebSocketInboundEndpoint.xml", "SecureWebSocketInboundEndpoint.xml", "SecureWebhookServer.xml"}

// tomlRendered returns, sorted and without duplicates, the home-relative
// files deployment.toml renders for a server with the conf directory conf:
// the core XML files, every file a template present renders, and the API
// Manager 4.x inbound endpoints that have templates (an API Manager of
// unknown version counts as 4.x, the latest).
func tomlRendered(conf string, p model.Product, templates []string) []string {
	var out []string
	for _, f := range tomlRenderedCore {
		out = append(out, path.Join(conf, f))
	}
	if product.FamilyOf(p.Key) == model.KeyAM && (p.Version == "" || !versionBefore(p.Version, "4.0")) {
		for _, f := range tomlRenderedInbound {
			out = append(out, tomlInboundDir+"/"+f)
		}
	}
	out = append(out, templates...)
	sort.Strings(out)
	return slices.Compact(out)
}

// versionBefore reports whether the dotted version a is below b, compared
// numerically (product.CompareVersions).
func versionBefore(a, b string) bool { return product.CompareVersions(a, b) < 0 }

// tomlEnvPattern matches values the tool cannot know statically: the kind
// (env or sys) and the name. $secret{...} is not among them: it names a
// secure-vault alias, which is the recommended way to give passwords, and
// never holds a port.
var tomlEnvPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$(env|sys)\{([^}]*)\}`) })

// tomlRefPattern matches $ref{a.b}.
var tomlRefPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$ref\{([^}]*)\}`) })

// maxTomlRefGrowth bounds how much $ref{} resolution may lengthen the values
// of one deployment.toml in all: references nest eight deep, so ten
// references a level would otherwise expand a few lines into gigabytes (the
// TOML form of the billion laughs), and many keys each just under a bound of
// their own would do the same.
const maxTomlRefGrowth = 4 << 20

// resolveTomlRefs replaces $ref{a.b} with the value of key a.b, recursively up
// to a small depth; a reference to a missing key is recorded as unresolved.
// budget is what the file's values may still grow by; going over it is an
// error.
func (s *server) resolveTomlRefs(v string, values map[string]string, pos model.Pos, budget *int) (string, error) {
	for depth := 0; depth < 8 && strings.Contains(v, "$ref{"); depth++ {
		changed, over := false, false
		v = tomlRefPattern().ReplaceAllStringFunc(v, func(m string) string {
			name := strings.TrimSpace(m[len("$ref{") : len(m)-1])
			if r, ok := values[name]; ok && r != m && !over {
				if *budget -= len(r) - len(m); *budget < 0 {
					over = true
					return m
				}
				changed = true
				return r
			}
			return m
		})
		if over {
			return "", fmt.Errorf("$ref{} references expand the file's values by more than %d bytes", maxTomlRefGrowth)
		}
		if !changed {
			break
		}
	}
	for _, m := range tomlRefPattern().FindAllString(v, -1) {
		s.unresolved(m, pos)
	}
	return v, nil
}

// tomlRefAliases maps keys API Manager's key-mappings.json maps onto another
// key, so that $ref{} to the mapped key finds a value written under the
// alias (the gateway PassThrough listener is also written under
// [transport.http]). Settings keep the key as written: which key a product
// reads for a listener (Micro Integrator has no passthru_* keys) is the
// catalog's business (catalog.TomlDefault.PortAliases).
var tomlRefAliases = []struct{ alias, key string }{
	{"transport.http.listener.port", "transport.passthru_http.listener.parameters.port"},
	{"transport.http.listener.secured_port", "transport.passthru_https.listener.parameters.port"},
	{"transport.passthru_http.listener.port", "transport.passthru_http.listener.parameters.port"},
	{"transport.passthru_https.listener.port", "transport.passthru_https.listener.parameters.port"},
}

// tomlRefAlias returns the key an alias maps onto, or key itself.
func tomlRefAlias(key string) string {
	for _, a := range tomlRefAliases {
		if key == a.alias {
			return a.key
		}
	}
	return key
}

// checkTomlPort rejects a literal port that is not a port number: an input
// error, as in the XML files. Values with placeholders are left alone.
func (s *server) checkTomlPort(rel, key string, e *tomlEntry) error {
	if key == "server.offset" || !isTomlPortKey(key) || strings.Contains(e.value, "$") {
		return nil
	}
	if e.kind != toml.KindInteger && e.kind != toml.KindString {
		return nil
	}
	if _, err := parsePort(e.value); err != nil {
		return &Error{File: s.h.display(rel), Line: e.line, Err: fmt.Errorf("%s: %v", key, err)}
	}
	return nil
}

// isTomlPortKey reports whether a dotted key names a port or the offset.
func isTomlPortKey(key string) bool {
	last := key[strings.LastIndex(key, ".")+1:]
	return last == "port" || last == "offset" || strings.HasSuffix(last, "_port") || strings.HasSuffix(last, "Port")
}

// readTomlTemplates records the templates present: each *.j2 under
// repository/resources/conf/templates renders the file at the same path
// without .j2.
func (s *server) readTomlTemplates() error {
	if s.conf == "" || !s.h.isDir(tomlTemplatesDir) {
		return nil
	}
	var walk func(dir string, depth int) error
	walk = func(dir string, depth int) error {
		if depth > 8 {
			return nil
		}
		names, err := s.h.list(dir)
		if err != nil {
			return err
		}
		for _, n := range names {
			if strings.HasSuffix(n, ".j2") {
				full := path.Join(dir, n)
				out := strings.TrimSuffix(strings.TrimPrefix(full, tomlTemplatesDir+"/"), ".j2")
				s.toml.templates = append(s.toml.templates, out)
			}
		}
		for _, d := range s.h.listDirs(dir) {
			if err := walk(path.Join(dir, d), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(tomlTemplatesDir, 0)
}

// inferTomlVersion guesses the version from the toml when neither carbon.xml
// nor the directory name gives one: only lower bounds that keys prove
// ([apim.ai] arrived in API Manager 4.4, [apim.sync_runtime_artifacts] in 4.0).
func (s *server) inferTomlVersion(values map[string]string) {
	if s.version != "" {
		return
	}
	if _, v := dirHint(s.h.dir); v != "" {
		return
	}
	has := func(prefix string) bool {
		for k := range values {
			if strings.HasPrefix(k, prefix) {
				return true
			}
		}
		return false
	}
	switch {
	case has("apim.ai."):
		s.version, s.versionInferred = "4.4.0", true
	case has("apim.sync_runtime_artifacts."):
		s.version, s.versionInferred = "4.0.0", true
	}
}

// tomlOffset decides the offset deployment.toml renders into carbon.xml and
// records drift against a carbon.xml <Offset> that differs. The toml wins unless
// the start script runs with -DavoidConfigUpdate=true, which keeps the XML.
func (s *server) tomlOffset(rel string, e *tomlEntry, mi bool) error {
	def := 0
	if mi {
		def = 10 // MI's default; [server] offset replaces it
	}
	rendered := model.Offset{Value: def, Origin: model.OriginDefault}
	if e != nil {
		v := strings.TrimSpace(e.value)
		pos := model.Pos{File: rel, Line: e.line, Col: e.col, Path: "server.offset"}
		if tomlEnvPattern().MatchString(v) || strings.Contains(v, "$ref{") {
			// Recorded as unresolved above; the default stays.
			s.srv.Offsets = append(s.srv.Offsets, model.OffsetSource{Origin: model.OriginToml, Text: e.value, Pos: pos})
		} else {
			n, err := parseOffset(v)
			if err != nil {
				return &Error{File: s.h.display(rel), Line: e.line, Err: err}
			}
			rendered = model.Offset{Value: n, Origin: model.OriginToml, Pos: pos}
			s.srv.Offsets = append(s.srv.Offsets, model.OffsetSource{Origin: model.OriginToml, Text: e.value, Value: n, Known: true, Pos: pos})
		}
	}
	carbonSet := s.carbon != nil && s.carbon.offsetSet
	avoid := s.srv.Toml.AvoidConfigUpdate
	if carbonSet && s.carbon.offset != rendered.Value {
		s.srv.Toml.Drift = append(s.srv.Toml.Drift, model.Drift{Item: "offset", XML: s.carbon.offset, Toml: rendered.Value, Pos: s.carbon.offsetPos})
	}
	switch {
	case carbonSet && avoid:
		// carbon.xml stays authoritative: finish() takes it.
	case carbonSet && rendered.Origin == model.OriginDefault:
		// The default wins over a hand-edited carbon.xml at the next start.
		s.srv.Offset = model.Offset{Value: rendered.Value, Origin: model.OriginToml, Pos: model.Pos{File: rel, Path: "server.offset"}}
	default:
		s.srv.Offset = rendered
	}
	return nil
}

// noteAvoidConfigUpdate records a -DavoidConfigUpdate option of the start
// script (text as written, at pos): the first that says true decides.
func (s *server) noteAvoidConfigUpdate(text string, pos model.Pos) {
	if s.avoidConfigUpdate == nil && strings.HasSuffix(strings.ToLower(strings.TrimSpace(text)), "=true") {
		s.avoidConfigUpdate = &pos
	}
}

// isMI reports whether the server is a Micro Integrator: --product mi, a
// wso2mi-* directory, or conf/deployment.toml without repository/conf.
func (s *server) isMI() bool {
	if p := s.h.opt.Product; p != "" {
		return p == model.KeyMI
	}
	if k, _ := dirHint(s.h.dir); k != "" {
		return k == model.KeyMI
	}
	return s.conf == "conf" && !s.h.hasProfileDirs()
}

// tomlProduct detects deployment.toml-era products; "" when not one. The
// directory name decides when it names the product (the API Manager 4.5 split
// products' tomls look alike); else the toml's content (tomlContentProduct),
// else the layout (conf/deployment.toml is Micro Integrator's). A product that
// did not come from the directory name is recorded as a guess
// (model.Home.ProductGuess).
func tomlProduct(h *home, main *server, hint model.ProductKey) model.ProductKey {
	if main == nil || main.toml == nil {
		return ""
	}
	if r, _ := product.Lookup(hint); r.Toml {
		return hint
	}
	key, why := tomlContentProduct(main)
	if key == "" && main.isMI() {
		key, why = model.KeyMI, "conf/deployment.toml without repository/conf is the Micro Integrator layout"
	}
	if key != "" {
		main.productGuess = &model.ProductGuess{Reason: why + "; name the directory wso2<product>-<version> or pass --product to be sure",
			Pos: model.Pos{File: main.toml.rel}}
	}
	return key
}

// tomlContentProduct guesses the product from the keys of deployment.toml
// alone, for configuration repositories whose directory name says nothing. It
// returns the product key and why, or "" when the keys do not tell.
//
// Micro Integrator: tables only MI has ([mediation], [[service_catalog]],
// [internal_apis], [management_api], [prometheus_api], [dashboard_config]) or
// the secure-vault symmetric key in [truststore] (alias, algorithm), which
// every shipped MI toml (1.2-4.3) has and no other product's does.
//
// API Manager: [apim...] keys or the API Manager database. The 4.5 split
// products all say server_role = "default"; with no role of their own,
// what the stock tomls carry tells them apart as far as it can:
//   - Traffic Manager: database.apim_db but no [apim...] key at all;
//   - Universal Gateway: gateway artifact sync
//     ([apim.sync_runtime_artifacts.gateway]) without the API Manager database
//     or gateway environments ([[apim.gateway.environment]], which only the
//     publishing side defines);
//   - Control Plane: the API Manager database and the key manager's event
//     listeners, but neither gateway environments nor gateway artifact sync.
//
// Anything else with API Manager keys stays "am" (the all-in-one, which opens
// every listener the split products open).
//
// Identity Server: [database.identity_db], [account_recovery] or [identity].
func tomlContentProduct(s *server) (key model.ProductKey, why string) {
	prefixed := func(p string) bool {
		for _, st := range s.srv.Settings {
			if strings.HasPrefix(st.Key, model.KeyTomlPrefix+p) {
				return true
			}
		}
		return false
	}
	role, _ := settingValue(s, model.KeyTomlPrefix+"server.server_role")
	role = strings.Trim(strings.TrimSpace(role), `"'`)
	noRole := role == "" || role == "default"
	apim := prefixed("apim.") || prefixed("apim_")
	apimDB := prefixed("database.apim_db.")
	gwEnv := prefixed("apim.gateway.environment.")
	gwSync := prefixed("apim.sync_runtime_artifacts.gateway.")
	switch {
	case apim && noRole && !apimDB && gwSync && !gwEnv:
		return model.KeyAMUniversalGW, "deployment.toml syncs gateway artifacts without an API Manager database or gateway environments (API Manager 4.5+ Universal Gateway)"
	case apim && noRole && apimDB && !gwSync && !gwEnv && prefixed("event_listener."):
		return model.KeyAMControl, "deployment.toml has the API Manager database and key manager listeners but no gateway environments or gateway artifact sync (API Manager 4.5+ Control Plane)"
	case apim:
		return model.KeyAM, "deployment.toml has [apim] keys"
	case prefixed("mediation.") || prefixed("service_catalog.") || prefixed("internal_apis.") || prefixed("management_api.") ||
		prefixed("prometheus_api.") || prefixed("dashboard_config.") ||
		prefixed("truststore.alias") || prefixed("truststore.algorithm"):
		return model.KeyMI, "deployment.toml has keys only Micro Integrator has"
	case prefixed("database.identity_db.") || prefixed("account_recovery.") || prefixed("identity."):
		return model.KeyIS, "deployment.toml has Identity Server keys"
	case apimDB && noRole:
		return model.KeyAMTraffic, "deployment.toml has the API Manager database but no [apim] keys (API Manager 4.5+ Traffic Manager)"
	case apimDB:
		return model.KeyAM, "deployment.toml has the API Manager database"
	}
	return "", ""
}

// settingValue returns the value of the first setting with the key.
func settingValue(s *server, key string) (string, bool) {
	for _, st := range s.srv.Settings {
		if st.Key == key {
			return st.Value, true
		}
	}
	return "", false
}
