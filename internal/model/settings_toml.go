package model

import "strings"

// Setting keys of deployment.toml-era homes (API Manager 3.x/4.x, Identity
// Server 5.9+, Micro Integrator). The toml keys themselves are recorded under
// KeyTomlPrefix (settings.go); these keys describe the facts around them.
const (
	// KeyTomlFile marks a server configured by deployment.toml: Value is the
	// home-relative path of the file, Pos names the file (Line 0).
	KeyTomlFile = "tomlmeta.file"
	// KeyTomlTemplate lists each template file present under
	// repository/resources/conf/templates: Value is the home-relative path of
	// the rendered file it produces ("repository/conf/axis2/axis2.xml").
	KeyTomlTemplate = "tomlmeta.template"
	// KeyTomlDefaultPrefix prefixes the keys of the product's default.json
	// (repository/resources/conf/default.json): "tomldefault." + dotted key,
	// Value as text, Pos at the value.
	KeyTomlDefaultPrefix = "tomldefault."
	// KeyTomlDriftPrefix prefixes drift facts: a value in a generated XML file
	// that differs from what deployment.toml renders. The key is
	// KeyTomlDriftPrefix + the item ("offset" or a listener service id), Pos is
	// the XML value, and Value is TomlDriftValue(xml, toml).
	KeyTomlDriftPrefix = "tomldrift."
	// KeyTomlUnresolvedPort records a port-bearing toml key whose value is given
	// through $env{X} or $sys{X}: Value is the expression, Pos the toml value.
	// Path of Pos is the dotted key.
	KeyTomlUnresolvedPort = "tomlmeta.unresolvedPort"
	// KeyTomlProductGuess records that the product of a deployment.toml home
	// was guessed, neither stated (--product, a wso2<product>-<version>
	// directory name) nor certain: Value is "<product key>: <why>", Pos names
	// the toml file (Line 0). Absent when the product is certain.
	KeyTomlProductGuess = "tomlmeta.productGuess"
	// KeyTomlInboundDir records that the home holds the synapse inbound
	// endpoints directory (repository/deployment/server/synapse-configs/
	// default/inbound-endpoints): Value and Pos name it. A static endpoint
	// file missing from a home that has the directory was removed (an API
	// Manager profile does that), so its listener is not there; a
	// configuration repository without the directory keeps the default.
	KeyTomlInboundDir = "tomlmeta.inboundDir"
)

// TomlDriftValue encodes the two sides of a drift fact as the Value of a
// KeyTomlDriftPrefix setting.
func TomlDriftValue(xml, toml string) string { return "xml=" + xml + "\ntoml=" + toml }

// ParseTomlDriftValue decodes a Value made by TomlDriftValue.
func ParseTomlDriftValue(v string) (xml, toml string, ok bool) {
	a, b, found := strings.Cut(v, "\n")
	if !found {
		return "", "", false
	}
	xml, okX := strings.CutPrefix(a, "xml=")
	toml, okT := strings.CutPrefix(b, "toml=")
	return xml, toml, okX && okT
}
