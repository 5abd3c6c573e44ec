package product

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestRows checks the table itself: sorted unique keys, a name each, no
// ServerKey, alias or script claimed twice.
func TestRows(t *testing.T) {
	rows := Rows()
	seen := map[string]model.ProductKey{}
	claim := func(kind, v string, k model.ProductKey) {
		if other, dup := seen[kind+" "+v]; dup {
			t.Errorf("%s %q claimed by %s and %s", kind, v, other, k)
		}
		seen[kind+" "+v] = k
	}
	for i, r := range rows {
		if i > 0 && rows[i-1].Key >= r.Key {
			t.Errorf("rows not sorted by key at %s", r.Key)
		}
		if r.Name == "" {
			t.Errorf("%s has no name", r.Key)
		}
		if r.Family != "" {
			if f, ok := Lookup(r.Family); !ok || f.Family != "" {
				t.Errorf("%s: family %q is not a product line", r.Key, r.Family)
			}
		}
		for _, v := range r.ServerKeys {
			claim("ServerKey", v, r.Key)
		}
		for _, v := range r.DirAliases {
			claim("alias", v, r.Key)
		}
		for _, v := range r.Scripts {
			claim("script", v, r.Key)
		}
		for _, m := range r.Markers {
			if len(m.Files) == 0 || m.Rank == 0 {
				t.Errorf("%s: marker %+v needs files and a rank", r.Key, m)
			}
		}
	}
	if got := Family(model.KeyAM); !slices.Equal(got, []model.ProductKey{model.KeyAM, model.KeyAMControl, model.KeyAMTraffic, model.KeyAMUniversalGW}) {
		t.Errorf("Family(am) = %v", got)
	}
	if FamilyOf(model.KeyAMTraffic) != model.KeyAM || FamilyOf(model.KeyIS) != model.KeyIS || FamilyOf("nope") != "nope" {
		t.Errorf("FamilyOf")
	}
}

func TestLookups(t *testing.T) {
	for _, tc := range []struct {
		serverKey string
		want      model.ProductKey
		ok        bool
	}{
		{"AM", model.KeyAM, true}, {" iots ", model.KeyIoT, true}, {"IOT", model.KeyIoT, true}, {"ei", model.KeyEI, true}, {"XYZ", "", false},
	} {
		if got, ok := ByServerKey(tc.serverKey); got != tc.want || ok != tc.ok {
			t.Errorf("ByServerKey(%q) = %q, %v; want %q, %v", tc.serverKey, got, ok, tc.want, tc.ok)
		}
	}
	for part, want := range map[string]model.ProductKey{"is-km": model.KeyISKM, "iskm": model.KeyISKM, "iots": model.KeyIoT, "am": model.KeyAM, "foo": "foo"} {
		if got := FromDirName(part); got != want {
			t.Errorf("FromDirName(%q) = %q, want %q", part, got, want)
		}
	}
	for _, tc := range []struct {
		key     model.ProductKey
		profile string
		want    int
	}{
		{model.KeyEI, "business-process", 2}, {model.KeyEI, "broker", 3}, {model.KeyEI, "micro-integrator", 10},
		{model.KeyIoT, "analytics", 2}, {model.KeyIoT, "broker", 3}, {model.KeyEI, "integrator", 0}, {model.KeyAM, "broker", 0},
	} {
		if got := ProfileOffset(tc.key, tc.profile); got != tc.want {
			t.Errorf("ProfileOffset(%s, %s) = %d, want %d", tc.key, tc.profile, got, tc.want)
		}
	}
	want := []string{"api-manager", "api-cp", "key-manager", "traffic-manager", "gateway", "api-gateway", "micro-integrator"}
	if diff := cmp.Diff(want, Scripts()); diff != "" {
		t.Errorf("Scripts mismatch (-want +got):\n%s", diff)
	}
}

// TestDetect covers every branch of the marker switch this table replaced
// (parse/detect.go before issue 11): shared markers, the directory that picks
// IoT Server over EMM, the hint that alone means Identity Server, and the
// weak synapse.properties after the hint.
func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string
		dirs  []string
		hint  model.ProductKey
		want  model.ProductKey
	}{
		{"api manager", []string{"api-manager.xml", "identity/identity.xml"}, nil, "", model.KeyAM},
		{"is key manager ships api-manager.xml", []string{"api-manager.xml"}, nil, "is-km", model.KeyISKM},
		{"api-manager.xml in an identity server directory is the key manager pack", []string{"api-manager.xml"}, nil, "is", model.KeyISKM},
		{"any other hint keeps api manager", []string{"api-manager.xml"}, nil, "am-tm", model.KeyAM},
		{"identity server", []string{"identity/identity.xml"}, nil, "", model.KeyIS},
		{"hint alone is identity server before other markers", []string{"broker.xml"}, nil, "is", model.KeyIS},
		{"machine learner", []string{"machine-learner.xml", "analytics/spark/spark-defaults.conf"}, nil, "", model.KeyML},
		{"emm", []string{"cdm-config.xml"}, nil, "", model.KeyEMM},
		{"iot by hint", []string{"cdm-config.xml"}, nil, "iot", model.KeyIoT},
		{"iot by wso2/ even with an emm hint", []string{"cdm-config.xml"}, []string{"wso2"}, "emm", model.KeyIoT},
		{"das", []string{"analytics/spark/spark-defaults.conf"}, nil, "", model.KeyDAS},
		{"ml by hint", []string{"analytics/spark/spark-defaults.conf"}, nil, "ml", model.KeyML},
		{"cep", []string{"event-processor.xml", "broker.xml"}, nil, "", model.KeyCEP},
		{"mb", []string{"broker.xml"}, nil, "", model.KeyMB},
		{"ss cassandra", []string{"etc/cassandra.yaml"}, nil, "", model.KeySS},
		{"ss hdfs", []string{"etc/hdfs-default.xml"}, nil, "", model.KeySS},
		{"bps", []string{"humantask.xml"}, nil, "", model.KeyBPS},
		{"elb", []string{"loadbalancer.conf", "synapse.properties"}, nil, "", model.KeyELB},
		{"hint beats synapse.properties", []string{"synapse.properties"}, nil, "ei", model.KeyEI},
		{"unknown hint is kept", nil, nil, "foo", "foo"},
		{"esb", []string{"synapse.properties"}, nil, "", model.KeyESB},
		{"nothing", nil, nil, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			has := func(f string) bool { return slices.Contains(tc.files, f) }
			isDir := func(d string) bool { return slices.Contains(tc.dirs, d) }
			if got := Detect(has, isDir, tc.hint); got != tc.want {
				t.Errorf("Detect = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestISKMServerKey: the key manager pack says ServerKey IS like Identity
// Server; its api-manager.xml makes it is-km (issue 12 item 7).
func TestISKMServerKey(t *testing.T) {
	for _, tc := range []struct {
		key   model.ProductKey
		files []string
		want  model.ProductKey
	}{
		{model.KeyIS, []string{"api-manager.xml"}, model.KeyISKM},
		{model.KeyIS, []string{"identity/identity.xml"}, model.KeyIS},
		{model.KeyAM, []string{"api-manager.xml"}, model.KeyAM},
	} {
		has := func(f string) bool { return slices.Contains(tc.files, f) }
		if got := ISKMServerKey(tc.key, has); got != tc.want {
			t.Errorf("ISKMServerKey(%s, %v) = %s, want %s", tc.key, tc.files, got, tc.want)
		}
	}
}
