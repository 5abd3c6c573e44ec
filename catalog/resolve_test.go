package catalog

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

func TestResolve(t *testing.T) {
	l := func(id string, dir model.Direction, x model.Exposure) model.Listener {
		return model.Listener{ID: id, Base: 9443, Proto: model.ProtoTCP, Dir: dir, Enabled: true, Exposure: x, Note: "kept"}
	}
	tests := []struct {
		name    string
		product model.ProductKey
		in      []model.Listener
		want    []model.Exposure
	}{
		{"am portals public", "am",
			[]model.Listener{l(model.SvcServletHTTPS, model.DirIn, 0), l(model.SvcJMXRegistry, model.DirIn, 0), l(model.SvcPassthruHTTP, model.DirIn, 0)},
			[]model.Exposure{model.ExposurePublic, model.ExposureManagement, model.ExposurePublic}},
		{"esb console management", "esb",
			[]model.Listener{l(model.SvcServletHTTPS, model.DirIn, 0), l(model.SvcHazelcastMember, model.DirIn, 0)},
			[]model.Exposure{model.ExposureManagement, model.ExposureCluster}},
		{"set exposure kept", "am",
			[]model.Listener{l(model.SvcServletHTTPS, model.DirIn, model.ExposureLocal)},
			[]model.Exposure{model.ExposureLocal}},
		{"unknown services by direction", "is",
			[]model.Listener{l("made-up", model.DirIn, 0), l(model.SvcJDBC, model.DirOut, 0), l("made-up", model.DirDevice, 0), l("made-up", model.DirInvalid, 0)},
			[]model.Exposure{model.ExposureManagement, model.ExposureOutbound, model.ExposureOutbound, model.ExposureUnknown}},
		{"unknown product uses common, then other products' classes", "",
			[]model.Listener{l(model.SvcEmbeddedLDAP, model.DirIn, 0), l(model.SvcWebSocket, model.DirIn, 0)},
			[]model.Exposure{model.ExposureLocal, model.ExposurePublic}},
		{"is receivers and key-manager thrift are cluster, as in am", "is",
			[]model.Listener{l(model.SvcDatabridgeThrift, model.DirIn, 0), l(model.SvcDatabridgeBinarySSL, model.DirIn, 0), l(model.SvcKeyMgrThrift, model.DirIn, 0)},
			[]model.Exposure{model.ExposureCluster, model.ExposureCluster, model.ExposureCluster}},
		{"am broker's andes thrift is cluster, as in mb", "am",
			[]model.Listener{l(model.SvcAndesThrift, model.DirIn, 0)},
			[]model.Exposure{model.ExposureCluster}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := append([]model.Listener(nil), tc.in...)
			h := &model.Home{Dir: "h", Product: model.Product{Key: tc.product}, Servers: []model.Server{
				{Profile: "default", Listeners: in},
				{Profile: "other", Listeners: append([]model.Listener(nil), tc.in...)},
			}}
			Resolve(h)
			for si, s := range h.Servers {
				want := make([]model.Listener, len(tc.in))
				for i := range tc.in {
					want[i] = tc.in[i]
					want[i].Exposure = tc.want[i]
				}
				// Resolve sorts the listeners once the offset is applied.
				sort.SliceStable(want, func(i, j int) bool { return model.LessListener(want[i], want[j]) })
				if diff := cmp.Diff(want, s.Listeners); diff != "" {
					t.Errorf("server %d listeners mismatch (-want +got):\n%s", si, diff)
				}
			}
		})
	}
	Resolve(nil) // must not panic
}
