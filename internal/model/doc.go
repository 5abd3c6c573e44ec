// Package model holds the data types shared by every other package of wso2lint:
// source positions, listeners, servers, homes and findings.
//
// Data flows one way: parse fills a Home, catalog fills in defaults, lint turns a
// Home into Findings, emit turns a Home into firewall rules, and cmd prints.
// Package model imports nothing of wso2lint and does no I/O.
package model
