package product

import (
	"slices"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Row is one product.
type Row struct {
	// Key is the product key: the distribution name without "wso2".
	Key model.ProductKey
	// Name is the product's name for people: "API Manager".
	Name string
	// ServerKeys lists the carbon.xml <ServerKey> values (compared in upper
	// case) that name the product.
	ServerKeys []string
	// DirAliases lists the product parts of distribution directory names
	// (wso2<part>-<version>) that name the product besides Key: "is-km".
	DirAliases []string
	// Markers lists the files whose presence detects the product (see
	// Marker).
	Markers []Marker
	// Profiles lists the server profiles whose carbon.xml ships with a port
	// offset of its own (EI broker 3).
	Profiles []Profile
	// Scripts lists the start scripts, without .sh or .bat, that a
	// single-server home of the product has instead of wso2server.sh.
	// Source: wso2/product-apim */modules/distribution/product/src/main/
	// startup-scripts and the Micro Integrator distribution's bin folder.
	Scripts []string
	// Family is the product line the product belongs to: KeyAM for API
	// Manager and its 4.5+ split products; the product's own key otherwise
	// (empty means Key).
	Family model.ProductKey
	// Toml is true for deployment.toml-era products: the directory name
	// decides the product of a deployment.toml home (the API Manager 4.5
	// split products' tomls look alike).
	Toml bool
	// Role is the API Manager server role the product runs as when neither
	// the start script nor deployment.toml names one; "" for "default".
	Role string
	// Since is the first version of the product, assumed when the home
	// states no version (or only a lower bound that deployment.toml keys
	// prove): the split products arrived with API Manager 4.5.0. Empty for
	// the others.
	Since string
	// LatestToml is the latest deployment.toml-era version the catalog
	// describes, used for a home of unknown version; empty for products
	// without deployment.toml.
	LatestToml string
	// StartProfiles lists the -Dprofile names the product's servers accept
	// (--profile is checked against them); the split products of a family
	// take the family's. Sources: API Manager 2.x-3.2 "Product Profiles"
	// (gateway-worker, api-key-manager, api-publisher, api-devportal or 2.x
	// api-store, traffic-manager, 2.x gateway-manager), 4.x control-plane,
	// gateway-worker, traffic-manager; Enterprise Integrator 6.x
	// wso2/<profile>/bin/wso2server.sh (-Dprofile=<profile>-default).
	StartProfiles []string
	// FirstToml is the first deployment.toml-era version the catalog
	// describes (API Manager 3.2, Identity Server 5.9, Micro Integrator 1.2,
	// the split products 4.5); empty for products without deployment.toml.
	FirstToml string
}

// Marker is a group of marker files, conf-relative ("api-manager.xml"),
// any one of which detects the product. Detection visits the markers of all
// rows by Rank, lowest first. Products whose markers share a rank share the
// files: the one with Dir when the home has that directory, else the
// directory-name hint, else the one marked Default.
type Marker struct {
	Files []string
	Rank  int
	// Default picks this product when several share the rank.
	Default bool
	// Dir, when set, picks this product when the home has the directory.
	Dir string
	// Hint makes the directory-name hint alone detect the product at this
	// rank, whatever the files.
	Hint bool
	// AfterHint puts the marker after the directory-name hint: a weak sign.
	AfterHint bool
}

// Profile is a server profile with a port offset of its own.
type Profile struct {
	Name   string
	Offset int
}

// Rows returns the product table, sorted by key. The slice is new on every
// call.
func Rows() []Row {
	return []Row{
		{Key: model.KeyAM, Name: "API Manager", ServerKeys: []string{"AM"}, Toml: true, FirstToml: "3.2", LatestToml: "4.6",
			Markers: []Marker{{Files: []string{"api-manager.xml"}, Rank: 10, Default: true}},
			Scripts: []string{"api-manager"},
			StartProfiles: []string{"api-devportal", "api-key-manager", "api-publisher", "api-store", "control-plane", "default",
				"gateway-manager", "gateway-worker", "traffic-manager"}},
		{Key: model.KeyAMControl, Family: model.KeyAM, Name: "API Control Plane", Toml: true, Role: "control-plane", Since: "4.5.0", FirstToml: "4.5", LatestToml: "4.6",
			Scripts: []string{"api-cp", "key-manager"}},
		{Key: model.KeyAMTraffic, Family: model.KeyAM, Name: "API Traffic Manager", Toml: true, Role: "traffic-manager", Since: "4.5.0", FirstToml: "4.5", LatestToml: "4.6",
			Scripts: []string{"traffic-manager"}},
		{Key: model.KeyAMUniversalGW, Family: model.KeyAM, Name: "API Universal Gateway", Toml: true, Role: "gateway-worker", Since: "4.5.0", FirstToml: "4.5", LatestToml: "4.6",
			Scripts: []string{"gateway", "api-gateway"}},
		{Key: model.KeyBPS, Name: "Business Process Server", ServerKeys: []string{"BPS"},
			Markers: []Marker{{Files: []string{"bps.xml", "humantask.xml"}, Rank: 90}}},
		{Key: model.KeyCarbon, Name: "Common Carbon ports"},
		{Key: model.KeyCEP, Name: "Complex Event Processor", ServerKeys: []string{"CEP"},
			Markers: []Marker{{Files: []string{"event-processor.xml"}, Rank: 60}}},
		{Key: model.KeyDAS, Name: "Data Analytics Server", ServerKeys: []string{"DAS"},
			Markers: []Marker{{Files: []string{"analytics/spark/spark-defaults.conf"}, Rank: 50, Default: true}}},
		{Key: model.KeyEI, Name: "Enterprise Integrator", ServerKeys: []string{"EI"},
			Profiles:      []Profile{{"business-process", 2}, {"broker", 3}, {"micro-integrator", 10}},
			StartProfiles: []string{"broker-default", "business-process-default", "default", "micro-integrator-default"}},
		{Key: model.KeyELB, Name: "Elastic Load Balancer", ServerKeys: []string{"ELB"},
			Markers: []Marker{{Files: []string{"loadbalancer.conf"}, Rank: 100}}},
		{Key: model.KeyEMM, Name: "Enterprise Mobility Manager", ServerKeys: []string{"EMM"},
			Markers: []Marker{{Files: []string{"cdm-config.xml"}, Rank: 40, Default: true}}},
		{Key: model.KeyESB, Name: "Enterprise Service Bus", ServerKeys: []string{"ESB"},
			Markers: []Marker{{Files: []string{"synapse.properties"}, Rank: 110, AfterHint: true}}},
		{Key: model.KeyIoT, Name: "IoT Server", ServerKeys: []string{"IOTS", "IOT"}, DirAliases: []string{"iots"},
			Markers:  []Marker{{Files: []string{"cdm-config.xml"}, Rank: 40, Dir: "wso2"}},
			Profiles: []Profile{{"analytics", 2}, {"broker", 3}}},
		{Key: model.KeyIS, Name: "Identity Server", ServerKeys: []string{"IS"}, Toml: true, FirstToml: "5.9", LatestToml: "7.1",
			Markers: []Marker{{Files: []string{"identity/identity.xml"}, Rank: 20, Hint: true}}},
		// The key manager pack (wso2is-km-<version>) is Identity Server with API
		// Manager's key manager features: carbon.xml says ServerKey IS, and
		// api-manager.xml tells it apart (ISKMServerKey). Its deployment.toml
		// versions (5.9, 5.10) open what Identity Server's do.
		{Key: model.KeyISKM, Family: model.KeyIS, Name: "Identity Server as Key Manager", DirAliases: []string{"iskm"},
			Toml: true, FirstToml: "5.9", LatestToml: "5.10",
			Markers: []Marker{{Files: []string{"api-manager.xml"}, Rank: 10}}},
		{Key: model.KeyMB, Name: "Message Broker", ServerKeys: []string{"MB"},
			Markers: []Marker{{Files: []string{"broker.xml"}, Rank: 70}}},
		{Key: model.KeyMI, Name: "Micro Integrator", Toml: true, FirstToml: "1.2", LatestToml: "4.4",
			Scripts: []string{"micro-integrator"}},
		{Key: model.KeyML, Name: "Machine Learner", ServerKeys: []string{"ML"},
			Markers: []Marker{{Files: []string{"machine-learner.xml"}, Rank: 30}, {Files: []string{"analytics/spark/spark-defaults.conf"}, Rank: 50}}},
		{Key: model.KeySS, Name: "Storage Server", ServerKeys: []string{"SS"},
			Markers: []Marker{{Files: []string{"etc/cassandra.yaml", "etc/hdfs-default.xml"}, Rank: 80}}},
	}
}

// ISKMServerKey reports whether a home whose carbon.xml says ServerKey IS is
// the key manager pack: it has API Manager's api-manager.xml (has reports
// whether a conf-relative file exists).
func ISKMServerKey(key model.ProductKey, has func(file string) bool) model.ProductKey {
	if key == model.KeyIS && has("api-manager.xml") {
		return model.KeyISKM
	}
	return key
}

// Lookup returns the row of the product key.
func Lookup(key model.ProductKey) (Row, bool) {
	for _, r := range table() {
		if r.Key == key {
			return r, true
		}
	}
	return Row{}, false
}

// Keys returns every product key, sorted.
func Keys() []model.ProductKey {
	var out []model.ProductKey
	for _, r := range table() {
		out = append(out, r.Key)
	}
	return out
}

// FamilyOf returns the product line of key (Row.Family): KeyAM for the API
// Manager products, else key itself.
func FamilyOf(key model.ProductKey) model.ProductKey {
	if r, ok := Lookup(key); ok && r.Family != "" {
		return r.Family
	}
	return key
}

// Family returns the keys of the products of the line, in table order.
func Family(family model.ProductKey) []model.ProductKey {
	var out []model.ProductKey
	for _, r := range table() {
		if r.Key == family || r.Family == family {
			out = append(out, r.Key)
		}
	}
	return out
}

// ByServerKey returns the product a carbon.xml <ServerKey> value names
// (any case, surrounding space ignored); ok is false when none does.
func ByServerKey(v string) (model.ProductKey, bool) {
	v = strings.ToUpper(strings.TrimSpace(v))
	for _, r := range table() {
		if slices.Contains(r.ServerKeys, v) {
			return r.Key, true
		}
	}
	return "", false
}

// FromDirName returns the product key the product part of a distribution
// directory name means: the key an alias stands for, else the part itself
// (which may name no known product).
func FromDirName(part string) model.ProductKey {
	for _, r := range table() {
		if slices.Contains(r.DirAliases, part) {
			return r.Key
		}
	}
	return model.ProductKey(part)
}

// ProfileOffset returns the port offset the profile's carbon.xml ships with
// in the product, 0 for every other profile.
func ProfileOffset(key model.ProductKey, profile string) int {
	r, _ := Lookup(key)
	for _, p := range r.Profiles {
		if p.Name == profile {
			return p.Offset
		}
	}
	return 0
}

// StartProfilesOf returns the -Dprofile names the product accepts: its own
// StartProfiles, else its family's; nil when it has none.
func StartProfilesOf(key model.ProductKey) []string {
	if r, ok := Lookup(key); ok && len(r.StartProfiles) > 0 {
		return slices.Clone(r.StartProfiles)
	}
	if f := FamilyOf(key); f != key {
		if r, ok := Lookup(f); ok {
			return slices.Clone(r.StartProfiles)
		}
	}
	return nil
}

// AllStartProfiles returns every -Dprofile name some product accepts,
// sorted, each once.
func AllStartProfiles() []string {
	var out []string
	for _, r := range table() {
		for _, p := range r.StartProfiles {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Scripts returns the start scripts (without .sh/.bat) of the single-server
// deployment.toml-era products, in table order: a home is read before its
// product is known, so every one of them is looked for.
func Scripts() []string {
	var out []string
	for _, r := range table() {
		out = append(out, r.Scripts...)
	}
	return out
}

// candidate is a product whose marker matched, for Detect.
type candidate struct {
	Key    model.ProductKey
	Marker Marker
}

// Detect decides the product from marker files: has reports whether a
// conf-relative file exists, isDir whether a home-relative directory does,
// and hint is the product the directory name suggests ("" for none). It
// returns "" when no marker matched and there is no hint.
func Detect(has func(file string) bool, isDir func(dir string) bool, hint model.ProductKey) model.ProductKey {
	type ranked struct {
		rank  int
		cands []candidate
	}
	var ranks []ranked
	for _, r := range table() {
		for _, m := range r.Markers {
			i := slices.IndexFunc(ranks, func(x ranked) bool { return x.rank == m.Rank })
			if i < 0 {
				ranks = append(ranks, ranked{rank: m.Rank})
				i = len(ranks) - 1
			}
			ranks[i].cands = append(ranks[i].cands, candidate{r.Key, m})
		}
	}
	slices.SortStableFunc(ranks, func(a, b ranked) int { return a.rank - b.rank })
	hinted := false
	for _, rk := range ranks {
		if !hinted && rk.cands[0].Marker.AfterHint {
			if hint != "" {
				return hint
			}
			hinted = true
		}
		var found []candidate
		for _, c := range rk.cands {
			if (c.Marker.Hint && hint == c.Key) || slices.ContainsFunc(c.Marker.Files, has) {
				found = append(found, c)
			}
		}
		if k, ok := pick(found, isDir, hint); ok {
			return k
		}
	}
	if !hinted && hint != "" {
		return hint
	}
	return ""
}

// pick chooses among the products whose markers of one rank matched: the
// one whose Dir the home has, else the hint, else a member of the hint's
// family (api-manager.xml in a wso2is-<version> directory is the key manager
// pack), else the default, else the first.
func pick(found []candidate, isDir func(string) bool, hint model.ProductKey) (model.ProductKey, bool) {
	if len(found) == 0 {
		return "", false
	}
	for _, c := range found {
		if c.Marker.Dir != "" && isDir(c.Marker.Dir) {
			return c.Key, true
		}
	}
	for _, c := range found {
		if c.Key == hint {
			return c.Key, true
		}
	}
	for _, c := range found {
		if hint != "" && FamilyOf(c.Key) == hint {
			return c.Key, true
		}
	}
	for _, c := range found {
		if c.Marker.Default {
			return c.Key, true
		}
	}
	return found[0].Key, true
}
