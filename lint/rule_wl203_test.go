package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL203WebsocketNotOffset(t *testing.T) {
	const wsXML = "repository/deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml"
	ws := fixed(model.SvcWebSocket, 9099, wsXML, 10)
	wsOff := in(model.SvcWebSocket, 9099, 1, wsXML, 10)
	testRule(t, "WL203", []ruleCase{
		{
			name:  "offset server, websocket not offset",
			homes: []*model.Home{home("a", srv(1, []model.Listener{ws, in(model.SvcServletHTTPS, 9443, 1, catalinaXML, 80)}))},
			want: []string{
				`a|repository/deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml:10:5: warning: websocket listens on 9099 although the server runs with offset 1 from repository/conf/carbon.xml:98:5; expected 9100, with the endpoint's port offset switched on [WL203]`,
			},
		},
		{
			name:  "points at ws.use.port.offset when the file has it",
			homes: []*model.Home{home("a", srv(1, []model.Listener{ws}, set(model.KeyInboundWSPortOffset, "false", wsXML, 16)))},
			want: []string{
				`a|repository/deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml:16:5: warning: websocket listens on 9099 although the server runs with offset 1 from repository/conf/carbon.xml:98:5; expected 9100, with the endpoint's port offset switched on [WL203]`,
			},
		},
		{
			name:  "offset switched on",
			homes: []*model.Home{home("a", srv(1, []model.Listener{wsOff}))},
		},
		{
			name:  "no offset",
			homes: []*model.Home{home("a", srv(0, []model.Listener{ws}))},
		},
	})
}
