package parse

import (
	"path"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// inboundDir returns the home-relative folder of the synapse inbound endpoints
// of the server: repository/deployment/... next to its conf folder.
func (s *server) inboundDir() string {
	const rel = "repository/deployment/server/synapse-configs/default/inbound-endpoints"
	switch {
	case s.conf == "repository/conf" || s.conf == "conf" || s.conf == "":
		return rel
	case strings.HasPrefix(s.conf, "wso2/") && strings.HasSuffix(s.conf, "/conf"):
		return path.Join(path.Dir(s.conf), rel)
	}
	return ""
}

// readInbound reads every inbound endpoint (synapse namespace) of the server.
// ws/wss endpoints are websocket listeners, offset only when ws.use.port.offset
// is true; http, https and hl7 endpoints are inbound-http and never offset here
// (Micro Integrator's inbound.port_offset_enable is a deployment.toml key).
// suspend="true" switches an endpoint off.
func readInbound(s *server) error {
	dir := s.inboundDir()
	if dir == "" {
		return nil
	}
	names, err := s.h.list(dir)
	if err != nil {
		return err
	}
	for _, n := range names {
		if !strings.HasSuffix(strings.ToLower(n), ".xml") {
			continue
		}
		if err := s.readInboundFile(path.Join(dir, n)); err != nil {
			return err
		}
	}
	return nil
}

func (s *server) readInboundFile(rel string) error {
	f, ok, err := s.readXMLAt(rel)
	if err != nil || !ok {
		return err
	}
	root := f.doc.Root()
	if root.Tag != "inboundEndpoint" {
		return nil
	}
	proto := strings.ToLower(strings.TrimSpace(root.SelectAttrValue("protocol", "")))
	on := !attrTrue(root, "suspend", false)
	params := root.SelectElement("parameters")
	param := func(name string) string { return f.text(named(params, "parameter", name)) }
	var id string
	var keys []string
	switch proto {
	case "ws":
		id, keys = model.SvcWebSocket, []string{"inbound.ws.port"}
	case "wss":
		id, keys = model.SvcWebSocketSecure, []string{"inbound.wss.port", "inbound.ws.port"}
	case "http":
		id, keys = model.SvcInboundHTTP, []string{"inbound.http.port"}
	case "https":
		id, keys = model.SvcInboundHTTP, []string{"inbound.https.port", "inbound.http.port"}
	case "hl7":
		id, keys = model.SvcInboundHTTP, []string{"inbound.hl7.Port", "inbound.hl7.port"}
	default:
		return nil
	}
	for _, k := range keys {
		e := named(params, "parameter", k)
		if e == nil {
			continue
		}
		l := model.Listener{ID: id, Enabled: on}
		ok, err := s.portListener(&l, f.text(e), f.textPos(e), false)
		if err != nil || !ok {
			return err
		}
		if id == model.SvcWebSocket || id == model.SvcWebSocketSecure {
			useOffset := named(params, "parameter", "ws.use.port.offset")
			if useOffset != nil {
				s.set(model.KeyInboundWSPortOffset, f.text(useOffset), f.textPos(useOffset))
			}
			l.Offsetable = isTrue(param("ws.use.port.offset"))
			if !l.Offsetable {
				l.Note = "ws.use.port.offset is not true: not offset"
			}
		} else {
			l.Offsetable = false
			l.Note = "inbound endpoint port, not offset"
		}
		if !on {
			l.Note = "suspended"
		}
		s.listen(l)
		return nil
	}
	return nil
}
