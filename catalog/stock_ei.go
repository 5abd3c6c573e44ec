package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// stockFilesEI lists the Enterprise Integrator 6.4.0 stock files per
// profile; each profile's carbon.xml offset (broker 3, business-process 2,
// micro-integrator 10) is added by resolveStock like any offset. Sources
// (wso2/product-ei v6.4.0, the corpus copies where MANIFEST.tsv says
// rendered "yes" from product-ei):
//   - integrator: distribution/src/resources/tomcat/catalina-server.xml
//     (9443, 9763) and distribution/src/conf/axis2.xml (PassThrough
//     8280/8243; the corpus copy is the docker-ei rendering, whose receivers
//     are the stock ones);
//   - broker: distribution/src/broker/conf/tomcat/catalina-server.xml and the
//     broker.xml of the andes feature that p2-profile/broker-profile/pom.xml
//     installs (AMQP 5672/8672, MQTT 1883/8883, Thrift coordination 7611 when
//     clustered, as in carbon-business-messaging);
//   - business-process: distribution/src/business-process/conf/tomcat/
//     catalina-server.xml;
//   - micro-integrator: distribution/src/micro-integrator/conf/axis2.xml
//     (PassThrough 8280/8243) and distribution/src/resources/tomcat/
//     catalina-server.xml.
func stockFilesEI() []stockFile {
	const v = "6.4.0"
	integrator := []string{"integrator", defaultProfile}
	broker := []stockListener{
		{id: model.SvcAMQP, port: 5672, proto: model.ProtoTCP}, {id: model.SvcAMQPSSL, port: 8672, proto: model.ProtoTCP},
		{id: model.SvcMQTT, port: 1883, proto: model.ProtoTCP}, {id: model.SvcMQTTSSL, port: 8883, proto: model.ProtoTCP},
		{id: model.SvcAndesThrift, port: 7611, proto: model.ProtoTCP, clusterOnly: true},
	}
	return []stockFile{
		{product: model.KeyEI, version: v, profiles: integrator, rel: stockCatalina, servlet: true, listeners: servletStock()},
		{product: model.KeyEI, version: v, profiles: integrator, rel: stockAxis2, listeners: passthruStock()},
		{product: model.KeyEI, version: v, profiles: []string{"broker"}, rel: stockCatalina, servlet: true, listeners: servletStock()},
		{product: model.KeyEI, version: v, profiles: []string{"broker"}, rel: stockBroker, listeners: broker},
		{product: model.KeyEI, version: v, profiles: []string{"business-process"}, rel: stockCatalina, servlet: true, listeners: servletStock()},
		{product: model.KeyEI, version: v, profiles: []string{"micro-integrator"}, rel: stockCatalina, servlet: true, listeners: servletStock()},
		{product: model.KeyEI, version: v, profiles: []string{"micro-integrator"}, rel: stockAxis2, listeners: passthruStock()},
	}
}
