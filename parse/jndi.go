package parse

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// readJNDI reads jndi.properties (ESB, EI, BPS): the broker URLs of the JMS
// connection factories (connectionfactory.* AMQP URLs with a brokerlist) and
// java.naming.provider.url. They are outbound jms-broker peers; a literal port
// is not offset, which is how an integrator ends up dialling 5672 while the EI
// broker profile listens on 5675.
func readJNDI(s *server) error {
	f, ok, err := s.readProps(s.rel("jndi.properties"))
	if err != nil || !ok {
		return err
	}
	for _, e := range f.entries {
		switch {
		case strings.HasPrefix(e.key, "connectionfactory."):
			if err := s.peer(model.SvcJMSBroker, brokerList(e.value), e.valuePos, true); err != nil {
				return err
			}
		case e.key == "java.naming.provider.url":
			if err := s.peer(model.SvcJMSBroker, e.value, e.valuePos, true); err != nil {
				return err
			}
		}
	}
	return nil
}
