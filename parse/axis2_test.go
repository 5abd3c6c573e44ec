package parse

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

const axis2Rel = "repository/conf/axis2/axis2.xml"

func TestReadAxis2Trap(t *testing.T) {
	src := readFixture(t, "axis2-trap.xml")
	s := runStep(t, readAxis2, map[string]string{axis2Rel: src})
	want := []model.Listener{
		{ID: model.SvcPassthruHTTP, Base: 8280, Configured: "8280", Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Source: pos(axis2Rel, 4, 47, "/axisconfig/transportReceiver[1]/parameter[1]")},
		{ID: model.SvcPassthruHTTPS, Base: 8243, Configured: "8243", Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Bind: "10.0.0.5", Source: pos(axis2Rel, 8, 47, "/axisconfig/transportReceiver[2]/parameter[1]")},
		{ID: model.SvcHazelcastMember, Base: 4100, BaseEnd: 4102, Configured: "4100", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Source: pos(axis2Rel, 35, 43, "/axisconfig/clustering/parameter[3]"), Note: "hazelcast auto-increments the member port when taken"},
		{ID: model.SvcHazelcastMcast, Base: 45565, Configured: "45565", Proto: model.ProtoUDP, Dir: model.DirIn, Enabled: false,
			Source: pos(axis2Rel, 34, 37, "/axisconfig/clustering/parameter[2]"), Note: "multicast discovery"},
		{ID: model.SvcHazelcastPeer, Base: 4100, Configured: "4100", Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true,
			Host: "node2.example.com", Source: pos(axis2Rel, 39, 23, "/axisconfig/clustering/members/member/port"), Note: "well-known member"},
		{ID: model.SvcSMTP, Base: 587, Configured: "587", Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true, Host: "smtp.example.com",
			Source: pos(axis2Rel, 30, 42, "/axisconfig/transportSender/parameter[2]")},
	}
	if diff := cmp.Diff(want, s.srv.Listeners); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
	// The trap: a line-based reader would see jms, fix and rabbitmq receivers.
	for _, l := range s.srv.Listeners {
		if l.Base == 61616 || l.Base == 5672 || l.Base == 8281 || l.Base == 9763 {
			t.Errorf("commented-out or servlet receiver became a listener: %+v", l)
		}
	}
	if !strings.Contains(src, `<transportReceiver name="jms"`) {
		t.Fatal("fixture lost its commented-out jms receiver")
	}
	wantSet := []model.Setting{
		{Key: model.KeyClusteringEnable, Value: "true", Pos: pos(axis2Rel, 32, 100, "/axisconfig/clustering/@enable")},
		{Key: model.KeyClusteringMembershipScheme, Value: "wka", Pos: pos(axis2Rel, 33, 44, "/axisconfig/clustering/parameter[1]")},
	}
	if diff := cmp.Diff(wantSet, s.srv.Settings); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
}

