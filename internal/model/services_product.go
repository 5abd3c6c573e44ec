package model

// Service IDs added for product listeners that neither services.go nor
// services_catalog.go names. The same rule holds: never rename one.
const (
	// SvcSiddhiStoreAPI is the Carbon 5 (EI analytics) siddhi.stores.query.api HTTP listener, 7070.
	SvcSiddhiStoreAPI = "siddhi-store-api"
	// SvcSiddhiStoreAPIS is the siddhi.stores.query.api HTTPS listener, 7443.
	SvcSiddhiStoreAPIS = "siddhi-store-api-https"
	// SvcCEPHAMember is the CEP HA mode management port between the two members, 10005.
	SvcCEPHAMember = "cep-ha-member"
	// SvcCEPPresentation is the CEP HA presentation (presenter node) port, 11000.
	SvcCEPPresentation = "cep-presentation"
	// SvcCassandraNative is the Cassandra native (CQL) transport, 9042.
	SvcCassandraNative = "cassandra-native"
)
