// Helpers shared by several rules. A helper used by one rule stays in that
// rule's file.

package lint

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// isTrue reports whether a setting value means true.
func isTrue(v string) bool { return strings.EqualFold(unquote(v), "true") }

// unquote trims spaces and one pair of surrounding quotes (toml values).
func unquote(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return strings.TrimSpace(v)
}

// optionValue returns the value of a start-script option as written
// ("-DportOffset=2" gives "2"); a bare value is returned as is.
func optionValue(v string) string {
	v = unquote(v)
	if i := strings.LastIndexByte(v, '='); i >= 0 {
		return unquote(v[i+1:])
	}
	return v
}

// tomlSetting returns the deployment.toml setting with the dotted key.
func tomlSetting(s *model.Server, key string) (model.Setting, bool) {
	return s.Setting(model.KeyTomlPrefix + key)
}

// hasFile reports whether the home-relative file was read.
func hasFile(h *model.Home, rel string) bool {
	return slices.Contains(h.Files, rel)
}

// confFile returns the home-relative path of a file in the server's conf dir.
func confFile(s *model.Server, name string) string {
	return path.Join(s.ConfDir, name)
}

// serverName names a server for messages: the home, and the profile when the
// home has more than one server.
func serverName(h *model.Home, s *model.Server) string {
	if len(h.Servers) > 1 && s.Profile != "" {
		return fmt.Sprintf("%q profile %q", h.Dir, s.Profile)
	}
	return fmt.Sprintf("%q", h.Dir)
}

// portText formats the effective port or range of l: "9443" or "4000-4002".
func portText(l model.Listener) string {
	if l.BaseEnd != 0 {
		return fmt.Sprintf("%d-%d", l.Port(), l.PortEnd())
	}
	return fmt.Sprintf("%d", l.Port())
}

// at formats " at file:line:col", or "" when the position is unknown.
func at(p model.Pos) string {
	if p.IsZero() {
		return ""
	}
	return " at " + p.String()
}

// offsetFrom describes where the server's offset came from: "offset 1 from
// repository/conf/carbon.xml:98:13".
func offsetFrom(s *model.Server) string {
	src := s.Offset.Origin
	if !s.Offset.Pos.IsZero() {
		src = s.Offset.Pos.String()
	}
	if src == "" {
		return fmt.Sprintf("offset %d", s.Offset.Value)
	}
	return fmt.Sprintf("offset %d from %s", s.Offset.Value, src)
}

// inbound reports whether l is an enabled listening socket.
func inbound(l model.Listener) bool { return l.Enabled && l.Dir == model.DirIn }

// outbound reports whether l is an enabled connection to a peer.
func outbound(l model.Listener) bool { return l.Enabled && l.Dir == model.DirOut }

// defaultAdmin returns the password setting when the super admin is admin/admin,
// looking at deployment.toml first (it generates user-mgt.xml) and then at
// user-mgt.xml. A password kept in the secure vault is not the text written.
func defaultAdmin(s *model.Server) (model.Setting, bool) {
	pairs := [][2]string{
		{model.KeyTomlPrefix + "super_admin.username", model.KeyTomlPrefix + "super_admin.password"},
		{model.KeyAdminUserName, model.KeyAdminPassword},
	}
	for _, pair := range pairs {
		user, okU := s.Setting(pair[0])
		pw, okP := s.Setting(pair[1])
		if !okU || !okP {
			continue
		}
		if unquote(user.Value) == "admin" && unquote(pw.Value) == "admin" && !vaulted(s, pw) {
			return pw, true
		}
		return model.Setting{}, false
	}
	return model.Setting{}, false
}

// vaulted reports whether the password setting set comes from an element
// that carries a secure-vault alias (model.KeySecretAlias at the same
// position): the server reads the password from the vault, not the text.
func vaulted(s *model.Server, set model.Setting) bool {
	for _, a := range s.SettingsOf(model.KeySecretAlias) {
		if a.Pos == set.Pos {
			return true
		}
	}
	return false
}

// indirectValue reports whether a configured value is resolved at start-up
// from the secure vault, the environment or a system property rather than
// written: $secret{...}, $env{...}, $sys{...}, ${...}.
func indirectValue(v string) bool {
	for _, p := range []string{"$secret{", "$env{", "$sys{", "${"} {
		if strings.Contains(v, p) {
			return true
		}
	}
	return false
}

// tomlAnchor returns where to report about a table of the deployment.toml tf
// (home-relative) that lacks a key: the first key of the first of tables that
// has one, else the file itself.
func tomlAnchor(s *model.Server, tf string, tables ...string) model.Pos {
	for _, t := range tables {
		prefix := model.KeyTomlPrefix + t + "."
		var best model.Pos
		for _, st := range s.Settings {
			if strings.HasPrefix(st.Key, prefix) && st.Pos.File == tf && st.Pos.Line > 0 && (best.IsZero() || st.Pos.Less(best)) {
				best = st.Pos
			}
		}
		if !best.IsZero() {
			return best
		}
	}
	return model.Pos{File: tf}
}

// renderedXML reports whether deployment.toml renders the home-relative file
// rel at every start of s, so that the toml, not the file, says what the
// server uses (model.TomlFacts.Regenerates).
func renderedXML(s *model.Server, rel string) bool { return s.Toml.Regenerates(rel) }
