package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL203() *Rule {
	carbonFile := `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports><Offset>1</Offset></Ports>
</Server>
`
	ex := func() []Example {
		return []Example{
			{Name: "websocket endpoint without the offset on a server with offset 1", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": carbonFile,
				"repository/deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml": `<inboundEndpoint xmlns="http://ws.apache.org/ns/synapse" name="WebSocketInboundEndpoint" protocol="ws" suspend="false">
    <parameters>
        <parameter name="inbound.ws.port">9099</parameter>
        <parameter name="ws.use.port.offset">false</parameter>
    </parameters>
</inboundEndpoint>
`,
			}},
			{Name: "websocket endpoint that follows the offset", Files: map[string]string{
				"repository/conf/carbon.xml": carbonFile,
				"repository/deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml": `<inboundEndpoint xmlns="http://ws.apache.org/ns/synapse" name="WebSocketInboundEndpoint" protocol="ws" suspend="false">
    <parameters>
        <parameter name="inbound.ws.port">9099</parameter>
        <parameter name="ws.use.port.offset">true</parameter>
    </parameters>
</inboundEndpoint>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL203",
		Name:     "websocket-not-offset",
		Title:    "a websocket or webhook endpoint ignores the port offset",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkWebsocketNotOffset,
		examples: ex,
		doc: func() string {
			return exampleDoc(`API Manager's websocket (9099, 8099) and webhook (9021, 8021) inbound endpoints add the port offset
only when told to (`+"`ws.use.port.offset`"+` / `+"`inbound.port.offset.enable`"+` set to true). On a server with a
port offset they stay on the base ports, so a second instance on the host collides with the first, and
clients that add the offset to every port miss them.`, ex(), `Set `+"`ws.use.port.offset`"+` (websocket) or `+"`inbound.port.offset.enable`"+` (webhooks) to true in the inbound
endpoint, or give the endpoint a port of its own that no other instance on the host uses.`)
		},
	}
}

func checkWebsocketNotOffset(p *Pass) {
	s := p.Server
	if s.Offset.Value == 0 {
		return
	}
	for _, l := range s.Listeners {
		if !inbound(l) || l.Offsetable || !websocketLike(l.ID) {
			continue
		}
		// The switch to change, when the endpoint file has one
		// (ws.use.port.offset false), else the port itself.
		at := l.Source
		for _, set := range s.SettingsOf(model.KeyInboundWSPortOffset) {
			if set.Pos.File == l.Source.File {
				at = set.Pos
			}
		}
		p.Reportf(at,
			"%s listens on %s although the server runs with %s; expected %d, with the endpoint's port offset switched on",
			l.ID, portText(l), offsetFrom(s), l.Base+model.Port(s.Offset.Value))
	}
}

// websocketLike reports whether id is an inbound endpoint that follows the
// offset only when configured to.
func websocketLike(id string) bool {
	switch id {
	case model.SvcWebSocket, model.SvcWebSocketSecure, model.SvcWebhookHTTP, model.SvcWebhookHTTPS:
		return true
	}
	return false
}
