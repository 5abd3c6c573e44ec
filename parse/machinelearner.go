package parse

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

// h2oPort is the default port of the H2O server embedded in Machine Learner.
const h2oPort = 54321

// readMachineLearner records the embedded H2O server of Machine Learner when
// machine-learner.xml is present. wso2lint reads no port setting for it: the
// listener is the H2O default, without the offset (H2O does not know about it).
// Its source is the root element of machine-learner.xml, which enables it.
func readMachineLearner(s *server) error {
	f, ok, err := s.readXML("machine-learner.xml")
	if err != nil || !ok {
		return err
	}
	src := model.Pos{File: f.rel}
	if root := f.doc.Root(); root != nil {
		src = f.elemPos(root)
	}
	s.listen(model.Listener{ID: model.SvcH2O, Base: h2oPort, Enabled: true, Source: src,
		Note: "embedded h2o default port"})
	return nil
}
