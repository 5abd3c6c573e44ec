package model

// ProductKey names a WSO2 distribution: the distribution name without
// "wso2" ("am", "is", "ei", ...). The rows of package internal/product say
// what each key means; KeyCarbon stands for an unknown product (the common
// Carbon ports).
type ProductKey string

// Product keys, one per row of the product table (internal/product).
const (
	KeyAM            ProductKey = "am"              // API Manager
	KeyAMControl     ProductKey = "am-acp"          // API Control Plane (4.5+)
	KeyAMTraffic     ProductKey = "am-tm"           // API Traffic Manager (4.5+)
	KeyAMUniversalGW ProductKey = "am-universal-gw" // API Universal Gateway (4.5+)
	KeyBPS           ProductKey = "bps"             // Business Process Server
	KeyCarbon        ProductKey = "carbon"          // unknown: the common Carbon ports
	KeyCEP           ProductKey = "cep"             // Complex Event Processor
	KeyDAS           ProductKey = "das"             // Data Analytics Server
	KeyEI            ProductKey = "ei"              // Enterprise Integrator
	KeyELB           ProductKey = "elb"             // Elastic Load Balancer
	KeyEMM           ProductKey = "emm"             // Enterprise Mobility Manager
	KeyESB           ProductKey = "esb"             // Enterprise Service Bus
	KeyIoT           ProductKey = "iot"             // IoT Server
	KeyIS            ProductKey = "is"              // Identity Server
	KeyISKM          ProductKey = "is-km"           // Identity Server as Key Manager (API Manager 2.x-3.x key manager pack)
	KeyMB            ProductKey = "mb"              // Message Broker
	KeyMI            ProductKey = "mi"              // Micro Integrator
	KeyML            ProductKey = "ml"              // Machine Learner
	KeySS            ProductKey = "ss"              // Storage Server
)
