package producttest

import (
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
	"github.com/wso2lint/wso2lint/parse"
)

func repoRoot(t *testing.T) string { return testenv.RepoRoot(t) }

// homes lists the 4.4.x-era homes with the product key each must be detected as.
func homes(t *testing.T) map[string]model.ProductKey {
	root := repoRoot(t)
	out := map[string]model.ProductKey{}
	if testenv.HaveCorpus(t) {
		corpus := testenv.Corpus(t)
		for name, key := range map[string]model.ProductKey{
			"wso2am-2.6.0": "am", "wso2is-5.7.0": "is", "wso2esb-5.0.0": "esb", "wso2das-3.1.0": "das",
			"wso2mb-3.2.0": "mb", "wso2ei-6.4.0": "ei",
		} {
			out[filepath.Join(corpus, name)] = key
		}
	} else if testenv.Strict() {
		testenv.Corpus(t) // fails
	} else {
		t.Log("../shared/corpus not found: the testdata homes only")
	}
	for name, key := range map[string]model.ProductKey{
		"wso2bps-3.6.0": "bps", "wso2cep-4.2.0": "cep", "wso2elb-2.2.0": "elb", "wso2ml-1.2.0": "ml",
		"wso2ss-1.1.0": "ss", "wso2emm-2.2.0": "emm", "wso2iot-3.3.0": "iot",
	} {
		out[filepath.Join(root, "testdata", "homes", name)] = key
	}
	return out
}

// server returns the server a catalog entry belongs to: its profile, or the main server.
func server(h *model.Home, profile string) *model.Server {
	for i := range h.Servers {
		if h.Servers[i].Profile == profile {
			return &h.Servers[i]
		}
	}
	if profile == "" && len(h.Servers) > 0 {
		return &h.Servers[0]
	}
	return nil
}

// missing lists the catalog's default-on inbound entries that have no enabled
// listener on the expected port; shift gives the expected port of an entry.
func missing(h *model.Home, entries []catalog.Entry, shift func(e catalog.Entry, s *model.Server) model.Port) []string {
	var out []string
	for _, e := range entries {
		if !e.DefaultOn || e.Dir != model.DirIn {
			continue
		}
		s := server(h, e.Profile)
		if s == nil {
			out = append(out, fmt.Sprintf("%s %s/%d: no server %q", e.Service, e.Profile, e.Port, e.Profile))
			continue
		}
		want := shift(e, s)
		found := false
		for _, l := range s.Listeners {
			if l.ID == e.Service && l.Enabled && l.Contains(want) {
				found = true
			}
		}
		if !found {
			out = append(out, fmt.Sprintf("%s %s/%d (catalog %d)", e.Service, s.Profile, want, e.Port))
		}
	}
	sort.Strings(out)
	return out
}

// knownGaps are catalog defaults that a home legitimately lacks, with the reason.
var knownGaps = map[string]map[string]string{
	"wso2ei-6.4.0": {
		`msf4j-http msf4j/9090: no server "msf4j"`: "the corpus home holds no wso2/msf4j profile",
	},
}

func TestHomesYieldCatalogDefaults(t *testing.T) {
	for dir, key := range homes(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			h, err := parse.Home(dir, parse.Options{})
			if err != nil {
				t.Fatal(err)
			}
			catalog.Resolve(h)
			if h.Product.Key != key {
				t.Fatalf("product %q, want %q", h.Product.Key, key)
			}
			entries, err := catalog.Entries(key)
			if err != nil {
				t.Fatal(err)
			}
			// Shipped offsets: the catalog records ports at each profile's default offset.
			got := missing(h, entries, func(e catalog.Entry, s *model.Server) model.Port { return e.Port })
			if diff := cmp.Diff(gaps(filepath.Base(dir)), got); diff != "" {
				t.Errorf("catalog defaults missing at the shipped offsets (-known gaps +missing):\n%s", diff)
			}
			// --offset 2 moves exactly the offsettable ports to base + 2.
			shipped := map[string]int{}
			for _, s := range h.Servers {
				shipped[s.Profile] = s.Offset.Value
			}
			two := 2
			h2, err := parse.Home(dir, parse.Options{Offset: &two})
			if err != nil {
				t.Fatal(err)
			}
			catalog.Resolve(h2)
			got = missing(h2, entries, func(e catalog.Entry, s *model.Server) model.Port {
				if !e.Offset {
					return e.Port
				}
				return e.Port - model.Port(shipped[s.Profile]) + 2
			})
			if diff := cmp.Diff(gaps(filepath.Base(dir)), got); diff != "" {
				t.Errorf("catalog defaults missing at --offset 2 (-known gaps +missing):\n%s", diff)
			}
		})
	}
}

func gaps(home string) []string {
	var out []string
	for g := range knownGaps[home] {
		out = append(out, g)
	}
	sort.Strings(out)
	return out
}
