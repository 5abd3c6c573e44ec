package catalog_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// TestOverlayStockMoreProducts checks the stock rows of stock_am.go,
// stock_esb.go and stock_ei.go against the corpus copies: an overlay made
// from a corpus home with those files deleted reports, as distribution
// listeners, exactly what the deleted files opened in the full copy (issue
// 12 item 1).
func TestOverlayStockMoreProducts(t *testing.T) {
	corpus := testenv.Corpus(t)
	// Listeners of the deleted files that the stock rows do not restore:
	// axis2.xml's disabled clustering (member port, multicast, peers). JMX is
	// left out of the comparison: an overlay without etc/jmx.xml (the EI
	// micro-integrator profile) gets it from the distribution whatever these
	// rows say.
	skip := map[string]bool{model.SvcHazelcastMember: true, model.SvcHazelcastMcast: true, model.SvcHazelcastPeer: true,
		model.SvcJMXRegistry: true, model.SvcJMXServer: true}
	tests := []struct {
		name   string
		home   string
		offset string
		delete []string
	}{
		{name: "am axis2", home: "wso2am-2.6.0", offset: "4", delete: []string{"repository/conf/axis2/axis2.xml"}},
		{name: "esb axis2 catalina", home: "wso2esb-5.0.0", offset: "1", delete: []string{
			"repository/conf/axis2/axis2.xml", "repository/conf/tomcat/catalina-server.xml"}},
		{name: "ei every profile", home: "wso2ei-6.4.0", delete: []string{
			"conf/axis2/axis2.xml", "conf/tomcat/catalina-server.xml",
			"wso2/broker/conf/tomcat/catalina-server.xml", "wso2/broker/conf/broker.xml",
			"wso2/business-process/conf/tomcat/catalina-server.xml",
			"wso2/micro-integrator/conf/axis2/axis2.xml", "wso2/micro-integrator/conf/tomcat/catalina-server.xml",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, full, overlay := overlayOf(t, corpus, tt.home, tt.offset, tt.delete)
			// The docker-ei broker.xml writes the Thrift port 7614 literally;
			// the stock file has 7611 (plus the profile offset 3: 7614).
			want := keysOf(full, func(l model.Listener) bool { return deletedFrom(tt.delete, l) && !skip[l.ID] })
			if len(want) == 0 {
				t.Fatal("the deleted files open nothing in the full copy")
			}
			got := keysOf(overlay, func(l model.Listener) bool { return l.Origin == model.FromDistribution && !skip[l.ID] })
			if d := cmp.Diff(fixThrift(want), got); d != "" {
				t.Errorf("distribution listeners of the overlay (-full copy +overlay):\n%s", d)
			}
		})
	}
}

// fixThrift maps the docker-ei broker's literal Thrift 7614 (opening 7617 at
// offset 3) to what the stock 7611 opens.
func fixThrift(ks []stockKey) []stockKey {
	out := append([]stockKey(nil), ks...)
	for i, k := range out {
		if k.ID == model.SvcAndesThrift && k.Port == 7617 {
			out[i].Port = 7614
		}
	}
	return out
}
