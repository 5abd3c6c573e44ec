package parse

import "github.com/wso2lint/wso2lint/internal/model"

// runtimePropListener maps a system property Carbon sets at start from a
// listener (connector or PassThrough port plus the offset) to that listener's ID.
func runtimePropListener(name string) (string, bool) {
	switch name {
	case "mgt.transport.https.port", "carbon.management.port":
		return model.SvcServletHTTPS, true
	case "mgt.transport.http.port":
		return model.SvcServletHTTP, true
	case "http.nio.port":
		return model.SvcPassthruHTTP, true
	case "https.nio.port":
		return model.SvcPassthruHTTPS, true
	}
	return "", false
}

// runtimeProp resolves a runtime system property such as
// ${mgt.transport.https.port} from the listeners the core steps recorded: the
// base port of the first enabled inbound listener that sets it, and whether the
// runtime adds the offset to it. ok is false for other names or when no such
// listener was recorded. Call it after the core readers (see readers.go) have run.
func (s *server) runtimeProp(name string) (port model.Port, offsetable bool, ok bool) {
	id, known := runtimePropListener(name)
	if !known {
		return 0, false, false
	}
	for _, l := range s.srv.Listeners {
		if l.ID == id && l.Dir == model.DirIn && l.Enabled {
			return l.Base, l.Offsetable, true
		}
	}
	return 0, false, false
}
