package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// stockFilesESB lists the Enterprise Service Bus 5.0.0 stock files (corpus
// copies from wso2/product-esb v5.0.0): modules/distribution/src/main/conf/
// axis2.xml (PassThrough 8280/8243, clustering off) and
// modules/distribution/src/main/resources/tomcat/catalina-server.xml (9443,
// 9763).
func stockFilesESB() []stockFile {
	def := []string{defaultProfile}
	return []stockFile{
		{product: model.KeyESB, version: "5.0.0", profiles: def, rel: stockAxis2, listeners: passthruStock()},
		{product: model.KeyESB, version: "5.0.0", profiles: def, rel: stockCatalina, servlet: true, listeners: servletStock()},
	}
}

// servletStock are the connectors of a stock catalina-server.xml.
func servletStock() []stockListener {
	return []stockListener{
		{id: model.SvcServletHTTPS, port: 9443, proto: model.ProtoTCP},
		{id: model.SvcServletHTTP, port: 9763, proto: model.ProtoTCP},
	}
}
