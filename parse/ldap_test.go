package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestReadEmbeddedLDAP(t *testing.T) {
	const rel = "repository/conf/identity/embedded-ldap.xml"
	ldapXML := func(enable, port, kdcEnabled string) string {
		return `<EmbeddedLDAPConfig>
  <EmbeddedLDAP>
    <Property name="enable">` + enable + `</Property>
    <Property name="port">` + port + `</Property>
    <Property name="connectionPassword">admin</Property>
  </EmbeddedLDAP>
  <!-- <KDCServer><Property name="port">9999</Property></KDCServer> -->
  <KDCServer>
    <Property name="enabled">` + kdcEnabled + `</Property>
    <Property name="port">${Ports.EmbeddedLDAP.KDCServerPort}</Property>
  </KDCServer>
</EmbeddedLDAPConfig>
`
	}
	kdc := func(on bool) pl {
		return pl{ID: model.SvcKDC, Port: 8001, Offsetable: true, Enabled: on, Dir: model.DirIn, Proto: model.ProtoUDP, Line: 10}
	}
	for _, tc := range []struct {
		name, xml string
		want      []pl
		refs      int
	}{
		{"placeholder is offset", ldapXML("true", "${Ports.EmbeddedLDAP.LDAPServerPort}", "false"),
			[]pl{kdc(false), in(model.SvcEmbeddedLDAP, 10390, true, true, 4)}, 0},
		{"literal is not offset", ldapXML("true", "10389", "true"),
			[]pl{kdc(true), in(model.SvcEmbeddedLDAP, 10389, false, true, 4)}, 0},
		{"disabled", ldapXML("false", "${Ports.EmbeddedLDAP.LDAPServerPort}", "false"),
			[]pl{kdc(false), in(model.SvcEmbeddedLDAP, 10390, true, false, 4)}, 0},
		{"unresolved placeholder", ldapXML("true", "${Ports.EmbeddedLDAP.Missing}", "false"), []pl{kdc(false)}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := mustHome(t, map[string]string{"repository/conf/carbon.xml": carbonAt("1"), rel: tc.xml}, Options{})
			s := h.Servers[0]
			if diff := cmp.Diff(tc.want, listenersOf(s)); diff != "" {
				t.Errorf("listeners (-want +got):\n%s", diff)
			}
			if len(s.Unresolved) != tc.refs {
				t.Errorf("unresolved = %+v, want %d", s.Unresolved, tc.refs)
			}
			if st, ok := s.Setting(model.KeyEmbeddedLDAPPassword); !ok || st.Value != "admin" || st.Pos.Line != 5 {
				t.Errorf("password setting = %+v, %v", st, ok)
			}
		})
	}
	// DOMAIN.md section 8: the KDC protocol property (UDP or TCP) is honoured.
	for _, tc := range []struct {
		protocol string
		want     model.Protocol
	}{{"TCP", model.ProtoTCP}, {"tcp", model.ProtoTCP}, {"UDP", model.ProtoUDP}, {"", model.ProtoUDP}} {
		t.Run("kdc protocol "+tc.protocol, func(t *testing.T) {
			xml := strings.Replace(ldapXML("true", "10389", "true"), `<Property name="enabled">`,
				`<Property name="protocol">`+tc.protocol+`</Property><Property name="enabled">`, 1)
			h := mustHome(t, map[string]string{"repository/conf/carbon.xml": carbonAt("1"), rel: xml}, Options{})
			got := listenersOf(h.Servers[0], model.SvcKDC)
			if len(got) != 1 || got[0].Proto != tc.want {
				t.Errorf("kdc = %+v, want one %s listener", got, tc.want)
			}
		})
	}
	t.Run("absent file invents nothing", func(t *testing.T) {
		h := mustHome(t, map[string]string{"repository/conf/carbon.xml": carbonAt("0")}, Options{})
		if got := listenersOf(h.Servers[0], model.SvcEmbeddedLDAP, model.SvcKDC); len(got) != 0 {
			t.Errorf("listeners = %+v, want none", got)
		}
	})
}

func TestReadIdentity(t *testing.T) {
	const xml = `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <EntitlementSettings>
        <ThirftBasedEntitlementConfig>
            <EnableThriftService>ENABLE</EnableThriftService>
            <ReceivePort>${Ports.ThriftEntitlementReceivePort}</ReceivePort>
            <ThriftHostName>${carbon.host}</ThriftHostName>
        </ThirftBasedEntitlementConfig>
    </EntitlementSettings>
</Server>
`
	for _, on := range []bool{false, true} {
		v := "false"
		if on {
			v = "true"
		}
		h := mustHome(t, map[string]string{
			"repository/conf/carbon.xml":            carbonAt("4"),
			"repository/conf/identity/identity.xml": replaceAll(xml, "ENABLE", v),
		}, Options{})
		want := []pl{in(model.SvcThriftEntitle, 10504, true, on, 5)}
		if diff := cmp.Diff(want, listenersOf(h.Servers[0])); diff != "" {
			t.Errorf("enabled=%v listeners (-want +got):\n%s", on, diff)
		}
	}
}

func TestReadEmbeddedLDAPSecretAlias(t *testing.T) {
	const rel = "repository/conf/identity/embedded-ldap.xml"
	const xml = `<EmbeddedLDAPConfig xmlns:svns="http://org.wso2.securevault/configuration">
  <EmbeddedLDAP>
    <Property name="enable">true</Property>
    <Property name="connectionPassword" svns:secretAlias="EmbeddedLDAP.ConnectionPassword">admin</Property>
  </EmbeddedLDAP>
</EmbeddedLDAPConfig>
`
	h := mustHome(t, map[string]string{"repository/conf/carbon.xml": carbonAt("0"), rel: xml}, Options{})
	var got []model.Setting
	for _, st := range h.Servers[0].Settings {
		if st.Key == model.KeyEmbeddedLDAPPassword || st.Key == model.KeySecretAlias {
			got = append(got, st)
		}
	}
	at := pos(rel, 4, 92, "/EmbeddedLDAPConfig/EmbeddedLDAP/Property[2]")
	want := []model.Setting{
		{Key: model.KeyEmbeddedLDAPPassword, Value: "admin", Pos: at},
		{Key: model.KeySecretAlias, Value: "EmbeddedLDAP.ConnectionPassword", Pos: at},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
}
