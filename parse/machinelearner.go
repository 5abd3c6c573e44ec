package parse

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// h2oPort is the default port of the H2O server embedded in Machine Learner.
const h2oPort = 54321

// readMachineLearner records the embedded H2O server of Machine Learner when
// machine-learner.xml is present. etc/h2o-config.xml (<h2oSettings> with
// <property name="..."> children) decides it: `enabled` switches H2O, and
// only `mode` local starts a server on this host, on 54321 plus the offset
// (carbon-ml MLCoreDS; DOMAIN.md section 8); client mode connects to a remote
// H2O. Without h2o-config.xml the server is the shipped local one. Its source
// is the enabled or mode property, else the root of machine-learner.xml.
func readMachineLearner(s *server) error {
	f, ok, err := s.readXML("machine-learner.xml")
	if err != nil || !ok {
		return err
	}
	l := model.Listener{ID: model.SvcH2O, Base: h2oPort, Offsetable: true, Enabled: true, Source: model.Pos{File: f.rel},
		Note: "embedded h2o, local mode"}
	if root := f.doc.Root(); root != nil {
		l.Source = f.elemPos(root)
	}
	h, ok, err := s.readXML("etc/h2o-config.xml")
	if err != nil {
		return err
	}
	if ok && h.doc.Root() != nil {
		if e := named(h.doc.Root(), "property", "mode"); e != nil {
			l.Source = h.textPos(e)
			if mode := h.text(e); mode != "" && !strings.EqualFold(mode, "local") {
				return nil // client mode: a remote H2O cluster, no server here
			}
		}
		if e := named(h.doc.Root(), "property", "enabled"); e != nil {
			l.Source = h.textPos(e)
			l.Enabled = isTrue(h.text(e))
		}
	}
	s.listen(l)
	return nil
}
