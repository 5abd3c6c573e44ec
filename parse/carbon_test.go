package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// securitySettings returns the keystore and secure-vault settings of s.
func securitySettings(s *server) []model.Setting {
	var out []model.Setting
	for _, st := range s.srv.Settings {
		if strings.HasPrefix(st.Key, "carbon.Security.") || st.Key == model.KeySecretAlias {
			out = append(out, st)
		}
	}
	return out
}

func TestReadCarbonSecurity(t *testing.T) {
	const rel = "repository/conf/carbon.xml"
	carbon := func(root, security string) string {
		return `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml"` + root + `>
    <Security>
` + security + `
    </Security>
</Server>
`
	}
	const keyStore = `        <KeyStore>
            <Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>
            <Password>wso2carbon</Password>
        </KeyStore>`
	const internal = `        <InternalKeyStore>
            <Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>
            <Type>JKS</Type>
            <Password>wso2carbon</Password>
            <KeyPassword>wso2carbon</KeyPassword>
        </InternalKeyStore>`
	const vaulted = `        <KeyStore>
            <Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>
            <Password svns:secretAlias="Carbon.Security.KeyStore.Password">password</Password>
        </KeyStore>`
	const svns = ` xmlns:svns="http://org.wso2.securevault/configuration"`
	ks := "/Server/Security/KeyStore/"
	for _, tc := range []struct {
		name, xml string
		want      []model.Setting
	}{
		{
			name: "keystore",
			xml:  carbon("", keyStore),
			want: []model.Setting{
				{Key: model.KeyKeyStoreLocation, Value: "${carbon.home}/repository/resources/security/wso2carbon.jks", Pos: pos(rel, 4, 23, ks+"Location")},
				{Key: model.KeyKeyStorePassword, Value: "wso2carbon", Pos: pos(rel, 5, 23, ks+"Password")},
			},
		},
		{
			name: "internal keystore",
			xml:  carbon("", internal),
			want: []model.Setting{
				{Key: model.KeyInternalKeyStoreLocation, Value: "${carbon.home}/repository/resources/security/wso2carbon.jks",
					Pos: pos(rel, 4, 23, "/Server/Security/InternalKeyStore/Location")},
				{Key: model.KeyInternalKeyStorePassword, Value: "wso2carbon", Pos: pos(rel, 6, 23, "/Server/Security/InternalKeyStore/Password")},
				{Key: model.KeyInternalKeyStoreKeyPassword, Value: "wso2carbon", Pos: pos(rel, 7, 26, "/Server/Security/InternalKeyStore/KeyPassword")},
			},
		},
		{
			name: "password in the secure vault",
			xml:  carbon(svns, vaulted),
			want: []model.Setting{
				{Key: model.KeyKeyStoreLocation, Value: "${carbon.home}/repository/resources/security/wso2carbon.jks", Pos: pos(rel, 4, 23, ks+"Location")},
				{Key: model.KeyKeyStorePassword, Value: "password", Pos: pos(rel, 5, 76, ks+"Password")},
				{Key: model.KeySecretAlias, Value: "Carbon.Security.KeyStore.Password", Pos: pos(rel, 5, 76, ks+"Password")},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := testServer(t, map[string]string{rel: tc.xml})
			s.srv.Sort()
			want := append([]model.Setting(nil), tc.want...)
			(&model.Server{Settings: want}).Sort()
			if diff := cmp.Diff(want, securitySettings(s)); diff != "" {
				t.Errorf("settings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSecretAlias(t *testing.T) {
	const vault = "http://org.wso2.securevault/configuration"
	for _, tc := range []struct {
		name, xml string
		want      string // the alias; "" when the element has none
	}{
		{"svns prefix bound", `<r xmlns:svns="` + vault + `"><p svns:secretAlias="A">x</p></r>`, "A"},
		{"svns prefix unbound", `<r><p svns:secretAlias="A">x</p></r>`, "A"},
		{"other prefix bound to the vault", `<r xmlns:sv="` + vault + `"><p sv:secretAlias="B">x</p></r>`, "B"},
		{"prefix bound on the element", `<r><p xmlns:v="` + vault + `" v:secretAlias="C">x</p></r>`, "C"},
		{"unprefixed", `<r><p secretAlias="D">x</p></r>`, "D"},
		{"prefix bound elsewhere", `<r xmlns:svns="http://example.com/other"><p svns:secretAlias="E">x</p></r>`, ""},
		{"no alias", `<r><p name="secretAlias">x</p></r>`, ""},
		{"empty alias", `<r><p secretAlias=" ">x</p></r>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := parseXML("x.xml", []byte(tc.xml))
			if err != nil {
				t.Fatal(err)
			}
			got := secretAlias(f.doc.Root().SelectElement("p"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("alias (-want +got):\n%s", diff)
			}
		})
	}
}
