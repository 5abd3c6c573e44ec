package catalog

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

func TestProducts(t *testing.T) {
	ps := Products()
	keys := make([]model.ProductKey, len(ps))
	for i, p := range ps {
		keys[i] = p.Key
		if p.Name == "" {
			t.Errorf("product %q has no name", p.Key)
		}
		if !Known(p.Key) {
			t.Errorf("Known(%q) = false", p.Key)
		}
	}
	want := []model.ProductKey{"am", "am-acp", "am-tm", "am-universal-gw", "bps", "carbon", "cep", "das", "ei", "elb",
		"emm", "esb", "iot", "is", "is-km", "mb", "mi", "ml", "ss"}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Errorf("Products keys mismatch (-want +got):\n%s", diff)
	}
	if Known("wso2am") || Known("") {
		t.Errorf("Known accepts a key that is not a product")
	}
	ps[0].Name = "changed"
	if Products()[0].Name == "changed" {
		t.Errorf("Products returns shared data")
	}
}

func TestEntriesUnknown(t *testing.T) {
	_, err := Entries("nope")
	if err == nil || !strings.Contains(err.Error(), `"nope"`) || !strings.Contains(err.Error(), "am-universal-gw") {
		t.Errorf("Entries(nope) error = %v, want one naming the key and listing known keys", err)
	}
}

func lessEntries(a, b Entry) bool {
	if a.Port != b.Port {
		return a.Port < b.Port
	}
	if a.Proto != b.Proto {
		return a.Proto < b.Proto
	}
	if a.Service != b.Service {
		return a.Service < b.Service
	}
	return a.Profile < b.Profile
}

// TestEntriesWellFormed checks invariants of every product's entries.
func TestEntriesWellFormed(t *testing.T) {
	for _, p := range Products() {
		es, err := Entries(p.Key)
		if err != nil {
			t.Fatalf("Entries(%q): %v", p.Key, err)
		}
		if !sort.SliceIsSorted(es, func(i, j int) bool { return lessEntries(es[i], es[j]) }) {
			t.Errorf("Entries(%q) not sorted by port, proto, service, profile", p.Key)
		}
		type id struct{ service, profile string }
		seen := map[id]bool{}
		for _, e := range es {
			where := string(p.Key) + "/" + e.Service + "/" + e.Profile
			if seen[id{e.Service, e.Profile}] {
				t.Errorf("%s: service listed twice for one profile", where)
			}
			seen[id{e.Service, e.Profile}] = true
			if e.Product != p.Key && e.Product != keyCarbon {
				t.Errorf("%s: product %q", where, e.Product)
			}
			if !e.Port.Valid() || (e.PortEnd != 0 && e.PortEnd <= e.Port) {
				t.Errorf("%s: bad port %d-%d", where, e.Port, e.PortEnd)
			}
			if e.Service == "" || e.Description == "" || e.Proto == model.ProtoInvalid || e.Dir == model.DirInvalid || e.Exposure == model.ExposureUnknown {
				t.Errorf("%s: incomplete entry %+v", where, e)
			}
			if e.Dir != model.DirIn && (e.Exposure != model.ExposureOutbound || e.Offset || e.DefaultOn) {
				t.Errorf("%s: outbound or device entry must be outbound, not offset, not default-on", where)
			}
			if e.Dir == model.DirIn && e.Dest != "" {
				t.Errorf("%s: inbound entry with a destination", where)
			}
		}
		// Every common entry is there unless the product replaces it.
		for _, c := range carbonEntries() {
			if !seen[id{c.Service, c.Profile}] {
				t.Errorf("%s lacks common service %s", p.Key, c.Service)
			}
		}
	}
}

func TestEntriesImmutable(t *testing.T) {
	es, err := Entries("am")
	if err != nil {
		t.Fatal(err)
	}
	es[0].Port = 1
	all := All()
	all[0].Exposure = model.ExposureLocal
	again, _ := Entries("am")
	if again[0].Port == 1 || All()[0].Exposure == model.ExposureLocal {
		t.Errorf("returned entries share storage with the catalog")
	}
}

func TestAll(t *testing.T) {
	all := All()
	ok := sort.SliceIsSorted(all, func(i, j int) bool {
		if all[i].Product != all[j].Product {
			return all[i].Product < all[j].Product
		}
		return lessEntries(all[i], all[j])
	})
	if !ok {
		t.Errorf("All not sorted by product, port, proto, service")
	}
	// The common entries appear once, under carbon, and never for another product.
	count := map[model.ProductKey]int{}
	for _, e := range all {
		count[e.Product]++
	}
	if count[keyCarbon] != len(carbonEntries()) {
		t.Errorf("All has %d carbon entries, want %d", count[keyCarbon], len(carbonEntries()))
	}
	for _, key := range []model.ProductKey{"am", "das", "ei", "emm", "iot", "ss"} {
		if count[key] == 0 {
			t.Errorf("All has no entries of %s", key)
		}
	}
}

