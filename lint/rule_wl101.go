package lint

import (
	"fmt"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL101() *Rule {
	catalinaFile := `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9443" SSLEnabled="true" scheme="https" secure="true"/>
    </Service>
</Server>
`
	ex := func() []Example {
		return []Example{
			{Name: "the PassThrough HTTPS listener on the servlet HTTPS port", Fires: true, Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": catalinaFile,
				"repository/conf/axis2/axis2.xml": `<axisconfig name="AxisJava2.0">
    <transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">
        <parameter name="port" locked="false">9443</parameter>
    </transportReceiver>
</axisconfig>
`,
			}},
			{Name: "the shipped ports 9443 and 8243", Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": catalinaFile,
				"repository/conf/axis2/axis2.xml": `<axisconfig name="AxisJava2.0">
    <transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">
        <parameter name="port" locked="false">8243</parameter>
    </transportReceiver>
</axisconfig>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL101",
		Name:     "port-collision",
		Title:    "two enabled listeners claim the same port of the host",
		Severity: model.SeverityError,
		Scope:    ScopeHost,
		Check:    checkPortCollision,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Only one socket can listen on a port and protocol. When two listeners of the host claim the same
port, the second server (or profile, or connector) fails to start, or starts without that transport and
logs a bind error that is easy to miss. The rule looks at every enabled inbound listener of every home
given together, after the port offset: two servers of one home, the profiles of an Enterprise
Integrator home, and two product homes on one machine (API Manager and an Identity Server key manager,
say). Hazelcast member ranges count as every port of the range against other listeners; two Hazelcast
members do not collide (a member whose port is taken binds the next one of its range), nor do two
multicast listeners of one group. Services of the host that are not WSO2
servers (a RabbitMQ broker on 5672, a node exporter on 9100) take part when they are declared with
`+"`--host-service NAME=PORT[-LAST][/tcp|udp]`"+` or under `+"`host-services`"+` in .wso2lint.yaml; they never
move, so the fix moves the WSO2 server.

Each colliding listener is reported at the place its port is configured. The message proposes the
smallest port offset that, set on the later home (command-line order) or profile, clears every
collision of the host, found by trying offsets 1, 2, ... on that server's offsettable listeners.`, ex(), `Give the later server a port offset (`+"`<Offset>1</Offset>`"+` in carbon.xml, `+"`offset = 1`"+` under
`+"`[server]`"+` in deployment.toml, or `+"`-DportOffset=1`"+`), and point its clients at the offset ports.
For a listener that the offset does not move (Hazelcast, a literal inbound endpoint port), change the port
itself.`)
		},
	}
}

// maxFixOffset bounds the search for an offset that clears the collisions.
const maxFixOffset = 1000

func checkPortCollision(p *Pass) {
	type key struct {
		home  *model.Home
		pos   model.Pos
		port  model.Port
		proto model.Protocol
	}
	homes, x := p.Homes, (*model.ClaimIndex)(nil)
	host := hostServicesHome(p.Opt.HostServices)
	if host != nil {
		// The host services come first, as if given before every home: the
		// later claim of a collision, whose server the fix moves, is then a
		// WSO2 server's.
		homes = append([]*model.Home{host}, p.Homes...)
		x = model.NewClaimIndex(model.Claims(homes))
	} else {
		x = p.claimIndex()
	}
	seen := map[key]bool{}
	fixes := map[*model.Server]string{}
	for _, c := range x.Collisions() {
		later, ok := laterClaim(c, host)
		if !ok {
			continue // host services among themselves: not a WSO2 finding
		}
		fix, done := fixes[later.Server]
		switch {
		case moving(c, later.Server) == len(c.Claims):
			// Every claim moves with the offset: only a port change helps.
			fix = changePortText(later)
		case !later.Listener.Offsetable:
			fix = changePortText(later) + " (the port offset does not move it)"
		case !done:
			fix = collisionFix(homes, x, later)
			fixes[later.Server] = fix
		}
		var texts []string // claimText of each claim, made once per collision
		for i, cl := range c.Claims {
			k := key{cl.Home, cl.Listener.Source, c.Port, c.Proto}
			if seen[k] || cl.Home == host {
				continue
			}
			seen[k] = true
			if texts == nil {
				texts = make([]string, len(c.Claims))
				for j, o := range c.Claims {
					texts[j] = claimText(o)
				}
			}
			p.Report(cl.Home, cl.Listener.Source,
				"%s port %d/%s is also claimed by %s; expected one listener per port on the host: %s",
				cl.Listener.ID, c.Port, c.Proto, othersText(texts, i), fix)
		}
	}
}

// maxNamedClaims bounds how many other claimants a message names, so that a
// port shared by hundreds of homes gives messages of bounded length.
const maxNamedClaims = 3

