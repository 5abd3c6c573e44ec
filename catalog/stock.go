package catalog

import (
	"path"
	"sort"

	"github.com/wso2lint/wso2lint/internal/model"
)

// stockListener is one listener that a distribution's stock file opens.
type stockListener struct {
	id    string
	port  model.Port
	proto model.Protocol
	// clusterOnly listeners open only when axis2.xml clustering is on (the
	// Andes Thrift coordination server).
	clusterOnly bool
}

// stockFile is one port-opening file of a Carbon 4.4.x distribution and the
// listeners its stock content opens (every one offset by the server's port
// offset). rel is relative to the server's conf directory. Each row is
// what the shipped file says, checked against the stock copy in the corpus
// (../shared/corpus/MANIFEST.tsv names the source repository and tag).
type stockFile struct {
	product  model.ProductKey
	version  string
	profiles []string // server profiles that ship the file
	rel      string
	// servlet marks tomcat/catalina-server.xml: its connectors are added only
	// when no servlet listener came from anywhere else (parse adds them itself
	// when carbon.xml is present).
	servlet bool
	// notWith names a conf-relative file whose presence marks another
	// distribution of the same product key and version, whose stock content
	// is not known (api-manager.xml: the IS-KM key manager pack, detected as
	// Identity Server).
	notWith   string
	listeners []stockListener
}

// Conf-relative paths of the port-opening files of stockFiles.
const (
	stockCatalina  = "tomcat/catalina-server.xml"
	stockBroker    = "broker.xml"
	stockBridge    = "data-bridge/data-bridge-config.xml"
	stockWS        = "../deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml"
	stockWSSecure  = "../deployment/server/synapse-configs/default/inbound-endpoints/SecureWebSocketInboundEndpoint.xml"
	defaultProfile = "default"
)

// stockNote is the Note of a listener stockFiles adds.
const stockNote = " is not in the home: the distribution's stock file"

// stockFiles lists the stock port-opening files per product version. A
// product version or file missing here has no known stock content: an
// overlay lacking the file gets nothing for it.
func stockFiles() []stockFile {
	tcp := func(id string, port model.Port) stockListener {
		return stockListener{id: id, port: port, proto: model.ProtoTCP}
	}
	servlet := []stockListener{tcp(model.SvcServletHTTPS, 9443), tcp(model.SvcServletHTTP, 9763)}
	// broker.xml of carbon-business-messaging (APIM 2.6.0: v3.2.44, MB 3.2.0:
	// v3.2.15): AMQP and MQTT with their TLS ports on, the Thrift
	// coordination server at 7611 when clustered.
	broker := []stockListener{
		tcp(model.SvcAMQP, 5672), tcp(model.SvcAMQPSSL, 8672), tcp(model.SvcMQTT, 1883), tcp(model.SvcMQTTSSL, 8883),
		{id: model.SvcAndesThrift, port: 7611, proto: model.ProtoTCP, clusterOnly: true},
	}
	// data-bridge-config.xml of carbon-analytics-common v5.1.42 (APIM 2.6.0,
	// IS 5.7.0): Thrift and binary receivers.
	bridge := []stockListener{
		tcp(model.SvcDatabridgeThrift, 7611), tcp(model.SvcDatabridgeThriftSSL, 7711),
		tcp(model.SvcDatabridgeBinary, 9611), tcp(model.SvcDatabridgeBinarySSL, 9711),
	}
	// data-bridge-config.xml of product-das v3.1.0: Thrift receivers only.
	dasBridge := []stockListener{tcp(model.SvcDatabridgeThrift, 7611), tcp(model.SvcDatabridgeThriftSSL, 7711)}
	def := []string{defaultProfile}
	more := append(append(stockFilesAM(), stockFilesESB()...), stockFilesEI()...)
	return append([]stockFile{
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockCatalina, servlet: true, listeners: servlet},
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockBroker, listeners: broker},
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockBridge, listeners: bridge},
		// product-apim v2.6.0 inbound endpoints (ws.use.port.offset true).
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockWS, listeners: []stockListener{tcp(model.SvcWebSocket, 9099)}},
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockWSSecure, listeners: []stockListener{tcp(model.SvcWebSocketSecure, 8099)}},
		{product: model.KeyIS, version: "5.7.0", profiles: def, rel: stockCatalina, servlet: true, listeners: servlet},
		{product: model.KeyIS, version: "5.7.0", profiles: def, rel: stockBridge, listeners: bridge},
		{product: model.KeyDAS, version: "3.1.0", profiles: def, rel: stockCatalina, servlet: true, listeners: servlet},
		{product: model.KeyDAS, version: "3.1.0", profiles: def, rel: stockBridge, listeners: dasBridge},
		{product: model.KeyMB, version: "3.2.0", profiles: def, rel: stockCatalina, servlet: true, listeners: servlet},
		{product: model.KeyMB, version: "3.2.0", profiles: def, rel: stockBroker, listeners: broker},
	}, more...)
}

