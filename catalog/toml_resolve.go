package catalog

import (
	"slices"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
	prodtable "github.com/wso2lint/wso2lint/internal/product"
)

// ResolveToml adds the listeners of every deployment.toml-configured server of
// h (a server with model.Server.Toml set) from TomlDefaults and the toml
// settings parse recorded. The value order is the products': an explicit toml
// key > default.json > the built-in default. Inbound listeners that parse read
// from generated XML (carbon.xml, axis2.xml, catalina-server.xml, jmx.xml, ...)
// are replaced by the toml ones, and a drift fact (model.TomlFacts.Drift)
// records each XML port that differs from what the toml renders; with
// -DavoidConfigUpdate=true the XML listeners stay and only the missing ones
// are added. XML files with no template (WebSocketInboundEndpoint.xml in 3.2,
// WebhookServer.xml) stay authoritative. The server offset (parse decided it)
// is not applied here: Resolve applies it to every listener once, after this.
func ResolveToml(h *model.Home) {
	if h == nil {
		return
	}
	for si := range h.Servers {
		s := &h.Servers[si]
		if s.Toml == nil {
			continue
		}
		resolveTomlServer(h, s)
		resolveCustomTransports(h, s)
		s.Sort()
	}
}

func resolveTomlServer(h *model.Home, s *model.Server) {
	tomlFile := s.Toml.File
	product := h.Product.Key
	version := h.Product.Version
	if version == "" {
		version = latestTomlVersion(product)
	}
	role := tomlRole(product, s)
	avoid := s.Toml.AvoidConfigUpdate
	rows := applicableRows(product, version, role)
	known := map[string]bool{}
	for _, r := range TomlDefaults() {
		if slices.Contains(r.Products, product) {
			known[r.ID] = true
		}
	}

	// Listeners parse read from XML: keep those the toml does not render.
	xmlByID := map[string][]model.Listener{}
	var kept []model.Listener
	for _, l := range s.Listeners {
		if l.Dir == model.DirIn && known[l.ID] && s.Toml.Renders(l.Source.File) {
			xmlByID[l.ID] = append(xmlByID[l.ID], l)
			if avoid {
				kept = append(kept, l)
			}
			continue
		}
		kept = append(kept, l)
	}
	have := map[string]bool{}
	for _, l := range kept {
		if l.Dir == model.DirIn {
			have[l.ID] = true
		}
	}
	var added []model.Listener
	for _, r := range rows {
		if r.Static != "" && hasFile(h, r.Static) {
			// parse read the authoritative XML; as an inbound endpoint it does
			// not know the product's service (webhook-http) nor that API
			// Manager offsets it (inbound.port.offset.enable).
			for i := range kept {
				if l := &kept[i]; l.Source.File == r.Static && l.Dir == model.DirIn && l.ID == model.SvcInboundHTTP {
					l.ID, l.Offsetable, l.Exposure = r.ID, r.Offset, r.Exposure
					l.Note = "API Manager offsets this endpoint (inbound.port.offset.enable)"
				}
			}
			continue
		}
		if r.Static != "" && s.Toml.InboundDir {
			continue // the home has the endpoints directory without this file: removed
		}
		l, ok := tomlListener(s, r, tomlFile, version)
		if !ok {
			continue
		}
		for _, x := range xmlByID[r.ID] {
			if x.Base != l.Base {
				s.Toml.Drift = append(s.Toml.Drift, model.Drift{Item: r.ID, XML: int(x.Base), Toml: int(l.Base), Pos: x.Source})
			}
		}
		if have[r.ID] {
			continue
		}
		have[r.ID] = true
		added = append(added, l)
	}
	s.Listeners = append(kept, added...)
	if product == model.KeyMI {
		offsetInbound := isTrueValue(tomlValue(s, "mediation.inbound.port_offset_enable"))
		for i := range s.Listeners {
			if s.Listeners[i].ID == model.SvcInboundHTTP {
				s.Listeners[i].Offsetable = offsetInbound
			}
		}
	}
}

