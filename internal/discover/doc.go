// Package discover finds the WSO2 product homes of a configuration repository:
// the homes below a directory (Homes), the home holding a changed file
// (HomeOf) and the home that encloses a directory given inside it (Enclosing).
// Templates and copies are never homes: repository/resources/**, templates/**,
// backup/**, Helm charts (a folder holding Chart.yaml) and hidden folders.
//
// It decides what a home is with parse.KindOf and reads no configuration file.
// It returns errors and never prints; it must not import catalog, lint, emit,
// report or urfave/cli.
package discover
