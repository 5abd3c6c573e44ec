// Package emit turns the listeners of one host (one or more product homes) into
// host firewall rules for nftables, iptables, ip6tables and firewalld.
//
// MakePlan builds a backend-neutral, sorted and de-duplicated Plan: which ports
// open, from which sources (by exposure class), which ports stay closed and the
// flag that would open them. Emitters render a Plan as text; Render and Check
// wrap the whole pipeline for the command line.
//
// Package emit imports only internal/model of wso2lint (never parse, catalog or
// lint), does no I/O other than writing to the io.Writer it is given and, only
// when Options.Resolve is set, looking up host names through Options.LookupHost.
package emit