// tomlListener builds the listener of one row; ok is false when the listener
// is off by default and the toml does not mention it.
func tomlListener(s *model.Server, r TomlDefault, tomlFile, version string) (model.Listener, bool) {
	proto := r.Proto
	if proto == model.ProtoInvalid {
		proto = model.ProtoTCP
	}
	l := model.Listener{
		ID: r.ID, Base: r.Port, Offsetable: r.Offset, Proto: proto, Dir: model.DirIn,
		Exposure: r.Exposure, Source: model.Pos{File: tomlFile, Path: r.PortKey},
	}

	mentioned := false
	if r.PortKey != "" {
		if st, ok := firstSetting(s, model.KeyTomlPrefix, r.PortKey, r.PortAliases); ok {
			mentioned = true
			l.Configured, l.Source = st.Value, st.Pos
			if p, ok := portNumber(st.Value); ok {
				l.Base = p
			} else {
				l.Note = "port " + strconvQuote(st.Value) + " cannot be read statically; default shown"
			}
		} else if st, ok := firstSetting(s, model.KeyTomlDefaultPrefix, r.PortKey, r.PortAliases); ok {
			if p, ok := portNumber(st.Value); ok {
				l.Base, l.Configured, l.Source = p, st.Value, st.Pos
			}
		}
	}
	on := r.DefaultOn
	if r.EnableKey != "" {
		v, ok := tomlValue(s, r.EnableKey)
		if !ok {
			if st, found := settingOf(s, model.KeyTomlDefaultPrefix+r.EnableKey); found {
				v, ok = st.Value, true
			}
		}
		if ok {
			mentioned = true
			if r.EnableFrom == "" || compareVersions(version, r.EnableFrom) >= 0 {
				on = isTrueValue(v, true, on)
			} else {
				l.Note = r.EnableKey + " is ignored before " + r.EnableFrom
			}
		}
	}
	for _, k := range r.AlsoEnableKeys {
		if v, ok := tomlValue(s, k); ok {
			mentioned = true
			if !isTrueValue(v, true, true) {
				on = false
			}
		}
	}
	if _, explicit := tomlValue(s, r.EnableKey); !explicit || r.EnableKey == "" {
		for _, inf := range r.OffWhen {
			if v, ok := tomlValue(s, inf.Key); ok && strings.EqualFold(v, inf.Value) {
				on, mentioned = false, true
				l.Note = joinNote(l.Note, "off: inferred from "+inf.Key+" = "+v+" (infer.json)")
				break
			}
		}
	}
	if r.OnWhenSet != "" {
		if st, ok := settingOf(s, model.KeyTomlPrefix+r.OnWhenSet); ok {
			v := strings.Trim(strings.TrimSpace(st.Value), `"'`)
			if r.OnWhenValue == "" || strings.EqualFold(v, r.OnWhenValue) {
				on, mentioned = true, true
				if l.Source.Line == 0 {
					// The key that switched the listener on is where it comes from.
					l.Source = st.Pos
					if r.PortKey != "" {
						l.Source.Path = r.PortKey
					}
				}
			}
		}
	}
	if r.Range > 0 && int(l.Base)+int(r.Range) <= int(model.MaxPort) {
		l.BaseEnd = l.Base + r.Range
	}
	l.Enabled = on
	if l.Source.Line == 0 {
		// A static endpoint file missing from a configuration repository
		// too: the distribution's file applies, governed by this toml.
		l.Source = anchorPos(s, tomlFile, r.PortKey, r.EnableKey, r.OnWhenSet)
		if r.Static != "" {
			l.Note = joinNote(l.Note, r.Static+" is not in the home: the distribution's file")
			l.Origin = model.FromDistribution
		}
	}
	return l, on || mentioned
}

// anchorPos gives a defaulted listener the position of the toml table that
// governs it, so that every port points at a line of deployment.toml: the
// first key written under the longest existing table prefix (two parts or
// more) of the port key (or of the enable key), else the first key of
// [server]. Path stays the port key.
// A toml without any of those keeps line 0.
func anchorPos(s *model.Server, tomlFile string, keys ...string) model.Pos {
	path := ""
	for _, k := range keys {
		if k != "" {
			path = k
			break
		}
	}
	for _, k := range keys {
		if k == "" {
			continue
		}
		parts := strings.Split(k, ".")
		for n := len(parts) - 1; n >= 2; n-- {
			if p, ok := firstUnder(s, tomlFile, strings.Join(parts[:n], ".")); ok {
				p.Path = path
				return p
			}
		}
	}
	if p, ok := firstUnder(s, tomlFile, "server"); ok {
		p.Path = path
		return p
	}
	return model.Pos{File: tomlFile, Path: path}
}

