package parse

// readScript reads the start script (bin/wso2server.sh and .bat): -DportOffset,
// JMX remote, JDWP and other always-on JVM options.
func readScript(s *server) error { return nil }

// coreSteps lists the parsers of the Carbon 4.4.x core files other than
// carbon.xml and the start script.
func coreSteps() []step { return nil }
