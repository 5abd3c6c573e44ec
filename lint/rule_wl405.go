package lint

import (
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL405() *Rule {
	carbon := `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <Offset>0</Offset>
    </Ports>
</Server>
`
	catalina := `<Server>
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9443" SSLEnabled="true" scheme="https"/>
    </Service>
</Server>
`
	ex := func() []Example {
		return []Example{
			{Name: "full home without catalina-server.xml", Fires: true, Files: map[string]string{
				"bin/wso2server.sh":          "#!/bin/sh\n",
				"lib/README.txt":             "",
				"repository/conf/carbon.xml": carbon,
			}},
			{Name: "configuration repository (overlay) without catalina-server.xml", Files: map[string]string{
				"repository/conf/carbon.xml": carbon,
			}},
			{Name: "full home with catalina-server.xml", Files: map[string]string{
				"bin/wso2server.sh":                          "#!/bin/sh\n",
				"lib/README.txt":                             "",
				"repository/conf/carbon.xml":                 carbon,
				"repository/conf/tomcat/catalina-server.xml": catalina,
			}},
		}
	}
	return &Rule{
		ID:       "WL405",
		Name:     "port-file-removed",
		Title:    "a full product home lacks a file that opens ports in the distribution",
		Severity: model.SeverityInfo,
		Scope:    ScopeServer,
		Check:    checkPortFileRemoved,
		examples: ex,
		doc: func() string {
			return exampleDoc(`A directory with a start script in bin/ and a lib/ or repository/components/ folder is a full product home:
a port-opening file missing there (catalina-server.xml, jmx.xml, embedded-ldap.xml, broker.xml,
data-bridge-config.xml, the websocket inbound endpoints, ...) was removed, so wso2lint reports none of the ports the
distribution's copy opens. In a configuration repository (an overlay: no start script or no lib/) the same absence
means the distribution's file is used, and its ports are reported with origin "distribution" instead. The finding
points at the start script: it is what makes the home a full one, and it starts the server without the file.`, ex(),
				`If the removal is intended, nothing needs doing (the server really opens none of those ports; some products
refuse to start without the file). Otherwise restore the file from the distribution of the same version, and
review the ports it opens.`)
		},
	}
}

func checkPortFileRemoved(p *Pass) {
	for _, r := range p.Server.Removed {
		var ports []string
		for _, l := range r.Listeners {
			if l.Dir == model.DirIn && l.Enabled {
				ports = append(ports, strconv.Itoa(int(l.Port()))+"/"+l.Proto.String())
			}
		}
		if len(ports) == 0 {
			continue // the stock copy opens nothing unless configured to
		}
		p.Reportf(r.Pos, "%s is not in this full product home: it was removed, so the %s the distribution's copy opens %s not reported",
			r.File, plural(len(ports), "port "+strings.Join(ports, ", "), "ports "+strings.Join(ports, ", ")), plural(len(ports), "is", "are"))
	}
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
