package parse

import (
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// productCarbon is a carbon.xml with the Ports tree the product files refer to;
// OFFSET is replaced by the offset.
const productCarbon = `<?xml version="1.0" encoding="UTF-8"?>
<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <Offset>OFFSET</Offset>
        <EmbeddedLDAP>
            <LDAPServerPort>10389</LDAPServerPort>
            <KDCServerPort>8000</KDCServerPort>
        </EmbeddedLDAP>
        <ThriftEntitlementReceivePort>10500</ThriftEntitlementReceivePort>
    </Ports>
</Server>
`

// carbonAt returns productCarbon with the offset.
func carbonAt(offset string) string { return strings.Replace(productCarbon, "OFFSET", offset, 1) }

// pl is the part of a listener the product tests compare.
type pl struct {
	ID         string
	Port       model.Port
	Offsetable bool
	Enabled    bool
	Dir        model.Direction
	Proto      model.Protocol
	Host       string
	Bind       string
	Line       int
}

// listenersOf returns the listeners of server s whose ID is in ids (all when
// ids is empty), in canonical order.
func listenersOf(s model.Server, ids ...string) []pl {
	var out []pl
	for _, l := range s.Listeners {
		if len(ids) > 0 && !contains(ids, l.ID) {
			continue
		}
		if len(ids) == 0 && l.Origin == model.FromDistribution && (l.ID == model.SvcServletHTTP || l.ID == model.SvcServletHTTPS) {
			// The servlet connectors a home without catalina-server.xml gets
			// (catalog's TestDistributionConnectors); product tests list their own files' listeners.
			continue
		}
		out = append(out, pl{l.ID, l.Port(), l.Offsetable, l.Enabled, l.Dir, l.Proto, l.Host, l.Bind, l.Source.Line})
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// homeOf parses and resolves (resolvedHome) a temporary home made of files:
// the ports compared are end-to-end, offset applied.
func homeOf(t *testing.T, files map[string]string, opt Options) (*model.Home, error) {
	t.Helper()
	return resolvedHome(writeHome(t, files), opt)
}

// mustHome parses a temporary home and fails on error.
func mustHome(t *testing.T, files map[string]string, opt Options) *model.Home {
	t.Helper()
	h, err := homeOf(t, files, opt)
	if err != nil {
		t.Fatalf("Home: %v", err)
	}
	return h
}

// in and out build expected listeners.
func in(id string, port model.Port, offsetable, enabled bool, line int) pl {
	return pl{ID: id, Port: port, Offsetable: offsetable, Enabled: enabled, Dir: model.DirIn, Proto: model.ProtoTCP, Line: line}
}

func out(id, host string, port model.Port, offsetable, enabled bool, line int) pl {
	return pl{ID: id, Port: port, Offsetable: offsetable, Enabled: enabled, Dir: model.DirOut, Proto: model.ProtoTCP, Host: host, Line: line}
}

func intp(n int) *int { return &n }

// crlf turns a fixture's line ends into CRLF.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

func replaceAll(s, old, new string) string { return strings.ReplaceAll(s, old, new) }
