// Package toml scans a TOML document (a WSO2 deployment.toml) into flattened
// key/value entries, each with the line and column of its value, in one linear
// pass: it checks the syntax (go-toml/v2's unstable parser), refuses a key or
// table defined twice and integers, floats and dates out of range (as the
// server's TOML reader does), and bounds the number of values in one
// expression so that memory stays proportional to a small input.
//
// It knows nothing about WSO2 products: no key names, ports or aliases. It
// must not import internal/model, catalog or any other package of wso2lint;
// package parse adapts its entries into the model.
package toml
