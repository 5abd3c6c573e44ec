package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// stockAxis2 is the conf-relative axis2.xml, whose stock PassThrough
// listeners a mediation product's overlay still opens.
const stockAxis2 = "axis2/axis2.xml"

// passthruStock are the PassThrough HTTP and HTTPS listeners of a stock
// axis2.xml (8280/8243, clustering off).
func passthruStock() []stockListener {
	return []stockListener{
		{id: model.SvcPassthruHTTP, port: 8280, proto: model.ProtoTCP},
		{id: model.SvcPassthruHTTPS, port: 8243, proto: model.ProtoTCP},
	}
}

// stockFilesAM lists API Manager stock files beyond those of stockFiles:
// axis2.xml of product-apim v2.6.0 (modules/distribution/product/src/main/
// conf/axis2.xml, the corpus copy): PassThroughHttpListener 8280 and
// PassThroughHttpSSLListener 8243, clustering off. The docker-apim 2.6.0
// patterns mount no axis2.xml, yet publish 8280 and 8243.
func stockFilesAM() []stockFile {
	return []stockFile{
		{product: model.KeyAM, version: "2.6.0", profiles: []string{defaultProfile}, rel: stockAxis2, listeners: passthruStock()},
	}
}