func TestLookup(t *testing.T) {
	type got struct {
		Product    model.ProductKey
		Profile    string
		Port       model.Port
		Proto      model.Protocol
		Dir        model.Direction
		Exposure   model.Exposure
		Offset, On bool
		Dest       string
	}
	tests := []struct {
		name             string
		product          model.ProductKey
		profile, service string
		ok               bool
		want             got
	}{
		{"jmx registry is 9999", "esb", "", model.SvcJMXRegistry, true, got{"carbon", "", 9999, model.ProtoTCP, model.DirIn, model.ExposureManagement, true, true, ""}},
		{"jmx server is 11111", "esb", "", model.SvcJMXServer, true, got{"carbon", "", 11111, model.ProtoTCP, model.DirIn, model.ExposureManagement, true, true, ""}},
		{"am console is public", "am", "", model.SvcServletHTTPS, true, got{"am", "", 9443, model.ProtoTCP, model.DirIn, model.ExposurePublic, true, true, ""}},
		{"is console is public", "is", "", model.SvcServletHTTP, true, got{"is", "", 9763, model.ProtoTCP, model.DirIn, model.ExposurePublic, true, true, ""}},
		{"esb console is management", "esb", "", model.SvcServletHTTPS, true, got{"carbon", "", 9443, model.ProtoTCP, model.DirIn, model.ExposureManagement, true, true, ""}},
		{"iot main console, not the analytics profile", "iot", "", model.SvcServletHTTPS, true, got{"carbon", "", 9443, model.ProtoTCP, model.DirIn, model.ExposureManagement, true, true, ""}},
		{"unknown product gets common", "nope", "", model.SvcEmbeddedLDAP, true, got{"carbon", "", 10389, model.ProtoTCP, model.DirIn, model.ExposureLocal, true, false, ""}},
		{"hazelcast never offset", "mb", "", model.SvcHazelcastMember, true, got{"carbon", "", 4000, model.ProtoTCP, model.DirIn, model.ExposureCluster, false, false, ""}},
		{"multicast udp", "das", "", model.SvcHazelcastMcast, true, got{"carbon", "", 45564, model.ProtoUDP, model.DirIn, model.ExposureCluster, false, false, ""}},
		{"kdc udp off", "is", "", model.SvcKDC, true, got{"carbon", "", 8000, model.ProtoUDP, model.DirIn, model.ExposureLocal, true, false, ""}},
		{"entitlement off", "is", "", model.SvcThriftEntitle, true, got{"is", "", 10500, model.ProtoTCP, model.DirIn, model.ExposureManagement, true, false, ""}},
		{"key manager thrift default is offset", "am", "", model.SvcKeyMgrThrift, true, got{"am", "", 10397, model.ProtoTCP, model.DirIn, model.ExposureCluster, true, true, ""}},
		{"websocket public", "am", "", model.SvcWebSocket, true, got{"am", "", 9099, model.ProtoTCP, model.DirIn, model.ExposurePublic, true, true, ""}},
		{"analytics publish is outbound", "am", "", model.SvcAnalyticsURL, true, got{"am", "", 7612, model.ProtoTCP, model.DirOut, model.ExposureOutbound, false, false, ""}},
		{"mb mqtt ssl follows broker.xml", "mb", "", model.SvcMQTTSSL, true, got{"mb", "", 8883, model.ProtoTCP, model.DirIn, model.ExposurePublic, true, true, ""}},
		{"ei mqtt ssl at broker offset", "ei", "", model.SvcMQTTSSL, true, got{"ei", "broker", 8886, model.ProtoTCP, model.DirIn, model.ExposurePublic, true, true, ""}},
		{"ei passthru is the integrator's", "ei", "", model.SvcPassthruHTTP, true, got{"ei", "integrator", 8280, model.ProtoTCP, model.DirIn, model.ExposurePublic, true, true, ""}},
		{"spark history off", "das", "", model.SvcSparkHistoryUI, true, got{"das", "", 18080, model.ProtoTCP, model.DirIn, model.ExposureCluster, true, false, ""}},
		{"apns legacy outbound to apple", "emm", "", model.SvcPushAPNsLegacy, true, got{"emm", "", 2195, model.ProtoTCP, model.DirOut, model.ExposureOutbound, false, false, "17.0.0.0/8"}},
		{"fcm device range, no destination", "iot", "", model.SvcPushFCMDevice, true, got{"iot", "", 5228, model.ProtoTCP, model.DirDevice, model.ExposureOutbound, false, false, ""}},
		{"syslog outbound udp", "am", "", model.SvcSyslog, true, got{"carbon", "", 514, model.ProtoUDP, model.DirOut, model.ExposureOutbound, false, false, ""}},
		{"ei broker amqp is the profile's own", "ei", "broker", model.SvcAMQP, true, got{"ei", "broker", 5675, model.ProtoTCP, model.DirIn, model.ExposurePublic, true, true, ""}},
		{"ei micro-integrator passthru is the profile's own", "ei", "micro-integrator", model.SvcPassthruHTTP, true, got{"ei", "micro-integrator", 8290, model.ProtoTCP, model.DirIn, model.ExposurePublic, true, true, ""}},
		{"ei business-process jmx is the common one", "ei", "business-process", model.SvcJMXRegistry, true, got{"carbon", "", 9999, model.ProtoTCP, model.DirIn, model.ExposureManagement, true, true, ""}},
		{"iot core console is the common one", "iot", "core", model.SvcServletHTTPS, true, got{"carbon", "", 9443, model.ProtoTCP, model.DirIn, model.ExposureManagement, true, true, ""}},
		{"not catalogued", "am", "", model.SvcJDBC, false, got{}},
		{"product service absent elsewhere", "esb", "", model.SvcWebSocket, false, got{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, ok := Lookup(tc.product, tc.profile, tc.service)
			if ok != tc.ok {
				t.Fatalf("Lookup(%q, %q, %q) ok = %v, want %v", tc.product, tc.profile, tc.service, ok, tc.ok)
			}
			g := got{e.Product, e.Profile, e.Port, e.Proto, e.Dir, e.Exposure, e.Offset, e.DefaultOn, e.Dest}
			if diff := cmp.Diff(tc.want, g); diff != "" {
				t.Errorf("Lookup(%q, %q, %q) mismatch (-want +got):\n%s", tc.product, tc.profile, tc.service, diff)
			}
			if x := ExposureOf(tc.product, tc.profile, tc.service); tc.ok && x != tc.want.Exposure {
				t.Errorf("ExposureOf(%q, %q, %q) = %v, want %v", tc.product, tc.profile, tc.service, x, tc.want.Exposure)
			}
		})
	}
}

