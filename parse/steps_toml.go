package parse

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/wso2lint/wso2lint/internal/model"
)

// tomlSteps lists the parsers of deployment.toml-era homes.
func tomlSteps() []step { return []step{readToml} }

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
	entries, err := parseTomlEntries(data)
	if err != nil {
		var se *tomlSyntaxError
		if errors.As(err, &se) {
			return &Error{File: s.h.display(rel), Line: se.line, Err: errors.New(se.msg)}
		}
		return s.h.errorf(rel, 0, "%v", err)
	}
	s.ignores = append(s.ignores, tomlIgnores(rel, data)...)
	s.set(model.KeyTomlFile, rel, model.Pos{File: rel})
	values := map[string]string{}
	for _, e := range entries {
		k := tomlAlias(e.key)
		if _, dup := values[k]; !dup && !e.inArray {
			values[k] = e.value
		}
	}
	var offset *tomlEntry
	for i := range entries {
		e := &entries[i]
		key := tomlAlias(e.key)
		pos := model.Pos{File: rel, Line: e.line, Col: e.col, Path: key}
		v := s.resolveTomlRefs(e.value, values, pos)
		e.value = v
		s.set(model.KeyTomlPrefix+key, v, pos)
		for _, m := range tomlEnvPattern.FindAllString(v, -1) {
			s.unresolved(m, pos)
			if isTomlPortKey(key) {
				s.set(model.KeyTomlUnresolvedPort, m, pos)
			}
		}
		if err := s.checkTomlPort(rel, key, e); err != nil {
			return err
		}
		if key == "server.offset" && offset == nil && !e.inArray {
			offset = e
		}
	}
	if err := s.readTomlTemplates(); err != nil {
		return err
	}
	if err := s.readDefaultJSON(); err != nil {
		return err
	}
	s.inferTomlVersion(values)
	return s.tomlOffset(rel, offset)
}

// tomlEnvPattern matches values the tool cannot know statically. $secret{...}
// is not among them: it names a secure-vault alias, which is the recommended
// way to give passwords, and never holds a port.
var tomlEnvPattern = regexp.MustCompile(`\$(?:env|sys)\{[^}]*\}`)

// tomlRefPattern matches $ref{a.b}.
var tomlRefPattern = regexp.MustCompile(`\$ref\{([^}]*)\}`)

// resolveTomlRefs replaces $ref{a.b} with the value of key a.b, recursively up
// to a small depth; a reference to a missing key is recorded as unresolved.
func (s *server) resolveTomlRefs(v string, values map[string]string, pos model.Pos) string {
	for depth := 0; depth < 8 && strings.Contains(v, "$ref{"); depth++ {
		changed := false
		v = tomlRefPattern.ReplaceAllStringFunc(v, func(m string) string {
			name := strings.TrimSpace(m[len("$ref{") : len(m)-1])
			if r, ok := values[tomlAlias(name)]; ok && r != m {
				changed = true
				return r
			}
			return m
		})
		if !changed {
			break
		}
	}
	for _, m := range tomlRefPattern.FindAllString(v, -1) {
		s.unresolved(m, pos)
	}
	return v
}

// tomlAliases maps keys the products accept as aliases to the canonical key
// (API Manager and Micro Integrator key-mappings: the gateway PassThrough
// listener is also written under [transport.http]).
var tomlAliases = []struct{ alias, key string }{
	{"transport.http.listener.port", "transport.passthru_http.listener.parameters.port"},
	{"transport.http.listener.secured_port", "transport.passthru_https.listener.parameters.port"},
	{"transport.http.listener.enable", "transport.passthru_http.listener.enable"},
	{"transport.https.listener.enable", "transport.passthru_https.listener.enable"},
	{"transport.passthru_http.listener.port", "transport.passthru_http.listener.parameters.port"},
	{"transport.passthru_https.listener.port", "transport.passthru_https.listener.parameters.port"},
}

