// Package tomltest holds the end-to-end tests of deployment.toml-era homes:
// parse.Home followed by catalog.ResolveToml, on the shared corpus and on
// temporary copies of it. It has no non-test code besides this file, and
// nothing imports it.
package tomltest
