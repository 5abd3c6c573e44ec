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