// tomlAlias returns the canonical form of a dotted key.
func tomlAlias(key string) string {
	for _, a := range tomlAliases {
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
	if e.kind != unstable.Integer && e.kind != unstable.String {
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
				s.set(model.KeyTomlTemplate, out, model.Pos{File: full})
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
		s.version = "4.4.0"
	case has("apim.sync_runtime_artifacts."):
		s.version = "4.0.0"
	}
}

// tomlOffset decides the offset deployment.toml renders into carbon.xml and
// records drift against a carbon.xml <Offset> that differs. The toml wins unless
// the start script runs with -DavoidConfigUpdate=true, which keeps the XML.
func (s *server) tomlOffset(rel string, e *tomlEntry) error {
	def := 0
	if s.isMI() {
		def = 10 // MI's default; [server] offset replaces it
	}
	rendered := model.Offset{Value: def, Origin: model.OriginDefault}
	if e != nil {
		v := strings.TrimSpace(e.value)
		pos := model.Pos{File: rel, Line: e.line, Col: e.col, Path: "server.offset"}
		if tomlEnvPattern.MatchString(v) || strings.Contains(v, "$ref{") {
			// Recorded as unresolved above; the default stays.
		} else {
			n, err := parseOffset(v)
			if err != nil {
				return &Error{File: s.h.display(rel), Line: e.line, Err: err}
			}
			rendered = model.Offset{Value: n, Origin: model.OriginToml, Pos: pos}
		}
	}
	carbonSet := s.carbon != nil && s.carbon.offsetSet
	avoid := s.avoidConfigUpdate()
	if carbonSet && s.carbon.offset != rendered.Value {
		s.set(model.KeyTomlDriftPrefix+"offset", model.TomlDriftValue(itoa(s.carbon.offset), itoa(rendered.Value)), s.carbon.offsetPos)
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

// avoidConfigUpdate reports whether the start script passes
// -DavoidConfigUpdate=true.
func (s *server) avoidConfigUpdate() bool {
	for _, st := range s.srv.Settings {
		if st.Key == model.KeyScriptAvoidConfigUpdate {
			v := strings.ToLower(strings.TrimSpace(st.Value))
			if strings.HasSuffix(v, "=true") || v == "true" {
				return true
			}
		}
	}
	return false
}

// isMI reports whether the server is a Micro Integrator: --product mi, a
// wso2mi-* directory, or conf/deployment.toml without repository/conf.
func (s *server) isMI() bool {
	if p := s.h.opt.Product; p != "" {
		return p == "mi"
	}
	if k, _ := dirHint(s.h.dir); k != "" {
		return k == "mi"
	}
	return s.conf == "conf" && !s.h.isDir("wso2")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// tomlProduct detects deployment.toml-era products; "" when not one. The
// directory name decides between the API Manager 4.5 split products, whose
// tomls look alike; else the conf layout and the toml keys decide.
func tomlProduct(h *home, main *server, hint string) string {
	if main == nil || !hasSetting(main, model.KeyTomlFile) {
		return ""
	}
	switch hint {
	case "am", "am-universal-gw", "am-tm", "am-acp", "is", "mi":
		return hint
	}
	if main.isMI() {
		return "mi"
	}
	prefixed := func(p string) bool {
		for _, st := range main.srv.Settings {
			if strings.HasPrefix(st.Key, model.KeyTomlPrefix+p) {
				return true
			}
		}
		return false
	}
	switch {
	case prefixed("apim.") || prefixed("apim_"):
		return "am"
	case prefixed("mediation.") || prefixed("service_catalog."):
		return "mi"
	case prefixed("database.identity_db.") || prefixed("account_recovery.") || prefixed("identity."):
		return "is"
	}
	return ""
}

// hasSetting reports whether the server recorded a setting with the key.
func hasSetting(s *server, key string) bool {
	for _, st := range s.srv.Settings {
		if st.Key == key {
			return true
		}
	}
	return false
}
