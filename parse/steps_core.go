package parse

// coreSteps lists the parsers of the Carbon 4.4.x core files other than
// carbon.xml and the start script (readScript, script.go). readHazelcast runs
// after readAxis2: it overrides the clustering listeners axis2.xml recorded.
func coreSteps() []step {
	return []step{readCatalina, readAxis2, readHazelcast, readJMX, readLog4j}
}
