package live

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func FuzzParseSS(f *testing.F) {
	f.Add([]byte("Netid State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\ntcp LISTEN 0 50 [::]:9443 [::]:* users:((\"java\",pid=1,fd=2))\n"))
	f.Add([]byte("State Recv-Q Send-Q Local Address:Port Peer Address:Port\nUNCONN 0 0 [fe80::1]%eth0:123 [::]:*\n"))
	f.Add([]byte("tcp LISTEN 0 50 *:%:1 *:*\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		socks, err := ParseSS("ss.txt", data)
		if err != nil {
			return
		}
		for _, s := range socks {
			if !s.Port.Valid() || s.Pos.Line < 1 || (s.Proto != model.ProtoTCP && s.Proto != model.ProtoUDP) {
				t.Fatalf("accepted an invalid socket %+v", s)
			}
		}
	})
}

func FuzzParseProcNet(f *testing.F) {
	f.Add([]byte("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   0: 00000000:24E3 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0 100 0 0 10 0\n"), true)
	f.Add([]byte("   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 0:0 0:0 0 0 0 2002\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, tcp bool) {
		proto := model.ProtoUDP
		if tcp {
			proto = model.ProtoTCP
		}
		socks, err := ParseProcNet("/proc/net/tcp", data, proto)
		if err != nil {
			return
		}
		for _, s := range socks {
			if s.Port > model.MaxPort || !s.Addr.Addr().IsValid() || s.Proto != proto {
				t.Fatalf("accepted an invalid socket %+v", s)
			}
		}
	})
}
