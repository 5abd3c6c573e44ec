package model

// Setting keys of deployment.toml-era homes (API Manager 3.x/4.x, Identity
// Server 5.9+, Micro Integrator). The toml keys themselves are recorded under
// KeyTomlPrefix (settings.go); the facts around them (the file, the files it
// renders, drift, run-time values) are typed: Server.Toml, Server.Runtime.
const (
	// KeyTomlDefaultPrefix prefixes the keys of the product's default.json
	// (repository/resources/conf/default.json): "tomldefault." + dotted key,
	// Value as text, Pos at the value.
	KeyTomlDefaultPrefix = "tomldefault."
)
