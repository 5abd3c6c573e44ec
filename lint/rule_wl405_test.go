package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL405PortFileRemoved(t *testing.T) {
	script := model.Pos{File: "bin/wso2server.sh", Line: 1, Col: 1}
	l := func(id string, base model.Port, off int, proto model.Protocol, enabled bool) model.Listener {
		return model.Listener{ID: id, Base: base, Offset: off, Offsetable: true, Proto: proto, Dir: model.DirIn, Enabled: enabled}
	}
	removed := func(rs ...model.RemovedFile) *model.Home {
		h := home("a", srv(2, nil))
		h.Layout = model.LayoutFull
		h.Servers[0].Removed = rs
		return h
	}
	testRule(t, "WL405", []ruleCase{
		{
			name: "catalina and embedded ldap removed",
			homes: []*model.Home{removed(
				model.RemovedFile{File: "repository/conf/identity/embedded-ldap.xml", Pos: script, Listeners: []model.Listener{
					l(model.SvcEmbeddedLDAP, 10389, 2, model.ProtoTCP, true), l(model.SvcKDC, 8000, 2, model.ProtoUDP, false)}},
				model.RemovedFile{File: "repository/conf/tomcat/catalina-server.xml", Pos: script, Listeners: []model.Listener{
					l(model.SvcServletHTTP, 9763, 2, model.ProtoTCP, true), l(model.SvcServletHTTPS, 9443, 2, model.ProtoTCP, true)}},
			)},
			want: []string{
				`a|bin/wso2server.sh:1:1: info: repository/conf/identity/embedded-ldap.xml is not in this full product home: it was removed, so the port 10391/tcp the distribution's copy opens is not reported [WL405]`,
				`a|bin/wso2server.sh:1:1: info: repository/conf/tomcat/catalina-server.xml is not in this full product home: it was removed, so the ports 9765/tcp, 9445/tcp the distribution's copy opens are not reported [WL405]`,
			},
		},
		{
			name: "a removed file whose stock copy opens nothing by default",
			homes: []*model.Home{removed(model.RemovedFile{File: "repository/conf/broker.xml", Pos: script, Listeners: []model.Listener{
				l(model.SvcAndesThrift, 7611, 2, model.ProtoTCP, false)}})},
		},
		{name: "nothing removed", homes: []*model.Home{removed()}},
	})
}
