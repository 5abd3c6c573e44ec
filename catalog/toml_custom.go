package catalog

import (
	"sort"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// customTransportFrom is the first Identity Server version whose
// catalina-server.xml.j2 renders a Tomcat connector per [[custom_transport]]
// (DOMAIN.md section 8; wso2/product-is modules/distribution/src/repository/
// resources/conf/templates/repository/conf/tomcat/catalina-server.xml.j2, the
// "for transport in custom_transport" loop). No API Manager template has it.
const customTransportFrom = "7.0"

// customTransportPrefix is the toml key prefix of a custom connector's
// attributes.
const customTransportPrefix = model.KeyTomlPrefix + "custom_transport.properties."

// resolveCustomTransports adds one servlet listener per [[custom_transport]]
// element with a port: Carbon's Tomcat adds the port offset to every
// connector, as to the stock ones. An element whose scheme is https or whose
// SSLEnabled is true is an HTTPS connector. The elements of the array are told
// apart by their keys: a key seen again starts the next element (every key of
// an element precedes the next element's in the file).
func resolveCustomTransports(h *model.Home, s *model.Server) {
	if h.Product.Key != model.KeyIS || s.Toml == nil {
		return
	}
	version := h.Product.Version
	if version == "" {
		version = latestTomlVersion(h.Product.Key)
	}
	if compareVersions(version, customTransportFrom) < 0 {
		return
	}
	var props []model.Setting
	for _, st := range s.Settings {
		if strings.HasPrefix(st.Key, customTransportPrefix) && st.Pos.File == s.Toml.File {
			props = append(props, st)
		}
	}
	sort.SliceStable(props, func(i, j int) bool { return props[i].Pos.Less(props[j].Pos) })
	var elems [][]model.Setting
	seen := map[string]bool{}
	for _, st := range props {
		attr := strings.ToLower(strings.TrimPrefix(st.Key, customTransportPrefix))
		if len(elems) == 0 || seen[attr] {
			elems = append(elems, nil)
			seen = map[string]bool{}
		}
		seen[attr] = true
		elems[len(elems)-1] = append(elems[len(elems)-1], st)
	}
	for _, el := range elems {
		var port *model.Setting
		secure := false
		for i, st := range el {
			v := strings.ToLower(strings.Trim(strings.TrimSpace(st.Value), `"'`))
			switch strings.ToLower(strings.TrimPrefix(st.Key, customTransportPrefix)) {
			case "port":
				port = &el[i]
			case "scheme":
				secure = secure || v == "https"
			case "sslenabled":
				secure = secure || v == "true"
			}
		}
		if port == nil {
			continue
		}
		l := model.Listener{ID: model.SvcServletHTTP, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Exposure: model.ExposurePublic, Configured: port.Value, Source: port.Pos,
			Note: "[[custom_transport]] connector (catalina-server.xml.j2); Tomcat adds the offset like to the stock connectors"}
		if secure {
			l.ID = model.SvcServletHTTPS
		}
		p, ok := portNumber(port.Value)
		if !ok {
			// $env{...} and the like: parse reported it as unresolved.
			continue
		}
		l.Base = p
		l.ApplyOffset(s.Offset.Value)
		s.Listeners = append(s.Listeners, l)
	}
}
