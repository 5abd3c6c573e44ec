package catalog

import (
	"github.com/wso2lint/wso2lint/internal/model"
	prodtable "github.com/wso2lint/wso2lint/internal/product"
)

// Entry is one default port (or port range) of a product, at port offset 0.
type Entry struct {
	// Product is the product key; model.KeyCarbon for the common ports every
	// product has.
	Product model.ProductKey
	// Profile is the Enterprise Integrator or IoT Server profile the port belongs
	// to ("broker", "analytics", ...); empty for the product's main server.
	Profile string
	// Service is the stable service id (model.Svc* constants).
	Service string
	// Port is the port at offset 0; for a profile with its own default offset
	// (EI broker 3, business-process 2, micro-integrator 10) it is the port at
	// that profile's default offset, as the documentation gives it.
	Port model.Port
	// PortEnd is the last port of a range (5228-5230), else 0.
	PortEnd model.Port
	// Proto is the transport protocol.
	Proto model.Protocol
	// Dir is DirIn for listeners, DirOut for connections the server opens and
	// DirDevice for ports that client devices use towards a third party.
	Dir model.Direction
	// Dest is the destination of an outbound or device connection ("17.0.0.0/8");
	// empty when the user must give it.
	Dest string
	// Exposure is the class of network that should reach the port.
	Exposure model.Exposure
	// Offset reports whether the runtime adds the port offset.
	Offset bool
	// DefaultOn reports whether a default installation opens the port.
	DefaultOn bool
	// File is the configuration file that sets the port, relative to the
	// configuration directory; empty if none.
	File string
	// Location is the element path or key in File.
	Location string
	// Description says what the port is for.
	Description string
	// Note records disagreements between the seed table and the shipped
	// configuration or code, and other caveats.
	Note string
}

// ProductInfo names a product key.
type ProductInfo struct {
	Key  model.ProductKey // "am"
	Name string           // "API Manager"
}

// keyCarbon is the product key of the common ports.
const keyCarbon = model.KeyCarbon

// product ties a row of the product table to the function that builds its
// own entries.
type product struct {
	info    ProductInfo
	entries func() []Entry // nil when the product has no entries of its own yet
}

// entryFuncs maps a product key to the function that builds its entries. It
// is a function, not a package-level map, so that nothing is built at
// start-up (issue 15 item 4).
func entryFuncs() map[model.ProductKey]func() []Entry {
	return map[model.ProductKey]func() []Entry{
		model.KeyAM: amEntries, model.KeyBPS: bpsEntries, model.KeyCEP: cepEntries, model.KeyDAS: dasEntries,
		model.KeyEI: eiEntries, model.KeyELB: elbEntries, model.KeyEMM: emmEntries, model.KeyESB: esbEntries,
		model.KeyIoT: iotEntries, model.KeyIS: isEntries, model.KeyISKM: isKMEntries, model.KeyMB: mbEntries, model.KeyML: mlEntries, model.KeySS: ssEntries,
	}
}

// products returns the product table (internal/product) with each product's
// entries, sorted by key.
func products() []product {
	var out []product
	funcs := entryFuncs()
	for _, r := range prodtable.Rows() {
		out = append(out, product{ProductInfo{r.Key, r.Name}, funcs[r.Key]})
	}
	return out
}