func TestReadAxis2Clustering(t *testing.T) {
	clustering := func(enable, scheme string) string {
		return `<axisconfig><clustering class="org.wso2.carbon.core.clustering.hazelcast.HazelcastClusteringAgent" enable="` + enable + `">` +
			`<parameter name="membershipScheme">` + scheme + `</parameter></clustering></axisconfig>`
	}
	type got struct {
		MemberEnabled, McastEnabled bool
		Member, MemberEnd, Mcast    model.Port
		MemberAt                    string // file:line:col of the member port's source
	}
	for _, tc := range []struct {
		name, enable, scheme string
		want                 got
	}{
		{"off", "false", "multicast", got{false, false, 4000, 4002, 45564, axis2Rel + ":1:13"}},
		{"multicast", "true", "multicast", got{true, true, 4000, 4002, 45564, axis2Rel + ":1:13"}},
		{"wka keeps the member port", "true", "wka", got{true, false, 4000, 4002, 45564, axis2Rel + ":1:13"}},
		{"kubernetes", "true", "kubernetes", got{true, false, 4000, 4002, 45564, axis2Rel + ":1:13"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := runStep(t, readAxis2, map[string]string{axis2Rel: clustering(tc.enable, tc.scheme)})
			m, mc := s.findListener(model.SvcHazelcastMember), s.findListener(model.SvcHazelcastMcast)
			if m == nil || mc == nil {
				t.Fatalf("listeners = %+v", s.srv.Listeners)
			}
			g := got{m.Enabled, mc.Enabled, m.Base, m.BaseEnd, mc.Base, m.Source.String()}
			if diff := cmp.Diff(tc.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if m.Offsetable || mc.Offsetable {
				t.Errorf("clustering ports must never be offset")
			}
		})
	}
}

func TestReadAxis2Variants(t *testing.T) {
	for _, tc := range []struct {
		name, class string
		want        string
	}{
		{"nio", "org.apache.synapse.transport.nhttp.HttpCoreNIOListener", model.SvcPassthruHTTP},
		{"nio ssl", "org.apache.synapse.transport.nhttp.HttpCoreNIOSSLListener", model.SvcPassthruHTTPS},
		{"multi ssl", "org.apache.synapse.transport.passthru.PassThroughHttpMultiSSLListener", model.SvcPassthruHTTPS},
		{"servlet", "org.wso2.carbon.core.transports.http.HttpsTransportListener", ""},
		{"jms", "org.apache.axis2.transport.jms.JMSListener", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := `<axisconfig><transportReceiver name="x" class="` + tc.class + `"><parameter name="port">1234</parameter></transportReceiver></axisconfig>`
			s := runStep(t, readAxis2, map[string]string{axis2Rel: src})
			var ids []string
			for _, l := range s.srv.Listeners {
				ids = append(ids, l.ID)
			}
			var want []string
			if tc.want != "" {
				want = []string{tc.want}
			}
			if diff := cmp.Diff(want, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadAxis2PlaceholderAndDefault(t *testing.T) {
	src := `<axisconfig>
<transportReceiver name="http" class="org.apache.synapse.transport.passthru.PassThroughHttpListener"/>
<transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener"><parameter name="port">${Ports.JMX.RMIServerPort}</parameter></transportReceiver>
</axisconfig>`
	s := runStep(t, readAxis2, map[string]string{axis2Rel: src, "repository/conf/carbon.xml": strings.Replace(coreCarbon, "%s", "0", 1)})
	want := []model.Listener{
		{ID: model.SvcPassthruHTTP, Base: 8280, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Source: pos(axis2Rel, 2, 1, "/axisconfig/transportReceiver[1]"), Note: "no port parameter: default"},
		{ID: model.SvcPassthruHTTPS, Base: 11111, Configured: "${Ports.JMX.RMIServerPort}", Offsetable: true, Proto: model.ProtoTCP,
			Dir: model.DirIn, Enabled: true, Source: pos(axis2Rel, 3, 129, "/axisconfig/transportReceiver[2]/parameter")},
	}
	if diff := cmp.Diff(want, s.srv.Listeners); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
}

func TestReadAxis2BadPort(t *testing.T) {
	src := "<axisconfig>\n<clustering class=\"HazelcastClusteringAgent\" enable=\"true\">\n<parameter name=\"localMemberPort\">four</parameter></clustering></axisconfig>"
	s := testServer(t, map[string]string{axis2Rel: src})
	err := readAxis2(s)
	if err == nil || !strings.Contains(err.Error(), `axis2.xml:3: port "four" is not a number`) {
		t.Fatalf("error = %v", err)
	}
}

func TestReadAxis2HttpsProtocols(t *testing.T) {
	receivers := func(body string) string {
		return "<axisconfig>\n" + body + "\n</axisconfig>\n"
	}
	const ssl = `    <transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">
        <parameter name="port">8243</parameter>
        <parameter name="HttpsProtocols">TLSv1,TLSv1.1,TLSv1.2</parameter>
    </transportReceiver>`
	const plain = `    <transportReceiver name="http" class="org.apache.synapse.transport.passthru.PassThroughHttpListener">
        <parameter name="HttpsProtocols">TLSv1</parameter>
    </transportReceiver>`
	const none = `    <transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">
        <parameter name="port">8243</parameter>
    </transportReceiver>`
	for _, tc := range []struct {
		name, xml string
		want      []model.Setting
	}{
		{"ssl listener", receivers(ssl), []model.Setting{{Key: model.KeyPassthruHTTPSProtocols, Value: "TLSv1,TLSv1.1,TLSv1.2",
			Pos: pos(axis2Rel, 4, 42, "/axisconfig/transportReceiver/parameter[2]")}}},
		{"plain listener has none", receivers(plain), nil},
		{"parameter absent", receivers(none), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := runStep(t, readAxis2, map[string]string{axis2Rel: tc.xml})
			got := s.srv.SettingsOf(model.KeyPassthruHTTPSProtocols)
			if len(got) == 0 {
				got = nil
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("settings (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("ESB 5.0.0 corpus", func(t *testing.T) {
		h, err := Home(filepath.Join(corpusDir(t), "wso2esb-5.0.0"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := h.Servers[0].SettingsOf(model.KeyPassthruHTTPSProtocols)
		want := []model.Setting{{Key: model.KeyPassthruHTTPSProtocols, Value: "TLSv1,TLSv1.1,TLSv1.2",
			Pos: pos(axis2Rel, 251, 42, "/axisconfig/transportReceiver[2]/parameter[3]")}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("settings (-want +got):\n%s", diff)
		}
	})
}
