package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

const log4jRel = "repository/conf/log4j.properties"

func TestReadLog4j(t *testing.T) {
	src := `log4j.rootLogger=ERROR, CARBON_CONSOLE, SYS
log4j.logger.org.apache.synapse=INFO, SOCK
log4j.appender.SYS=org.apache.log4j.net.SyslogAppender
log4j.appender.SYS.SyslogHost=logs.example.com:1514
log4j.appender.IDLE = org.apache.log4j.net.SyslogAppender
log4j.appender.IDLE.SyslogHost=localhost
log4j.appender.NOHOST=org.apache.log4j.net.SyslogAppender
log4j.category.x=,NOHOST
log4j.appender.SOCK=org.apache.log4j.net.SocketAppender
log4j.appender.SOCK.RemoteHost=collector
log4j.appender.SOCK.Port=4445
log4j.appender.HUB=org.apache.log4j.net.SocketHubAppender
log4j.appender.JMS=org.apache.log4j.net.JMSAppender
log4j.appender.JMS.ProviderURL=tcp://broker.example.com:61616
# log4j.appender.OLD=org.apache.log4j.net.SyslogAppender
log4j.appender.SYS.layout=org.apache.log4j.PatternLayout
`
	s := runStep(t, readLog4j, map[string]string{log4jRel: src})
	want := []model.Listener{
		{ID: model.SvcSyslog, Base: 1514, Configured: "1514", Proto: model.ProtoUDP, Dir: model.DirOut, Enabled: true, Host: "logs.example.com",
			Source: pos(log4jRel, 4, 31, "log4j.appender.SYS.SyslogHost")},
		{ID: model.SvcSyslog, Base: 514, Proto: model.ProtoUDP, Dir: model.DirOut, Enabled: false, Host: "localhost",
			Source: pos(log4jRel, 5, 23, "log4j.appender.IDLE"), Note: "appender not attached to any logger"},
		{ID: model.SvcSyslog, Base: 514, Proto: model.ProtoUDP, Dir: model.DirOut, Enabled: false,
			Source: pos(log4jRel, 7, 23, "log4j.appender.NOHOST"), Note: "no SyslogHost: the appender sends nothing"},
		{ID: model.SvcLog4jSocket, Base: 4445, Configured: "4445", Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true, Host: "collector",
			Source: pos(log4jRel, 11, 26, "log4j.appender.SOCK.Port")},
		{ID: model.SvcLog4jSocket, Base: 4560, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: false,
			Source: pos(log4jRel, 12, 20, "log4j.appender.HUB"), Note: "SocketHubAppender listens for log viewers; appender not attached to any logger"},
		{ID: model.SvcJMSAppender, Base: 61616, Configured: "tcp://broker.example.com:61616", Proto: model.ProtoTCP, Dir: model.DirOut,
			Host: "broker.example.com", Source: pos(log4jRel, 14, 32, "log4j.appender.JMS.ProviderURL"), Note: "appender not attached to any logger"},
	}
	if diff := cmp.Diff(want, s.srv.Listeners); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
}

func TestReadLog4jErrors(t *testing.T) {
	src := "log4j.rootLogger=INFO, S\nlog4j.appender.S=org.apache.log4j.net.SyslogAppender\nlog4j.appender.S.SyslogHost=h:syslog\n"
	s := testServer(t, map[string]string{log4jRel: src})
	err := readLog4j(s)
	if err == nil || !strings.Contains(err.Error(), `log4j.properties:3: port "syslog" is not a number`) {
		t.Fatalf("error = %v", err)
	}
	src = "log4j.rootLogger=INFO, S\nlog4j.appender.S=org.apache.log4j.net.SyslogAppender\nlog4j.appender.S.SyslogHost=${syslog.host}\n"
	s = runStep(t, readLog4j, map[string]string{log4jRel: src})
	if len(s.srv.Listeners) != 0 || len(s.srv.Unresolved) != 1 || s.srv.Unresolved[0].Expr != "${syslog.host}" {
		t.Errorf("listeners %+v unresolved %+v, want one unresolved reference", s.srv.Listeners, s.srv.Unresolved)
	}
}
