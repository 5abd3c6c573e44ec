// Package parse reads a WSO2 product home (or a configuration repository laid out
// like one) into a *model.Home: product, servers (profiles), the port offset and
// every listener with the source position of its value.
//
// XML files are scanned by parse/xmlpos (the format scanner: tree, positions,
// limits); xmlfile.go adapts its positions and wso2lint:ignore comments to the
// model and reads element values. parse and parse/xmlpos are the only packages
// that import etree. .properties files are scanned by parse/props (props.go
// adapts them) and deployment.toml by parse/toml (toml_read.go).
//
// It imports internal/model and the product table (internal/product, which
// detection reads); it must not import catalog, lint or emit. Files that
// cannot be read as what they must be (malformed XML, binary junk, over the
// size limit) are input errors; doubtful values (an unresolved placeholder, an
// odd port) are recorded in the model for the linter, and parsing goes on.
package parse