// TestDefaultBase checks the default a file holds before the offset, per
// profile: a profile with a shipped offset has its catalogued port reduced by
// that offset, and no profile borrows another profile's default.
func TestDefaultBase(t *testing.T) {
	tests := []struct {
		product          model.ProductKey
		profile, service string
		want             model.Port
		ok               bool
	}{
		{"ei", "broker", model.SvcAMQP, 5672, true},
		{"ei", "broker", model.SvcAMQPSSL, 8672, true},
		{"ei", "broker", model.SvcMQTT, 1883, true},
		{"ei", "broker", model.SvcMQTTSSL, 8883, true},
		{"ei", "micro-integrator", model.SvcPassthruHTTP, 8280, true},
		{"ei", "micro-integrator", model.SvcPassthruHTTPS, 8243, true},
		{"ei", "business-process", model.SvcServletHTTPS, 9443, true},
		{"ei", "business-process", model.SvcServletHTTP, 9763, true},
		{"ei", "integrator", model.SvcPassthruHTTP, 8280, true},
		{"ei", "integrator", model.SvcServletHTTPS, 9443, true},
		{"ei", "analytics-worker", model.SvcAnalyticsHTTPS, 9444, true},
		{"ei", "analytics-manager", model.SvcAnalyticsHTTP, 9190, true},
		{"ei", "analytics-manager", model.SvcAnalyticsHTTPS, 9543, true},
		{"ei", "analytics-dashboard", model.SvcAnalyticsDash, 9643, true},
		{"ei", "broker", model.SvcPassthruHTTP, 0, false},
		{"ei", "integrator", model.SvcAMQP, 0, false},
		{"iot", "analytics", model.SvcServletHTTPS, 9443, true},
		{"iot", "broker", model.SvcMQTT, 1883, true},
		{"iot", "core", model.SvcServletHTTPS, 9443, true},
		{"am", "default", model.SvcServletHTTPS, 9443, true},
		{"am", "default", model.SvcKeyMgrThrift, 10397, true},
		{"esb", "default", model.SvcJMXRegistry, 9999, true},
		{"mb", "default", model.SvcAMQP, 5672, true},
		{"esb", "default", model.SvcWebSocket, 0, false},
	}
	for _, tc := range tests {
		got, ok := DefaultBase(tc.product, tc.profile, tc.service)
		if got != tc.want || ok != tc.ok {
			t.Errorf("DefaultBase(%q, %q, %q) = %d, %v; want %d, %v", tc.product, tc.profile, tc.service, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNotes(t *testing.T) {
	tests := []struct {
		product       model.ProductKey
		service, want string
	}{
		{"mb", model.SvcMQTTSSL, "8833"},
		{"ei", model.SvcMQTTSSL, "8836"},
		{"esb", model.SvcJMXRegistry, "swap"},
		{"emm", model.SvcPushAPNsLegacy, "March 2021"},
		{"emm", model.SvcPushAPNsFeedbck, "March 2021"},
		{"iot", model.SvcPushFCM, "not a CIDR"},
		{"am", model.SvcWebSocket, "ws.use.port.offset"},
	}
	for _, tc := range tests {
		e, ok := Lookup(tc.product, "", tc.service)
		if !ok || !strings.Contains(e.Note, tc.want) {
			t.Errorf("Lookup(%q, %q) note = %q, want it to mention %q", tc.product, tc.service, e.Note, tc.want)
		}
	}
}
