// Package parse reads a WSO2 product home (or a configuration repository laid out
// like one) into a *model.Home: product, servers (profiles), the port offset and
// every listener with the source position of its value.
//
// Where things are: home.go reads a home (its servers and profiles) and
// decides the offset; detect.go and homekind.go tell the product and whether a
// folder is a home (from the product table, internal/product); readers.go is
// the one ordered list of readers, one file per configuration file or kind of
// file (carbon.go, catalina.go, axis2.go, deploymenttoml.go, script.go, ...).
//
// Formats are scanned by packages of their own, which know nothing of WSO2 or
// of the model: parse/xmlpos (XML with positions), parse/props (.properties as
// java.util.Properties reads them), parse/toml (deployment.toml) and
// parse/script (sh and bat start scripts). xmlfile.go, propsfile.go and
// tomlfile.go adapt their positions and wso2lint:ignore comments to the model;
// xmlvalues.go reads element values. parse and parse/xmlpos are the only
// packages that import etree.
//
// It imports internal/model and the product table (internal/product, which
// detection reads); it must not import catalog, lint or emit. Files that
// cannot be read as what they must be (malformed XML, binary junk, over the
// size limit) are input errors; doubtful values (an unresolved placeholder, an
// odd port) are recorded in the model for the linter, and parsing goes on.
package parse
