package picture

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

func listener(id string, port model.Port, class model.Exposure, file string, line int) model.Listener {
	return model.Listener{ID: id, Base: port, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
		Exposure: class, Source: model.Pos{File: file, Line: line, Col: 5}}
}

func peer(id, host string, port model.Port, file string, line int) model.Listener {
	return model.Listener{ID: id, Base: port, Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true, Host: host,
		Exposure: model.ExposureOutbound, Source: model.Pos{File: file, Line: line, Col: 9}}
}

func server(profile string, offset int, ls ...model.Listener) model.Server {
	for i := range ls {
		ls[i].ApplyOffset(offset)
	}
	return model.Server{Profile: profile, Offset: model.Offset{Value: offset, Origin: model.OriginCarbon}, Listeners: ls}
}

// fixture is a small run of four hosts: a gateway (two homes) connecting to a
// key manager and a traffic manager by name, Hazelcast members discovering
// each other by multicast, a server reaching itself through localhost, a
// disabled listener, and a home whose path needs escaping.
func fixture(all bool) Input {
	const toml = "repository/conf/deployment.toml"
	const axis2 = "repository/conf/axis2/axis2.xml"
	member := model.Listener{ID: model.SvcHazelcastMember, Base: 4000, BaseEnd: 4002, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn,
		Enabled: true, Exposure: model.ExposureCluster, Source: model.Pos{File: axis2, Line: 12, Col: 3}}
	mcast := model.Listener{ID: model.SvcHazelcastMcast, Base: 45564, Proto: model.ProtoUDP, Dir: model.DirIn,
		Enabled: true, Exposure: model.ExposureCluster, Source: model.Pos{File: axis2, Line: 10, Col: 3}}
	jmx := listener("jmx-rmi-registry", 9999, model.ExposureManagement, "repository/conf/carbon.xml", 40)
	jmx.Enabled = false
	local := listener("ldap", 10389, model.ExposureLocal, "repository/conf/embedded-ldap.xml", 7)
	local.Bind = "127.0.0.1"
	local.BindAddr = model.ParseBind(local.Bind)
	homes := []*model.Home{
		{Dir: "gw/wso2am-4.2.0", Product: model.Product{Key: "am", Version: "4.2.0"}, Servers: []model.Server{server("default", 0,
			listener("passthru-https", 8243, model.ExposurePublic, toml, 3),
			listener("servlet-https", 9443, model.ExposurePublic, toml, 3),
			jmx, member, mcast,
			peer(model.SvcKeyManager, "km.example.com", 9444, toml, 30),
			peer(model.SvcThrottleURL, "tm", 9612, toml, 41),
			peer(model.SvcJDBC, "mysql.example.com", 3306, "repository/conf/master-datasources.xml", 20),
		)}},
		{Dir: "gw/odd <home> & \"quoted\"", Product: model.Product{Key: "is", Version: "7.0.0"}, Servers: []model.Server{server("default", 10,
			listener("servlet-https", 9443, model.ExposurePublic, toml, 2), local,
			peer(model.SvcPeerURL, "localhost", 9453, toml, 9),
		)}},
		{Dir: "km/wso2is-km-7.0.0", Product: model.Product{Key: "is-km", Version: "7.0.0"}, Servers: []model.Server{server("default", 1,
			listener("servlet-https", 9443, model.ExposurePublic, toml, 2),
		)}},
		{Dir: "tm/wso2am-tm-4.2.0", Product: model.Product{Key: "am-tm", Version: "4.2.0"}, Servers: []model.Server{server("default", 1,
			listener("binary-receiver", 9611, model.ExposureCluster, toml, 8),
			listener("binary-receiver-ssl", 9711, model.ExposureCluster, toml, 9),
			member, mcast,
		)}},
		{Dir: "ei/wso2ei-6.4.0", Product: model.Product{Key: "ei", Version: "6.4.0"}, Servers: []model.Server{
			server("integrator", 0, listener("passthru-http", 8280, model.ExposurePublic, "conf/axis2/axis2.xml", 50)),
			server("broker", 3, listener("amqp", 5672, model.ExposureUnknown, "wso2/broker/conf/broker.xml", 60)),
		}},
	}
	hosts := []model.RunHost{{Name: "gw.example.com", Homes: []int{0, 1}}, {Name: "km", Homes: []int{2}}, {Name: "tm", Homes: []int{3}}}
	return Input{Homes: homes, Hosts: hosts, Links: model.Links(homes, hosts), All: all,
		ProductName: func(k model.ProductKey) string { return "WSO2 " + strings.ToUpper(string(k)) }}
}

