// Package product is the product table: one row per WSO2 distribution wso2lint
// knows, with everything the stages need to know about it besides its ports
// (those are catalog's): its key and name, the carbon.xml <ServerKey> values
// and directory-name aliases that mean it, the marker files that detect it,
// its server profiles and their default offsets, its start scripts, its server
// role and the versions the rows apply to.
//
// parse (detection), catalog and cmd read it; adding a product or a version
// is adding or editing rows here (CONTRIBUTING.md has a worked example).
//
// Package product imports only internal/model of wso2lint, so that parse can
// read it without importing catalog. It does no I/O.
package product
