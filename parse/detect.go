package parse

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// serverKeys maps carbon.xml <ServerKey> values to product keys.
func serverKeyProduct(key string) string {
	switch strings.ToUpper(strings.TrimSpace(key)) {
	case "AM":
		return "am"
	case "IS":
		return "is"
	case "ESB":
		return "esb"
	case "EI":
		return "ei"
	case "DAS":
		return "das"
	case "MB":
		return "mb"
	case "BPS":
		return "bps"
	case "CEP":
		return "cep"
	case "ELB":
		return "elb"
	case "ML":
		return "ml"
	case "SS":
		return "ss"
	case "EMM":
		return "emm"
	case "IOTS", "IOT":
		return "iot"
	}
	return ""
}

// dirNamePattern matches distribution directory names: wso2am-2.6.0, wso2is-km-5.7.0,
// wso2am-universal-gw-4.5.0.
var dirNamePattern = regexp.MustCompile(`^wso2([a-z]+(?:-[a-z]+)*)-([0-9]+(?:\.[0-9]+){1,3})`)

// dirHint returns the product key and version suggested by the directory name.
func dirHint(dir string) (key, version string) {
	base := filepath.Base(filepath.Clean(dir))
	if base == "." || base == "/" {
		if abs, err := filepath.Abs(dir); err == nil {
			base = filepath.Base(abs)
		}
	}
	m := dirNamePattern.FindStringSubmatch(strings.ToLower(base))
	if m == nil {
		return "", ""
	}
	key = m[1]
	switch key {
	case "is-km", "iskm":
		key = "is"
	case "iots":
		key = "iot"
	}
	return key, m[2]
}

var versionPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]+){1,3}$`)

// detectProduct decides the product from the files present, carbon.xml's
// ServerKey and, as a hint only, the directory name. Options.Product wins.
func detectProduct(h *home, servers []*server) model.Product {
	hintKey, hintVersion := dirHint(h.dir)
	var p model.Product
	var main *server
	if len(servers) > 0 {
		main = servers[0]
	}
	switch {
	case h.opt.Product != "":
		p.Key = h.opt.Product
	case len(servers) > 1 && (main.srv.Profile == "integrator" || h.exists("bin/integrator.sh")) &&
		(serverKeyProduct(main.serverKey) == "" || serverKeyProduct(main.serverKey) == "ei"):
		// IoT Server 3.x has the same conf/ + wso2/<profile> layout as EI.
		p.Key = "ei"
	default:
		p.Key = detectFromFiles(h, main, hintKey)
	}
	inferred := false
	switch {
	case h.opt.Version != "":
		p.Version = h.opt.Version
	case main != nil && versionPattern.MatchString(main.version):
		p.Version, inferred = main.version, main.versionInferred
	case hintVersion != "":
		p.Version = hintVersion
	}
	if isSplitProduct(p.Key) && (p.Version == "" || inferred) {
		// The split products arrived in API Manager 4.5: a lower bound, like the
		// ones toml keys prove, and above what [apim] keys suggest (4.0, 4.4).
		p.Version = "4.5.0"
	}
	return p
}

// isSplitProduct reports whether key is one of the API Manager 4.5+ split
// products.
func isSplitProduct(key string) bool {
	return key == "am-universal-gw" || key == "am-tm" || key == "am-acp"
}

// detectFromFiles looks at product-specific files.
func detectFromFiles(h *home, main *server, hint string) string {
	conf := "repository/conf"
	if main != nil {
		conf = main.conf
	}
	has := func(name string) bool { return h.exists(filepath.ToSlash(filepath.Join(conf, name))) }
	if main != nil {
		if k := serverKeyProduct(main.serverKey); k != "" {
			return k
		}
	}
	if k := tomlProduct(h, main, hint); k != "" {
		return k
	}
	switch {
	case has("api-manager.xml") && hint != "is":
		return "am"
	case has("identity/identity.xml"), hint == "is":
		return "is"
	case has("machine-learner.xml"):
		return "ml"
	case has("cdm-config.xml"):
		if hint == "iot" || h.isDir("wso2") {
			return "iot"
		}
		return "emm"
	case has("analytics/spark/spark-defaults.conf"):
		if hint == "ml" {
			return "ml"
		}
		return "das"
	case has("event-processor.xml"):
		return "cep"
	case has("broker.xml"):
		return "mb"
	case has("etc/cassandra.yaml") || has("etc/hdfs-default.xml"):
		return "ss"
	case has("bps.xml") || has("humantask.xml"):
		return "bps"
	case has("loadbalancer.conf"):
		return "elb"
	}
	if hint != "" {
		return hint
	}
	if main != nil && has("synapse.properties") {
		return "esb"
	}
	return "carbon"
}