func render(t *testing.T, format string, in Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, in); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	var again bytes.Buffer
	if err := Write(&again, format, in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Fatalf("%s output differs between two runs", format)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		all          bool
	}{
		{"run.dot", "dot", false},
		{"run.html", "html", false},
		{"run-all.dot", "dot", true},
		{"run-all.html", "html", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", tc.name), render(t, tc.format, fixture(tc.all)))
		})
	}
}

// TestFixtureLinks checks the fixture's links, so that the goldens draw what
// they should: the gateway to the key manager and the traffic manager by host
// name (their offset counted), the odd home to its own servlet-https through
// localhost (9443 plus offset 10), the two Hazelcast members to each other,
// and nothing for the JDBC peer, whose host is not a home of the run.
func TestFixtureLinks(t *testing.T) {
	in := fixture(false)
	var got []string
	for _, k := range in.Links {
		got = append(got, describe(in.Homes, k.From)+" -> "+describe(in.Homes, k.To)+" "+k.Match)
	}
	want := []string{
		"gw/wso2am-4.2.0 hazelcast-member 4000-4002/tcp -> tm/wso2am-tm-4.2.0 hazelcast-member 4001-4003/tcp multicast",
		"gw/wso2am-4.2.0 keymanager-url 9444/tcp -> km/wso2is-km-7.0.0 servlet-https 9444/tcp host",
		"gw/wso2am-4.2.0 throttle-receiver 9612/tcp -> tm/wso2am-tm-4.2.0 binary-receiver 9612/tcp host",
		`gw/odd <home> & "quoted" peer-url 9453/tcp -> gw/odd <home> & "quoted" servlet-https 9453/tcp loopback`,
		"tm/wso2am-tm-4.2.0 hazelcast-member 4001-4003/tcp -> gw/wso2am-4.2.0 hazelcast-member 4000-4002/tcp multicast",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
}

func TestUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, "png", fixture(false))
	if err == nil || !strings.Contains(err.Error(), `"png"`) || !strings.Contains(err.Error(), "dot, html") {
		t.Errorf("Write png: err %v; want an error naming the format and dot, html", err)
	}
	if buf.Len() != 0 {
		t.Errorf("Write png wrote %d bytes", buf.Len())
	}
}

// drawnIDs returns the row IDs of every listener of in that the picture
// draws: enabled ones, and the disabled ones too with All.
func drawnIDs(in Input) []string {
	var ids []string
	for hi, h := range in.Homes {
		for si, s := range h.Servers {
			for li, l := range s.Listeners {
				if l.Enabled || in.All {
					ids = append(ids, rowID(model.ListenerRef{Home: hi, Server: si, Listener: li}))
				}
			}
		}
	}
	return ids
}

var dataListener = regexp.MustCompile(`data-listener="([^"]*)"`)

