package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestDefaultPortSources checks that listeners whose port is a default keep the
// position of the element or key that enables them.
func TestDefaultPortSources(t *testing.T) {
	const (
		mlRel   = "repository/conf/machine-learner.xml"
		cassRel = "repository/conf/etc/cassandra.yaml"
	)
	for _, tc := range []struct {
		name  string
		st    step
		files map[string]string
		id    string
		want  model.Pos
	}{
		{"h2o at the machine-learner root", readMachineLearner,
			map[string]string{mlRel: "<?xml version=\"1.0\"?>\n<!-- ml -->\n  <MachineLearner><x/></MachineLearner>\n"},
			model.SvcH2O, pos(mlRel, 3, 3, "/MachineLearner")},
		{"cassandra jmx at the first key", readCassandra,
			map[string]string{cassRel: "# embedded cassandra\n\ncluster_name: 'Test'\nstorage_port: 7000\n"},
			model.SvcCassandraJMX, pos(cassRel, 3, 1, "")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := runStep(t, tc.st, tc.files)
			l := s.findListener(tc.id)
			if l == nil {
				t.Fatalf("no %s listener in %+v", tc.id, s.srv.Listeners)
			}
			if diff := cmp.Diff(tc.want, l.Source); diff != "" {
				t.Errorf("source (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMachineLearnerMalformed(t *testing.T) {
	s := testServer(t, map[string]string{"repository/conf/machine-learner.xml": "<MachineLearner>\n<x>\n</MachineLearner>\n"})
	err := readMachineLearner(s)
	if err == nil || !strings.Contains(err.Error(), "machine-learner.xml:") {
		t.Fatalf("error = %v, want one naming machine-learner.xml and a line", err)
	}
	if len(s.srv.Listeners) != 0 {
		t.Errorf("listeners = %+v, want none from a malformed file", s.srv.Listeners)
	}
}
