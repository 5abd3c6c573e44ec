package parse

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

// readJNDIProvider reads the RMI registry port of the synapse datasources JNDI
// provider (BPS 2199): datasources.properties synapse.datasources.providerPort,
// which carbon.xml Ports/JNDIProviderPort overrides. Carbon adds the offset to
// values of its Ports tree; the properties value is treated the same way
// (assumption: the BPS docs list 2199 among the offset ports).
func readJNDIProvider(s *server) error {
	if e, found := s.ports["JNDIProviderPort"]; found {
		l := model.Listener{ID: model.SvcJNDIProvider, Enabled: true}
		ok, err := s.portListener(&l, e.value, e.pos, true)
		if err != nil || !ok {
			return err
		}
		s.listen(l)
		return nil
	}
	f, ok, err := s.readProps(s.rel("datasources.properties"))
	if err != nil || !ok {
		return err
	}
	e, found := f.get("synapse.datasources.providerPort")
	if !found {
		return nil
	}
	l := model.Listener{ID: model.SvcJNDIProvider, Enabled: true}
	ok, err = s.portListener(&l, e.value, e.valuePos, true)
	if err != nil || !ok {
		return err
	}
	s.listen(l)
	return nil
}
