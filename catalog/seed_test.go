package catalog

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// seedSections maps the product headings of the seed table to product keys.
var seedSections = []struct {
	heading string
	key     model.ProductKey
}{
	{"Common ports", "carbon"},
	{"API Manager", "am"},
	{"Data Analytics Server", "das"},
	{"Business Process Server", "bps"},
	{"Complex Event Processor", "cep"},
	{"Elastic Load Balancer", "elb"},
	{"Enterprise Service Bus", "esb"},
	{"Enterprise Integrator", "ei"},
	{"Identity Server", "is"},
	{"Message Broker", "mb"},
	{"Machine Learner", "ml"},
	{"Storage Server", "ss"},
	{"Enterprise Mobility Manager", "emm"},
	{"IoT Server", "iot"},
}

// seedDisagreements lists seed numbers that the catalog deliberately does not
// carry as ports: the service whose entry replaces each, and whose Note must
// mention the seed number.
var seedDisagreements = map[int]string{
	8833:  "mqtt-ssl",        // MB: shipped broker.xml has 8883
	8836:  "mqtt-ssl",        // EI broker: 8883 + 3 = 8886
	15169: "push-fcm-device", // Google's AS number, not a port
}

// eiInCommonStart and eiInCommonEnd bound the paragraph of the common section
// that lists Enterprise Integrator's own console ports (9445, 9444).
const (
	eiInCommonStart = "WSO2 Enterprise Integrator (WSO2 EI) uses"
	eiInCommonEnd   = "LDAP server ports"
)

// splitSeed assigns each line of the seed after the first product heading to
// a product key and returns the port numbers found per key, in order.
func splitSeed(text string) (map[string][]int, map[string]int) {
	headings := map[string]string{}
	for _, s := range seedSections {
		headings[s.heading] = string(s.key)
	}
	ports := map[string][]int{}
	seen := map[string]int{}
	key, eiPara := "", false
	for _, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(raw)
		if k, ok := headings[line]; ok {
			key, eiPara = k, false
			seen[line]++
			continue
		}
		if key == "" {
			continue
		}
		if key == "carbon" {
			if strings.HasPrefix(line, eiInCommonStart) {
				eiPara = true
			} else if line == eiInCommonEnd {
				eiPara = false
			}
		}
		k := key
		if key == "carbon" && eiPara {
			k = "ei"
		}
		ports[k] = append(ports[k], extractPorts(line)...)
	}
	return ports, seen
}

// extractPorts returns the numbers of a seed line that can be ports: digit
// runs of value 100 or more that are not part of a dotted number (versions,
// addresses). Words such as "WSO2" and "log4j" give small values and drop out.
func extractPorts(line string) []int {
	var out []int
	for i := 0; i < len(line); {
		if line[i] < '0' || line[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		dotted := (i > 0 && line[i-1] == '.') || (j+1 < len(line) && line[j] == '.' && line[j+1] >= '0' && line[j+1] <= '9')
		if n, err := strconv.Atoi(line[i:j]); err == nil && !dotted && n >= 100 {
			out = append(out, n)
		}
		i = j
	}
	return out
}

func TestExtractPorts(t *testing.T) {
	tests := []struct {
		line string
		want []int
	}{
		{"  • 9443 - HTTPS servlet (https://localhost:9443/carbon)", []int{9443, 9443}},
		{"spark.ui.port4040", []int{4040}},
		{"The ports to open are 5228, 5229 and 5230.", []int{5228, 5229, 5230}},
		{"the entire 17.0.0.0/8 address block", nil},
		{"Administration Guide 4.4.x for WSO2 EMM 1.1.0 and log4j", nil},
		{"Google's ASN of 15169.", []int{15169}},
		{"1039HTTP port", []int{1039}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, extractPorts(tc.line)); diff != "" {
			t.Errorf("extractPorts(%q) mismatch (-want +got):\n%s", tc.line, diff)
		}
	}
}

func TestSeedCoverage(t *testing.T) {
	path := filepath.Join(sharedDir(t), "spec", "wso2-default-ports-4.4.x.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	ports, seen := splitSeed(string(data))
	for _, s := range seedSections {
		if seen[s.heading] != 1 {
			t.Errorf("seed heading %q found %d times, want 1", s.heading, seen[s.heading])
		}
		if !Known(s.key) {
			t.Errorf("seed section %q maps to unknown product %q", s.heading, s.key)
		}
		if len(ports[string(s.key)]) == 0 {
			t.Errorf("seed section %q (%s) yielded no port numbers", s.heading, s.key)
		}
	}
	for key, nums := range ports {
		entries, err := Entries(model.ProductKey(key))
		if err != nil {
			t.Errorf("seed product %q unmatched: %v", key, err)
			continue
		}
		for _, n := range nums {
			if covered(entries, n) {
				continue
			}
			svc, ok := seedDisagreements[n]
			if !ok {
				t.Errorf("%s: seed port %d is not catalogued", key, n)
				continue
			}
			if !noted(entries, svc, n) {
				t.Errorf("%s: seed number %d is a documented disagreement, but no %s entry notes it", key, n, svc)
			}
		}
	}
}

func covered(entries []Entry, n int) bool {
	for _, e := range entries {
		if int(e.Port) == n || (e.PortEnd != 0 && n >= int(e.Port) && n <= int(e.PortEnd)) {
			return true
		}
	}
	return false
}

func noted(entries []Entry, service string, n int) bool {
	for _, e := range entries {
		if e.Service == service && strings.Contains(e.Note, strconv.Itoa(n)) {
			return true
		}
	}
	return false
}

// TestSeedSplit checks the splitter on a small seed-like text, so that the
// coverage test cannot pass by finding nothing.
func TestSeedSplit(t *testing.T) {
	text := "intro 4.4.x port offset 0\nCommon ports\n  • 10389 - LDAP\n" + eiInCommonStart + " the following:\n  • 9445 - BPS\n" +
		eiInCommonEnd + "\n  • 8000 - KDC\nAPI Manager\n  • 9099 - ws\nAPI Manager:\n  • 10397\n"
	ports, seen := splitSeed(text)
	want := map[string][]int{"carbon": {10389, 8000}, "ei": {9445}, "am": {9099, 10397}}
	if diff := cmp.Diff(want, ports); diff != "" {
		t.Errorf("splitSeed ports mismatch (-want +got):\n%s", diff)
	}
	if seen["Common ports"] != 1 || seen["API Manager"] != 1 {
		t.Errorf("splitSeed headings = %v", seen)
	}
}