// firstUnder returns the key position (column 1 of its line) of the first
// setting written in tomlFile under the dotted table prefix.
func firstUnder(s *model.Server, tomlFile, prefix string) (model.Pos, bool) {
	want := model.KeyTomlPrefix + prefix + "."
	var best model.Pos
	found := false
	for _, st := range s.Settings {
		if strings.HasPrefix(st.Key, want) && st.Pos.File == tomlFile && st.Pos.Line > 0 && (!found || st.Pos.Less(best)) {
			best, found = st.Pos, true
		}
	}
	best.Col = 1
	return best, found
}

// applicableRows returns the rows for the product, version and role, in table
// order.
func applicableRows(product model.ProductKey, version, role string) []TomlDefault {
	var out []TomlDefault
	for _, r := range TomlDefaults() {
		if !slices.Contains(r.Products, product) {
			continue
		}
		if r.From != "" && compareVersions(version, r.From) < 0 {
			continue
		}
		if r.To != "" && compareVersions(version, r.To) > 0 {
			continue
		}
		if r.Roles != nil && !hasString(r.Roles, role) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// tomlRole decides the API Manager server role: the start profile parse
// decided (--profile, else -Dprofile in the start script), then [server] server_role when it is not "default", then the 4.5 split
// product, else "default". API Manager 3.2's api-publisher, api-devportal and
// api-key-manager roles open what a control plane opens.
func tomlRole(product model.ProductKey, s *model.Server) string {
	role := s.StartProfile.Name
	if role == "" {
		if v, ok := tomlValue(s, "server.server_role"); ok && v != RoleDefault {
			role = v
		}
	}
	if role == "" {
		// The 4.5 split products run as their role (the product table's Role).
		if r, ok := prodtable.Lookup(product); ok {
			role = r.Role
		}
	}
	switch role {
	case "", RoleDefault:
		return RoleDefault
	case "api-publisher", "api-devportal", "api-key-manager", "api-key-manager-node":
		return RoleControlPlane
	}
	return role
}

// settingOf finds the first setting with the key without relying on the
// settings being sorted.
func settingOf(s *model.Server, key string) (model.Setting, bool) {
	var best model.Setting
	found := false
	for _, st := range s.Settings {
		if st.Key == key && (!found || st.Pos.Less(best.Pos)) {
			best, found = st, true
		}
	}
	return best, found
}

// firstSetting returns the setting of the first of key and its aliases that
// is set, each under prefix.
func firstSetting(s *model.Server, prefix, key string, aliases []string) (model.Setting, bool) {
	if st, ok := settingOf(s, prefix+key); ok {
		return st, true
	}
	for _, a := range aliases {
		if st, ok := settingOf(s, prefix+a); ok {
			return st, true
		}
	}
	return model.Setting{}, false
}

// tomlValue returns the value of a toml key, unquoted.
func tomlValue(s *model.Server, key string) (string, bool) {
	st, ok := settingOf(s, model.KeyTomlPrefix+key)
	if !ok {
		return "", false
	}
	return strings.Trim(strings.TrimSpace(st.Value), `"'`), true
}

// isTrueValue reads a toml boolean; anything but true/false gives def (the
// first extra argument, else false).
func isTrueValue(v string, ok bool, def ...bool) bool {
	if !ok {
		return false
	}
	switch strings.ToLower(strings.Trim(strings.TrimSpace(v), `"'`)) {
	case "true":
		return true
	case "false":
		return false
	}
	return len(def) > 0 && def[0]
}

func portNumber(v string) (model.Port, bool) {
	n, err := strconv.Atoi(strings.Trim(strings.TrimSpace(v), `"'`))
	if err != nil || n < 0 || n > int(model.MaxPort) {
		return 0, false
	}
	return model.Port(n), true
}

func strconvQuote(v string) string { return strconv.Quote(v) }

func hasFile(h *model.Home, rel string) bool {
	for _, f := range h.Files {
		if f == rel {
			return true
		}
	}
	return false
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// compareVersions compares dotted versions numerically (internal/product CompareVersions).
func compareVersions(a, b string) int { return prodtable.CompareVersions(a, b) }

// joinNote appends b to the note a.
func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
