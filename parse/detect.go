package parse

import (
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/product"
)

// serverKeyProduct returns the product a carbon.xml <ServerKey> names, or ""
// (the product table's ServerKeys).
func serverKeyProduct(key string) model.ProductKey {
	k, _ := product.ByServerKey(key)
	return k
}

// dirNamePattern matches distribution directory names: wso2am-2.6.0, wso2is-km-5.7.0,
// wso2am-universal-gw-4.5.0.
var dirNamePattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^wso2([a-z]+(?:-[a-z]+)*)-([0-9]+(?:\.[0-9]+){1,3})`)
})

// dirHint returns the product key and version suggested by the directory name
// (an alias of the product table's DirAliases stands for its product).
func dirHint(dir string) (key model.ProductKey, version string) {
	base := filepath.Base(filepath.Clean(dir))
	if base == "." || base == "/" {
		if abs, err := filepath.Abs(dir); err == nil {
			base = filepath.Base(abs)
		}
	}
	m := dirNamePattern().FindStringSubmatch(strings.ToLower(base))
	if m == nil {
		return "", ""
	}
	return product.FromDirName(m[1]), m[2]
}

var versionPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+(\.[0-9]+){1,3}$`) })

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
		(serverKeyProduct(main.serverKey) == "" || serverKeyProduct(main.serverKey) == model.KeyEI):
		// IoT Server 3.x has the same conf/ + wso2/<profile> layout as EI.
		p.Key = model.KeyEI
	default:
		p.Key = detectFromFiles(h, main, hintKey)
	}
	inferred := false
	switch {
	case h.opt.Version != "":
		p.Version = h.opt.Version
	case main != nil && versionPattern().MatchString(main.version):
		p.Version, inferred = main.version, main.versionInferred
	case hintVersion != "":
		p.Version = hintVersion
	}
	if r, _ := product.Lookup(p.Key); r.Since != "" && (p.Version == "" || inferred) {
		// The split products arrived in API Manager 4.5: a lower bound, like the
		// ones toml keys prove, and above what [apim] keys suggest (4.0, 4.4).
		p.Version = r.Since
	}
	return p
}

// detectFromFiles looks at carbon.xml's <ServerKey>, then deployment.toml,
// then the marker files of the product table.
func detectFromFiles(h *home, main *server, hint model.ProductKey) model.ProductKey {
	conf := "repository/conf"
	if main != nil {
		conf = main.conf
	}
	has := func(name string) bool { return h.exists(filepath.ToSlash(filepath.Join(conf, name))) }
	if main != nil {
		if k := serverKeyProduct(main.serverKey); k != "" {
			return product.ISKMServerKey(k, has)
		}
	}
	if k := tomlProduct(h, main, hint); k != "" {
		return k
	}
	if k := product.Detect(has, h.isDir, hint); k != "" {
		return k
	}
	return model.KeyCarbon
}
