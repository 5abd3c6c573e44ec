package model

// Setting keys recorded by the product-file parsers (see settings.go for the rules).
const (
	// KeyAPIMThriftServer is api-manager.xml APIKeyValidator/EnableThriftServer.
	KeyAPIMThriftServer = "apim.APIKeyValidator.EnableThriftServer"
	// KeySparkMaster is spark-defaults.conf carbon.spark.master ("local", "spark://host:7077").
	KeySparkMaster = "spark.carbon.spark.master"
	// KeyInboundWSPortOffset is an inbound endpoint's ws.use.port.offset, one per endpoint.
	KeyInboundWSPortOffset = "inbound.ws.use.port.offset"
	// KeyCEPMode is the event-processor.xml mode that is enabled ("SingleNode", "HA", "Distributed").
	KeyCEPMode = "cep.mode"
)
