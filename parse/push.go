package parse

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// appleRange is the address block Apple uses for APNs.
const appleRange = "17.0.0.0/8"

// readPush reads cdm-config.xml (EMM, IoT Server): the push-notification
// providers. For APNs the server connects out to 17.0.0.0/8 on 443 (HTTP/2 API;
// or on its alternative port 2197, so both are recorded) and, in EMM (the legacy binary
// interface, shut down by Apple in March 2021), on 2195 and 2196. For FCM/GCM it
// connects out on 443 to Google, which publishes no range (Host left empty). The
// ports the devices use are recorded as DirDevice listeners.
func readPush(s *server) error {
	f, ok, err := s.readXML("cdm-config.xml")
	if err != nil || !ok {
		return err
	}
	provs := f.doc.Root().FindElement("PushNotificationConfiguration/PushNotificationProviders")
	if provs == nil {
		return nil
	}
	legacy := pushLegacyAPNs(s)
	for _, p := range provs.SelectElements("Provider") {
		class := strings.ToLower(f.text(p))
		pos := f.textPos(p)
		switch {
		case strings.Contains(class, "apns"):
			out := func(id string, port model.Port, on bool, note string) {
				s.listen(model.Listener{ID: id, Base: port, Dir: model.DirOut, Host: appleRange, HostIsRange: true, Enabled: on, Source: pos, Note: note})
			}
			out(model.SvcPushAPNs, 443, true, "apns http/2 api")
			out(model.SvcPushAPNsAlt, 2197, true, "apns http/2 api alternative port")
			if legacy {
				out(model.SvcPushAPNsLegacy, 2195, true, "legacy apns binary interface, shut down by apple in march 2021")
				out(model.SvcPushAPNsFeedbck, 2196, true, "legacy apns feedback service, shut down by apple in march 2021")
			}
			s.listen(model.Listener{ID: model.SvcPushAPNsDevice, Base: 5223, Dir: model.DirDevice, Host: appleRange, HostIsRange: true, Enabled: true, Source: pos})
			s.listen(model.Listener{ID: model.SvcPushAPNsWiFi, Base: 443, Dir: model.DirDevice, Host: appleRange, HostIsRange: true, Enabled: true, Source: pos,
				Note: "devices fall back to 443 on wi-fi"})
		case strings.Contains(class, "fcm") || strings.Contains(class, "gcm"):
			s.listen(model.Listener{ID: model.SvcPushFCM, Base: 443, Dir: model.DirOut, Enabled: true, Source: pos,
				Note: "google publishes no address range: give the destination"})
			s.listen(model.Listener{ID: model.SvcPushFCMDevice, Base: 5228, BaseEnd: 5230, Dir: model.DirDevice, Enabled: true, Source: pos})
		}
	}
	return nil
}

// pushLegacyAPNs reports whether the server is an EMM server, whose APNs
// provider also uses Apple's legacy binary interface (2195, 2196); IoT Server
// uses the HTTP/2 API only. --product decides, then carbon.xml's ServerKey,
// then the distribution name, then the layout (IoT Server has wso2/<profile>).
func pushLegacyAPNs(s *server) bool {
	if p := s.h.opt.Product; p != "" {
		return p == model.KeyEMM
	}
	if k := serverKeyProduct(s.serverKey); k != "" {
		return k == model.KeyEMM
	}
	if hint, _ := dirHint(s.h.dir); hint == model.KeyEMM || hint == model.KeyIoT {
		return hint == model.KeyEMM
	}
	return !s.h.isDir("wso2")
}
