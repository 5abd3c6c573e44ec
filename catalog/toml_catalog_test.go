package catalog

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

// tomlLine is what the tests compare of a TomlEntry.
type tomlLine struct {
	Product  model.ProductKey
	Versions string
	Service  string
	Port     model.Port
}

func tomlLines(es []TomlEntry) []tomlLine {
	var out []tomlLine
	for _, e := range es {
		out = append(out, tomlLine{e.Product, versionsText(e), e.Row.ID, e.Row.Port})
	}
	return out
}

func TestTomlEntries(t *testing.T) {
	for _, tc := range []struct {
		name             string
		product          model.ProductKey
		version          string
		want             []tomlLine
		wantErr          bool
		wantLen, wantMin int
	}{
		{name: "mi every version", product: model.KeyMI, want: []tomlLine{
			{model.KeyMI, "1.2-4.4", model.SvcPassthruHTTPS, 8243},
			{model.KeyMI, "1.2-4.4", model.SvcPassthruHTTP, 8280},
			{model.KeyMI, "1.2-4.4", model.SvcMIManagementAPI, 9154},
			{model.KeyMI, "1.2-4.4", model.SvcMIInternalHTTP, 9191},
		}},
		{name: "is 7.0 has no embedded ldap", product: model.KeyIS, version: "7.0", want: []tomlLine{
			{model.KeyIS, "5.9-7.1", model.SvcHazelcastMember, 4000},
			{model.KeyIS, "5.9-7.1", model.SvcServletHTTPS, 9443},
			{model.KeyIS, "5.9-7.1", model.SvcServletHTTP, 9763},
			{model.KeyIS, "5.9-7.1", model.SvcJMXRegistry, 9999},
			{model.KeyIS, "5.9-7.1", model.SvcJMXServer, 11111},
			{model.KeyIS, "5.9-7.1", model.SvcHazelcastMcast, 45564},
		}},
		{name: "is 5.10 has embedded ldap", product: model.KeyIS, version: "5.10.0", wantLen: 7},
		// DOMAIN.md section 5: the binary receiver is on in the Universal Gateway too.
		{name: "universal gateway has the binary receiver", product: model.KeyAMUniversalGW, want: []tomlLine{
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcMQTT, 1883},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcHazelcastMember, 4000},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcAMQP, 5672},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcWebhookHTTPS, 8021},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcWebSocketSecure, 8099},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcPassthruHTTPS, 8243},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcPassthruHTTP, 8280},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcAMQPSSL, 8672},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcMQTTSSL, 8883},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcWebhookHTTP, 9021},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcWebSocket, 9099},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcServletHTTPS, 9443},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcDatabridgeBinary, 9611},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcDatabridgeBinarySSL, 9711},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcServletHTTP, 9763},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcJMXRegistry, 9999},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcJMXServer, 11111},
			{model.KeyAMUniversalGW, "4.5-4.6", model.SvcHazelcastMcast, 45564},
		}},
		{name: "am 3.2 websocket is the static file", product: model.KeyAM, version: "3.2", wantMin: 1},
		{name: "version before the toml era", product: model.KeyAM, version: "2.6", wantLen: 0},
		{name: "version after the latest", product: model.KeyMI, version: "9.0", wantLen: 0},
		{name: "product without toml", product: model.KeyESB, wantLen: 0},
		{name: "malformed version", product: model.KeyAM, version: "4.x", wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := TomlEntries(tc.product, tc.version)
			if (err != nil) != tc.wantErr {
				t.Fatalf("TomlEntries error = %v, want error %v", err, tc.wantErr)
			}
			switch {
			case tc.want != nil:
				if d := cmp.Diff(tc.want, tomlLines(got)); d != "" {
					t.Errorf("TomlEntries(%s, %q) (-want +got):\n%s", tc.product, tc.version, d)
				}
			case tc.wantMin > 0:
				if len(got) < tc.wantMin {
					t.Errorf("TomlEntries(%s, %q) = %d rows, want at least %d", tc.product, tc.version, len(got), tc.wantMin)
				}
			default:
				if len(got) != tc.wantLen {
					t.Errorf("TomlEntries(%s, %q) = %d rows, want %d", tc.product, tc.version, len(got), tc.wantLen)
				}
			}
			if tc.name == "am 3.2 websocket is the static file" {
				for _, e := range got {
					if e.Row.ID == model.SvcWebSocket && e.Row.Static == "" {
						t.Errorf("am 3.2 websocket row %+v, want the static endpoint file", e.Row)
					}
					if e.Row.ID == model.SvcWebhookHTTP {
						t.Errorf("am 3.2 has a webhook row: %+v", e.Row)
					}
				}
			}
		})
	}
}

