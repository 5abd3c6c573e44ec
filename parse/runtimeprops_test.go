package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestRuntimeProp(t *testing.T) {
	s := &server{}
	s.listen(model.Listener{ID: model.SvcServletHTTPS, Base: 9443, Offsetable: true, Enabled: true})
	s.listen(model.Listener{ID: model.SvcServletHTTP, Base: 9763, Offsetable: true, Enabled: false})
	s.listen(model.Listener{ID: model.SvcServletHTTP, Base: 9764, Offsetable: true, Enabled: true})
	s.listen(model.Listener{ID: model.SvcPassthruHTTPS, Base: 8243, Offsetable: true, Enabled: true})
	type res struct {
		Port       model.Port
		Offsetable bool
		OK         bool
	}
	for _, tc := range []struct {
		name string
		want res
	}{
		{"mgt.transport.https.port", res{9443, true, true}},
		{"carbon.management.port", res{9443, true, true}},
		{"mgt.transport.http.port", res{9764, true, true}},
		{"https.nio.port", res{8243, true, true}},
		{"http.nio.port", res{0, false, false}},
		{"product.version", res{0, false, false}},
	} {
		p, off, ok := s.runtimeProp(tc.name)
		if diff := cmp.Diff(tc.want, res{p, off, ok}); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}