func TestHTMLDrawsEveryListenerOnce(t *testing.T) {
	for _, all := range []bool{false, true} {
		in := fixture(all)
		out := render(t, "html", in)
		var got []string
		for _, m := range dataListener.FindAllSubmatch(out, -1) {
			got = append(got, string(m[1]))
		}
		want := drawnIDs(in)
		if diff := cmp.Diff(sorted(want), sorted(got)); diff != "" {
			t.Errorf("all=%v: data-listener attributes (-want +got):\n%s", all, diff)
		}
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

func TestHTMLSelfContained(t *testing.T) {
	out := string(render(t, "html", fixture(true)))
	for _, bad := range []string{"http://", "https://", "<script", "src=", "href=", "@import", "<link", "<img", "<iframe", "<object"} {
		if strings.Contains(strings.ToLower(out), bad) {
			t.Errorf("HTML contains %q: the page must load nothing", bad)
		}
	}
	for _, m := range regexp.MustCompile(`url\(([^)]*)\)`).FindAllStringSubmatch(out, -1) {
		if m[1] != "#arrow" {
			t.Errorf("HTML refers to url(%s); only the page's own #arrow marker is allowed", m[1])
		}
	}
}

func TestEscaping(t *testing.T) {
	html := string(render(t, "html", fixture(false)))
	if strings.Contains(html, "<home>") {
		t.Errorf("HTML has the home path unescaped (<home>)")
	}
	if !strings.Contains(html, "odd &lt;home&gt; &amp; &#34;quoted&#34;") {
		t.Errorf("HTML lacks the escaped home path")
	}
	dot := string(render(t, "dot", fixture(false)))
	if !strings.Contains(dot, `gw/odd <home> & \"quoted\"`) {
		t.Errorf("DOT lacks the home path with its quotes escaped")
	}
}

func TestDOTQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `"plain"`},
		{`a "b" \c`, `"a \"b\" \\c"`},
		{"two\nlines", `"two\nlines"`},
		{"bell\a tab\t", `"bell tab"`},
		{"→ ünïcode", `"→ ünïcode"`},
	}
	for _, tc := range tests {
		if got := dotQuote(tc.in); got != tc.want {
			t.Errorf("dotQuote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestDOTGraphviz feeds the DOT output to Graphviz, which rejects a syntax
// error, and checks that every listener became a node and every link an edge.
func TestDOTGraphviz(t *testing.T) {
	testenv.NeedCommands(t, "apt-get install graphviz", "dot")
	in := fixture(true)
	src := filepath.Join(t.TempDir(), "run.dot")
	if err := os.WriteFile(src, render(t, "dot", in), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("dot", "-Tsvg", src).CombinedOutput()
	if err != nil {
		t.Fatalf("dot -Tsvg: %v\n%s", err, out)
	}
	svg := string(out)
	for _, id := range drawnIDs(in) {
		if !strings.Contains(svg, "<title>"+dotID(id)+"</title>") {
			t.Errorf("Graphviz drew no node %s", dotID(id))
		}
	}
	if n, want := strings.Count(svg, `class="edge"`), len(in.Links); n != want {
		t.Errorf("Graphviz drew %d edges, want %d (one per link)", n, want)
	}
}

// TestLayoutFits lays out many hosts and checks that the picture stays within
// a 1280-pixel window, that server boxes never overlap and that each lies in
// its host frame.
func TestLayoutFits(t *testing.T) {
	var in Input
	for i := range 9 {
		var ls []model.Listener
		for j := range i % 4 * 3 {
			ls = append(ls, listener(fmt.Sprintf("svc-%d", j), model.Port(9000+j), model.Exposure(j%6), "f", j+1))
		}
		in.Homes = append(in.Homes, &model.Home{Dir: fmt.Sprintf("h%d", i), Servers: []model.Server{server("default", 0, ls...)}})
	}
	in.Hosts = []model.RunHost{{Name: "a", Homes: []int{0, 1, 2, 3, 4, 5}}, {Name: "b", Homes: []int{6}}}
	l := lay(build(in))
	if l.Width > 1280-16 {
		t.Errorf("width %d: wider than a 1280-pixel window", l.Width)
	}
	if len(l.Servers) != 9 {
		t.Fatalf("%d server boxes, want 9", len(l.Servers))
	}
	for i, a := range l.Servers {
		if a.X+a.W > l.Width || a.Y+a.H > l.Height {
			t.Errorf("server %s (%d,%d %dx%d) outside the picture %dx%d", a.ID, a.X, a.Y, a.W, a.H, l.Width, l.Height)
		}
		for _, b := range l.Servers[i+1:] {
			if a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H {
				t.Errorf("servers %s and %s overlap", a.ID, b.ID)
			}
		}
		inFrame := false
		for _, h := range l.Hosts {
			if a.X >= h.X && a.X+a.W <= h.X+h.W && a.Y >= h.Y && a.Y+a.H <= h.Y+h.H {
				inFrame = true
			}
		}
		if !inFrame {
			t.Errorf("server %s lies in no host frame", a.ID)
		}
	}
	// Host a's six homes do not fit one band: it wraps, with a frame per band;
	// h7 and h8 are hosts of their own.
	if len(l.Hosts) < 3 {
		t.Errorf("%d host frames; want host a split over two bands, plus b, h7 and h8", len(l.Hosts))
	}
}