// othersText names the claims other than the i-th: at most maxNamedClaims of
// them, then how many more there are.
func othersText(texts []string, i int) string {
	others := make([]string, 0, maxNamedClaims)
	n := 0
	for j, t := range texts {
		if j == i {
			continue
		}
		n++
		if len(others) < maxNamedClaims {
			others = append(others, t)
		}
	}
	s := strings.Join(others, " and ")
	if more := n - len(others); more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

// laterClaim returns the last claim of c that is a WSO2 server's, not one of
// the host services of home host (nil when there are none): the fix moves its
// server. ok is false when every claim is a host service.
func laterClaim(c model.Collision, host *model.Home) (later model.Claim, ok bool) {
	for i := len(c.Claims) - 1; i >= 0; i-- {
		if c.Claims[i].Home != host || host == nil {
			return c.Claims[i], true
		}
	}
	return model.Claim{}, false
}

// hostServicesHome returns the host services as the listeners of a home of
// their own (product "host"), or nil when there are none.
func hostServicesHome(svcs []model.HostService) *model.Home {
	if len(svcs) == 0 {
		return nil
	}
	s := model.Server{Profile: hostProfile}
	for _, svc := range svcs {
		s.Listeners = append(s.Listeners, svc.Listener())
	}
	return &model.Home{Product: model.Product{Key: hostProfile}, Servers: []model.Server{s}}
}

// hostProfile names the home and server of the host services.
const hostProfile = "host"

// claimText describes a claim for a message: `servlet-https of "b" at file:line:col`.
func claimText(c model.Claim) string {
	if c.Server.Profile == hostProfile && c.Home.Dir == "" {
		return fmt.Sprintf("%s (port %s), a service of the host (%s)", c.Listener.ID, portText(*c.Listener), strings.TrimPrefix(c.Listener.Note, "host service "))
	}
	return fmt.Sprintf("%s (port %s) of %s%s", c.Listener.ID, portText(*c.Listener), serverName(c.Home, c.Server), at(c.Listener.Source))
}

// moving counts the claims of c that an offset on server s moves.
func moving(c model.Collision, s *model.Server) int {
	n := 0
	for _, cl := range c.Claims {
		if cl.Server == s && cl.Listener.Offsetable {
			n++
		}
	}
	return n
}

// changePortText proposes changing the port of the claim's listener.
func changePortText(c model.Claim) string {
	where := c.Listener.Source.File
	if where == "" {
		where = "its configuration"
	}
	return fmt.Sprintf("change the port of %s of %s in %s", c.Listener.ID, serverName(c.Home, c.Server), where)
}

// collisionFix says how to clear the collisions of the later claim's server:
// the smallest offset that separates its offsettable listeners from every
// listener of the host that does not move with them. x indexes the claims of
// the homes.
func collisionFix(homes []*model.Home, x *model.ClaimIndex, later model.Claim) string {
	if !later.Listener.Offsetable {
		return changePortText(later) + " (the port offset does not move it)"
	}
	f := newOffsetSearch(homes, x, later.Home, later.Server)
	for n := 1; n <= maxFixOffset; n++ {
		if n != later.Server.Offset.Value && f.clears(n) {
			return setOffsetText(later.Home, later.Server, n)
		}
	}
	return fmt.Sprintf("no port offset up to %d clears it; %s", maxFixOffset, changePortText(later))
}

// offsetClears reports whether giving server s of home h offset n leaves none
// of its offsettable listeners colliding with a listener that stays put, and
// every one of them in range.
func offsetClears(homes []*model.Home, h *model.Home, s *model.Server, n int) bool {
	shifted := *s
	shifted.Listeners = make([]model.Listener, len(s.Listeners))
	for i, l := range s.Listeners {
		if l.Offsetable {
			l.Offset = n
			end := l.PortEnd()
			if end == 0 {
				end = l.Port()
			}
			if l.Enabled && end > model.MaxPort {
				return false
			}
		}
		shifted.Listeners[i] = l
	}
	home := *h
	home.Servers = make([]model.Server, len(h.Servers))
	copy(home.Servers, h.Servers)
	var moved *model.Server
	for i := range h.Servers {
		if &h.Servers[i] == s {
			home.Servers[i] = shifted
			moved = &home.Servers[i]
		}
	}
	if moved == nil {
		return false
	}
	hs := make([]*model.Home, len(homes))
	for i, x := range homes {
		if x == h {
			hs[i] = &home
		} else {
			hs[i] = x
		}
	}
	for _, c := range model.Collisions(hs) {
		// A collision among listeners that all move together is not the
		// offset's to clear.
		if m := moving(c, moved); m > 0 && m < len(c.Claims) {
			return false
		}
	}
	return true
}

// setOffsetText says how to set offset n for the server, where its offset is
// configured now.
func setOffsetText(h *model.Home, s *model.Server, n int) string {
	file := s.Offset.Pos.File
	of := " of " + serverName(h, s)
	switch {
	case file == "":
	case s.Offset.Origin == model.OriginCarbon:
		return fmt.Sprintf("set <Offset> to %d in %s%s", n, file, of)
	case s.Offset.Origin == model.OriginToml:
		return fmt.Sprintf("set offset = %d under [server] in %s%s", n, file, of)
	case s.Offset.Origin == model.OriginYAML || s.Offset.Origin == model.OriginCarbonYML:
		return fmt.Sprintf("set the wso2.carbon ports offset to %d in %s%s", n, file, of)
	case s.Offset.Origin == model.OriginScript:
		return fmt.Sprintf("set -DportOffset=%d in %s%s", n, file, of)
	}
	return fmt.Sprintf("start %s with -DportOffset=%d", serverName(h, s), n)
}
