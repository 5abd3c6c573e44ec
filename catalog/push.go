package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// appleRange is the address block Apple assigns to its push service (APNs).
const appleRange = "17.0.0.0/8"

// pushEntries returns the push-notification ports of EMM and IoT Server: the
// ports devices use towards Google and Apple (DirDevice, rules for the network
// in front of the devices, not for the server host) and the connections the
// server itself opens to the push services.
func pushEntries() []Entry {
	const device = "used by the devices, not the server: a rule for the network in front of the devices"
	const google = "Google publishes no fixed address range; the seed's ASN 15169 is an autonomous system, not a CIDR, so the destination must be given"
	const legacy = "the legacy APNs binary interface, shut down by Apple in March 2021: a server still configured for it cannot deliver notifications"
	return []Entry{
		{
			Service: model.SvcPushFCMDevice, Port: 5228, PortEnd: 5230, Proto: model.ProtoTCP, Dir: model.DirDevice,
			Exposure: model.ExposureOutbound, Description: "Android devices to Google FCM (formerly GCM); mostly 5228",
			Note: device + "; " + google,
		},
		{
			Service: model.SvcPushAPNsDevice, Port: 5223, Proto: model.ProtoTCP, Dir: model.DirDevice, Dest: appleRange,
			Exposure: model.ExposureOutbound, Description: "iOS devices to Apple APNs",
			Note: device,
		},
		{
			Service: model.SvcPushAPNsWiFi, Port: 443, Proto: model.ProtoTCP, Dir: model.DirDevice, Dest: appleRange,
			Exposure: model.ExposureOutbound, Description: "iOS devices to APNs on Wi-Fi when 5223 is unreachable",
			Note: device,
		},
		{
			Service: model.SvcPushAPNs, Port: 443, Proto: model.ProtoTCP, Dir: model.DirOut, Dest: appleRange,
			Exposure: model.ExposureOutbound, Description: "server to the APNs HTTP/2 provider API",
			Note: "not in the seed, which predates the HTTP/2 API; only when iOS push notifications are configured",
		},
		{
			Service: model.SvcPushAPNsAlt, Port: 2197, Proto: model.ProtoTCP, Dir: model.DirOut, Dest: appleRange,
			Exposure: model.ExposureOutbound, Description: "server to the APNs HTTP/2 provider API, alternative port",
			Note: "not in the seed; only when iOS push notifications are configured",
		},
		{
			Service: model.SvcPushAPNsLegacy, Port: 2195, Proto: model.ProtoTCP, Dir: model.DirOut, Dest: appleRange,
			Exposure: model.ExposureOutbound, Description: "server sending notifications to APNs (binary interface)",
			Note: legacy,
		},
		{
			Service: model.SvcPushAPNsFeedbck, Port: 2196, Proto: model.ProtoTCP, Dir: model.DirOut, Dest: appleRange,
			Exposure: model.ExposureOutbound, Description: "server polling the APNs feedback service",
			Note: legacy,
		},
		{
			Service: model.SvcPushFCM, Port: 443, Proto: model.ProtoTCP, Dir: model.DirOut,
			Exposure: model.ExposureOutbound, Description: "server sending notifications to Google FCM",
			Note: "not in the seed; only when Android push notifications are configured; " + google,
		},
	}
}
