package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
	prodtable "github.com/wso2lint/wso2lint/internal/product"
)

// TomlEntry is one row of TomlDefaults as it applies to one product: the
// catalog's view of the deployment.toml-era listeners, built from the same
// table ResolveToml uses.
type TomlEntry struct {
	// Product is the product key.
	Product model.ProductKey
	// From and To are the first and last product versions the row applies
	// to, bounded by the product's deployment.toml versions (the product
	// table's FirstToml and LatestToml).
	From, To string
	// Row is the TomlDefaults row.
	Row TomlDefault
}

// Listing is what the catalog command writes: the 4.4.x-era entries and the
// deployment.toml-era ones.
type Listing struct {
	Entries []Entry
	Toml    []TomlEntry
}

// TomlProducts returns the deployment.toml-era products of the product table
// with the versions the catalog describes, in key order.
func TomlProducts() []TomlProductInfo {
	var out []TomlProductInfo
	for _, r := range prodtable.Rows() {
		if r.Toml && r.FirstToml != "" {
			out = append(out, TomlProductInfo{ProductInfo{r.Key, r.Name}, r.FirstToml, r.LatestToml, r.Role})
		}
	}
	return out
}

// TomlProductInfo names a deployment.toml-era product and its versions.
type TomlProductInfo struct {
	ProductInfo
	// First and Latest bound the versions the catalog describes.
	First, Latest string
	// Role is the API Manager server role the product runs as; "" for
	// "default".
	Role string
}

var versionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`) })

// ValidVersion reports whether v is a dotted numeric version ("4.2", "4.2.0").
func ValidVersion(v string) bool { return versionRE().MatchString(v) }

// TomlEntries returns the deployment.toml-era rows of the product (every
// deployment.toml-era product when product is ""), at the version (every
// described version when version is ""), sorted by product, port, service and
// table order. A 4.5 split product gets the rows of the role it runs as, as
// ResolveToml gives them. A product without deployment.toml, or a version
// outside the described ones, gives no rows. A version that is not a dotted
// number is an error.
func TomlEntries(product model.ProductKey, version string) ([]TomlEntry, error) {
	if version != "" && !ValidVersion(version) {
		return nil, fmt.Errorf("version %q: want a dotted number such as 4.2 or 4.2.0", version)
	}
	var out []TomlEntry
	for _, p := range TomlProducts() {
		if product != "" && p.Key != product {
			continue
		}
		if version != "" && (compareVersions(version, p.First) < 0 || compareVersions(version, p.Latest) > 0) {
			continue
		}
		var es []TomlEntry
		for _, r := range TomlDefaults() {
			if !slices.Contains(r.Products, p.Key) {
				continue
			}
			from, to := maxVersion(r.From, p.First), minVersion(r.To, p.Latest)
			if compareVersions(from, to) > 0 {
				continue
			}
			if version != "" && (compareVersions(version, from) < 0 || compareVersions(version, to) > 0) {
				continue
			}
			if p.Role != "" && r.Roles != nil && !hasString(r.Roles, p.Role) {
				continue
			}
			es = append(es, TomlEntry{Product: p.Key, From: from, To: to, Row: r})
		}
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].Row.Port != es[j].Row.Port {
				return es[i].Row.Port < es[j].Row.Port
			}
			return es[i].Row.ID < es[j].Row.ID
		})
		out = append(out, es...)
	}
	return out, nil
}

func maxVersion(a, b string) string {
	if a == "" || compareVersions(b, a) > 0 {
		return b
	}
	return a
}

func minVersion(a, b string) string {
	if a == "" || compareVersions(b, a) < 0 {
		return b
	}
	return a
}

// versionsText writes a version span: "4.0-4.6", or "4.5" for one version.
func versionsText(e TomlEntry) string {
	if e.From == e.To {
		return e.From
	}
	return e.From + "-" + e.To
}

// rolesText writes the roles of a row: "all" for every role.
func rolesText(e TomlEntry) string {
	if e.Row.Roles == nil {
		return "all"
	}
	s := ""
	for i, r := range e.Row.Roles {
		if i > 0 {
			s += ","
		}
		s += r
	}
	return s
}

// tomlPortText formats the port or range of a row: "4000-4002".
func tomlPortText(e TomlEntry) string {
	return portText(Entry{Port: e.Row.Port, PortEnd: rangeEnd(e.Row)})
}

func rangeEnd(r TomlDefault) model.Port {
	if r.Range == 0 {
		return 0
	}
	return r.Port + r.Range
}

// tomlProto returns the row's protocol; the zero value means TCP.
func tomlProto(r TomlDefault) model.Protocol {
	if r.Proto == model.ProtoInvalid {
		return model.ProtoTCP
	}
	return r.Proto
}

// switchText says what switches the listener: the enable key (and from which
// version it is honoured), the key whose presence switches it on, or "".
func switchText(r TomlDefault) string {
	switch {
	case r.EnableKey != "" && r.EnableFrom != "":
		return r.EnableKey + " (from " + r.EnableFrom + ")"
	case r.EnableKey != "":
		return r.EnableKey
	case r.OnWhenSet != "" && r.OnWhenValue != "":
		return r.OnWhenSet + " = " + r.OnWhenValue
	case r.OnWhenSet != "":
		return r.OnWhenSet + " set"
	}
	return ""
}

// setInText says where the port is set: the toml key, else the static file.
func setInText(r TomlDefault) string {
	if r.PortKey != "" {
		return r.PortKey
	}
	return r.Static
}

// Select returns the listing the catalog command shows: for product "" every
// entry and every deployment.toml-era row; else the product's entries (with
// the common ones, unless the product has deployment.toml-era rows only)
// and its deployment.toml-era rows. A version keeps what
// applies to it: the deployment.toml-era rows of that version when the
// product describes it there, else the 4.4.x-era entries (they carry no
// versions). A version needs a product; an unknown product, a malformed
// version, or a version that selects nothing is an error.
func Select(product model.ProductKey, version string) (Listing, error) {
	if product == "" {
		if version != "" {
			return Listing{}, fmt.Errorf("a product version needs a product")
		}
		toml, err := TomlEntries("", "")
		return Listing{Entries: All(), Toml: toml}, err
	}
	entries, err := Entries(product)
	if err != nil {
		return Listing{}, err
	}
	toml, err := TomlEntries(product, version)
	if err != nil {
		return Listing{}, err
	}
	if len(toml) > 0 && len(own(mustFind(product))) == 0 {
		// A deployment.toml-only product (Micro Integrator, the split
		// products): the 4.4.x-era common Carbon ports are not its ports.
		entries = nil
	}
	if version == "" {
		return Listing{Entries: entries, Toml: toml}, nil
	}
	for _, p := range TomlProducts() {
		if p.Key != product {
			continue
		}
		if compareVersions(version, p.First) >= 0 {
			if len(toml) == 0 {
				return Listing{}, fmt.Errorf("product %s version %s: the catalog describes deployment.toml versions %s to %s",
					product, version, p.First, p.Latest)
			}
			return Listing{Toml: toml}, nil
		}
		if len(own(mustFind(product))) == 0 {
			return Listing{}, fmt.Errorf("product %s version %s: the catalog describes versions %s to %s",
				product, version, p.First, p.Latest)
		}
	}
	return Listing{Entries: entries}, nil
}

// mustFind returns the product of a key known to exist.
func mustFind(key model.ProductKey) product {
	p, _ := find(key)
	return p
}