// TestTomlEntriesAreResolverRows checks that every row the catalog shows for
// a product and version is a row the resolver applies to that product,
// version and some role, and the other way round.
func TestTomlEntriesAreResolverRows(t *testing.T) {
	roles := []string{RoleDefault, RoleControlPlane, RoleTrafficManager, RoleGatewayWorker}
	for _, p := range TomlProducts() {
		for _, v := range []string{p.First, p.Latest} {
			got, err := TomlEntries(p.Key, v)
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			for _, r := range TomlDefaults() {
				for _, role := range roles {
					if p.Role != "" && role != p.Role {
						continue
					}
					if containsRow(applicableRows(p.Key, v, role), r) {
						want++
						break
					}
				}
			}
			if len(got) != want {
				t.Errorf("%s %s: catalog shows %d rows, the resolver applies %d", p.Key, v, len(got), want)
			}
		}
	}
}

func containsRow(rows []TomlDefault, r TomlDefault) bool {
	for _, x := range rows {
		if cmp.Equal(x, r) {
			return true
		}
	}
	return false
}

func TestSelect(t *testing.T) {
	for _, tc := range []struct {
		product       model.ProductKey
		version       string
		entries, toml bool
		errText       string
	}{
		{product: "", entries: true, toml: true},
		{product: model.KeyAM, entries: true, toml: true},
		{product: model.KeyAM, version: "4.2.0", toml: true},
		{product: model.KeyAM, version: "2.6.0", entries: true},
		{product: model.KeyMI, toml: true},
		{product: model.KeyAMControl, toml: true},
		{product: model.KeyCarbon, entries: true},
		{product: model.KeyAM, version: "5.0", errText: "versions 3.2 to 4.6"},
		{product: model.KeyMI, version: "1.1", errText: "versions 1.2 to 4.4"},
		{product: model.KeyESB, version: "4.9.0", entries: true},
		{product: "", version: "4.2", errText: "needs a product"},
		{product: "nope", errText: "unknown product"},
	} {
		l, err := Select(tc.product, tc.version)
		if tc.errText != "" {
			if err == nil || !strings.Contains(err.Error(), tc.errText) {
				t.Errorf("Select(%q, %q) error = %v, want %q", tc.product, tc.version, err, tc.errText)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Select(%q, %q): %v", tc.product, tc.version, err)
		}
		if (len(l.Entries) > 0) != tc.entries || (len(l.Toml) > 0) != tc.toml {
			t.Errorf("Select(%q, %q) = %d entries, %d toml rows; want entries %v, toml %v",
				tc.product, tc.version, len(l.Entries), len(l.Toml), tc.entries, tc.toml)
		}
	}
}

func TestWriteListingGolden(t *testing.T) {
	toml, err := TomlEntries(model.KeyMI, "")
	if err != nil {
		t.Fatal(err)
	}
	amToml, err := TomlEntries(model.KeyAM, "4.2")
	if err != nil {
		t.Fatal(err)
	}
	l := Listing{Entries: writeFixture()[:2], Toml: append(toml[:2], amToml[0])}
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteListing(&buf, l, format); err != nil {
				t.Fatalf("WriteListing %s: %v", format, err)
			}
			checkGolden(t, filepath.Join("testdata", "listing."+format+".golden"), buf.Bytes())
			var only bytes.Buffer
			if err := WriteListing(&only, Listing{Toml: l.Toml}, format); err != nil {
				t.Fatal(err)
			}
			if format == "text" && strings.Contains(only.String(), "PROFILE") {
				t.Errorf("text of toml rows only has the 4.4.x header:\n%s", only.String())
			}
		})
	}
}
