package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// bpsEntries returns the Business Process Server 3.x ports beyond the common
// ones.
func bpsEntries() []Entry {
	return []Entry{
		{
			Service: model.SvcJNDIProvider, Port: 2199, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureLocal, Offset: true, DefaultOn: true,
			File: "carbon.xml", Location: "Ports/JNDIProviderPort",
			Description: "RMI registry of the datasource JNDI provider",
			Note: "commented out in the kernel carbon.xml, which says it overrides the JNDI provider port of bps.xml and datasources.properties; " +
				"whether the offset applies when only bps.xml sets it is unverified",
		},
	}
}
