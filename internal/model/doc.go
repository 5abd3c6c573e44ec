// Package model holds the data types shared by every other package of wso2lint:
// source positions, listeners, servers, homes, findings and product keys.
//
// Data flows one way: parse fills a Home, catalog fills in defaults, lint turns a
// Home into Findings, emit turns a Home into firewall rules, and cmd prints.
//
// Every fact a later stage needs is a typed field, set once by the stage that
// knows it:
//   - Server.Offsets: each offset source (carbon.xml, start script,
//     deployment.toml, deployment.yaml, carbon.yml) with its text, value and
//     position; Server.Offset is the one that won. ValidOffset is the one
//     range check, Listener.ApplyOffset the one place an offset is applied
//     (called by catalog.Resolve only, once every listener is known).
//   - Server.Removed: the port-opening files a full home lacks (catalog).
//   - Server.Toml: the deployment.toml facts (the file, the one list of files
//     it renders, -DavoidConfigUpdate=true, drift between the XML and the toml).
//   - Server.Runtime: deployment.toml values given through $env{} or $sys{}.
//   - Home.ProductGuess: why a product was guessed from deployment.toml.
//   - Listener.BindAddr: the bind address, parsed.
//
// Server.Settings keeps raw values as written (keystore passwords, protocol
// lists, toml keys, ...) that lint rules compare; no stage parses a setting to
// learn what another stage already decided.
//
// Package model imports nothing of wso2lint and does no I/O.
package model
