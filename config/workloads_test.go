package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWorkloads(t *testing.T) {
	c, err := Parse("deploy/.wso2lint.yaml", []byte("workloads:\n  StatefulSet/wso2am: homes/am\n  wso2is: /srv/is\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Workload{
		{Workload: "StatefulSet/wso2am", Home: "deploy/homes/am", Line: 2},
		{Workload: "wso2is", Home: "/srv/is", Line: 3},
	}
	if diff := cmp.Diff(want, c.Workloads); diff != "" {
		t.Errorf("workloads (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"workloads: [a]\n", "workloads:\n  a: [b]\n", "workloads:\n  a: \"\"\n"} {
		_, err := Parse("x.yaml", []byte(bad))
		if err == nil || !strings.Contains(err.Error(), "x.yaml:") {
			t.Errorf("Parse(%q) = %v, want an error naming the file and line", bad, err)
		}
	}
}