// resolveStock adds, to every Carbon 4.4.x server of an overlay home
// (model.LayoutOverlay), the listeners of each stock port-opening file the
// home lacks, for the product version stockFiles knows: Origin
// FromDistribution, the server's offset applied once (ApplyOffset), Source the
// line that governs them (the offset, else carbon.xml's first line, else
// none). A full home (model.LayoutFull) gets nothing: there an absent file
// was removed. Servers configured by deployment.toml are left to ResolveToml.
func resolveStock(h *model.Home) {
	if h.Layout != model.LayoutOverlay {
		return
	}
	read := make(map[string]bool, len(h.Files))
	for _, f := range h.Files {
		read[f] = true
	}
	for si := range h.Servers {
		s := &h.Servers[si]
		if s.Toml != nil {
			continue
		}
		added := false
		for _, sf := range stockFiles() {
			if sf.product != h.Product.Key || sf.version != h.Product.Version || !hasProfile(sf.profiles, s.Profile) {
				continue
			}
			rel := path.Join(s.ConfDir, sf.rel)
			if read[rel] || (sf.servlet && hasServlet(s)) || (sf.notWith != "" && read[path.Join(s.ConfDir, sf.notWith)]) {
				continue
			}
			for _, sl := range sf.listeners {
				l := model.Listener{ID: sl.id, Base: sl.port, Offsetable: true, Proto: sl.proto, Dir: model.DirIn,
					Enabled: true, Source: stockSource(s, read), Note: sf.rel + stockNote, Origin: model.FromDistribution}
				if sl.clusterOnly {
					st, ok := s.Setting(model.KeyClusteringEnable)
					l.Enabled = isTrueValue(st.Value, ok, false)
					l.Note = joinNote(l.Note, "opened only when the broker runs clustered")
				}
				l.ApplyOffset(s.Offset.Value)
				s.Listeners = append(s.Listeners, l)
				added = true
			}
		}
		if added {
			sort.SliceStable(s.Listeners, func(i, j int) bool { return model.LessListener(s.Listeners[i], s.Listeners[j]) })
		}
	}
}

func hasProfile(ps []string, p string) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// hasServlet reports whether s has a servlet connector already.
func hasServlet(s *model.Server) bool {
	for _, l := range s.Listeners {
		if l.ID == model.SvcServletHTTP || l.ID == model.SvcServletHTTPS {
			return true
		}
	}
	return false
}

// stockSource is the line that governs a stock listener of s: where the
// offset was set, else the first line of carbon.xml when the home has one,
// else no line.
func stockSource(s *model.Server, read map[string]bool) model.Pos {
	if s.Offset.Pos.File != "" {
		return s.Offset.Pos
	}
	if c := path.Join(s.ConfDir, "carbon.xml"); read[c] {
		return model.Pos{File: c, Line: 1, Col: 1, Path: "/Server"}
	}
	return model.Pos{}
}
