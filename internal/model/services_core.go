package model

// Service IDs added by the Carbon core parsers. The same rule holds as in
// services.go: never rename one.
const (
	// SvcHazelcastPeer is an outbound connection to a well-known Hazelcast member
	// (axis2.xml clustering members/member, hazelcast.xml tcp-ip member).
	SvcHazelcastPeer = "hazelcast-peer"
	// SvcJMSAppender is an outbound connection of a log4j JMS appender to its broker.
	SvcJMSAppender = "log4j-jms"
)
