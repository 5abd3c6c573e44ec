package live

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// sockText renders sockets compactly for the table's want lists.
func sockText(ss []model.Socket) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s %s:%d pid=%d %s line=%d", s.Proto, s.Addr, s.Port, s.PID, s.Process, s.Pos.Line))
	}
	return out
}

func TestParseProcNet(t *testing.T) {
	tcp := `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:24E3 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0000000000000000 100 0 0 10 0
   1: 0100007F:2623 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1002 1 0000000000000000 100 0 0 10 0
   2: 0100007F:A2C4 0100007F:24E3 01 00000000:00000000 00:00000000 00000000     0        0 1003 1 0000000000000000 20 4 30 10 -1
`
	tcp6 := `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:270F 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2001 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2002 1 0000000000000000 100 0 0 10 0
   2: 0000000000000000FFFF00000100007F:2B67 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2003 1 0000000000000000 100 0 0 10 0
`
	udp := `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
  10: 00000000:7A95 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 3001 2 0000000000000000 0
  11: 0100007F:0035 0100007F:1234 07 00000000:00000000 00:00000000 00000000     0        0 3002 2 0000000000000000 0
`
	tests := []struct {
		name  string
		data  string
		proto model.Protocol
		want  []string
	}{
		{"tcp: listening only", tcp, model.ProtoTCP, []string{"tcp 0.0.0.0:9443 pid=0  line=2", "tcp 127.0.0.1:9763 pid=0  line=3"}},
		{"tcp6: any, ::1 and v4-mapped", tcp6, model.ProtoTCP, []string{"tcp :::9999 pid=0  line=2", "tcp ::1:8080 pid=0  line=3", "tcp 127.0.0.1:11111 pid=0  line=4"}},
		{"udp: unconnected only", udp, model.ProtoUDP, []string{"udp 0.0.0.0:31381 pid=0  line=2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseProcNet("/proc/net/x", []byte(tt.data), tt.proto)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, sockText(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{"   0: 0000000:24E3 00000000:0000 0A 0 0 0 0 0 1 1", "   0: 00000000:24E3 00000000:0000 ZZ 0 0 0 0 0 1", "   0: 00000000:24E3"} {
		_, err := ParseProcNet("/proc/net/tcp", []byte("sl local\n"+bad+"\n"), model.ProtoTCP)
		if err == nil || !strings.HasPrefix(err.Error(), "/proc/net/tcp:2: ") {
			t.Errorf("ParseProcNet(%q) = %v, want an error naming /proc/net/tcp:2", bad, err)
		}
	}
}

func TestParseSS(t *testing.T) {
	full := `Netid State  Recv-Q Send-Q          Local Address:Port   Peer Address:Port Process
udp   UNCONN 0      0           127.0.0.53%lo:53          0.0.0.0:*     users:(("systemd-resolve",pid=612,fd=13))
tcp   LISTEN 0      4096              0.0.0.0:9443        0.0.0.0:*     users:(("java",pid=4242,fd=300),("java",pid=4243,fd=7))
tcp   LISTEN 0      50                   [::]:9999           [::]:*     users:(("java",pid=4242,fd=310))
tcp   LISTEN 0      50                      *:9763              *:*
tcp   LISTEN 0      50     [::ffff:127.0.0.1]:8243              *:*     users:(("java",pid=4242,fd=330))
tcp   ESTAB  0      0               10.0.0.5:22          10.0.0.9:5123
u_str LISTEN 0      4096  /run/systemd/private 13321            * 0
`
	noNetid := `State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process
LISTEN 0      128          0.0.0.0:22        0.0.0.0:*
UNCONN 0      0   [fe80::1]%eth0:123           [::]:*
`
	tests := []struct {
		name, data string
		want       []string
	}{
		{"ss -ltnup", full, []string{
			"udp 127.0.0.53:53 pid=612 systemd-resolve line=2",
			"tcp 0.0.0.0:9443 pid=4242 java line=3",
			"tcp :::9999 pid=4242 java line=4",
			"tcp :::9763 pid=0  line=5",
			"tcp 127.0.0.1:8243 pid=4242 java line=6",
		}},
		{"ss -ltn and -lun without Netid", noNetid, []string{"tcp 0.0.0.0:22 pid=0  line=2", "udp fe80::1:123 pid=0  line=3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSS("ss.txt", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, sockText(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{
		"tcp LISTEN 0 50 0.0.0.0:https 0.0.0.0:*",
		"tcp LISTEN 0 50 nowhere:9443 0.0.0.0:*",
		"banana LISTEN 0 50 0.0.0.0:9443 0.0.0.0:*",
		"tcp LISTEN 0",
	} {
		_, err := ParseSS("ss.txt", []byte("Netid State\n"+bad+"\n"))
		if err == nil || !strings.HasPrefix(err.Error(), "ss.txt:2: ") {
			t.Errorf("ParseSS(%q) = %v, want an error naming ss.txt:2", bad, err)
		}
	}
}

// TestReadProcFindsOwnListener opens a listener in this process and finds it,
// with this process as its owner, in the kernel's tables.
func TestReadProcFindsOwnListener(t *testing.T) {
	if _, err := os.Stat("/proc/net/tcp"); err != nil {
		t.Skip("no /proc/net/tcp on this system")
	}
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := model.Port(ln.Addr().(*net.TCPAddr).Port)
	live, err := ReadProc("/proc")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range live.Sockets {
		if s.Port == port && s.Proto == model.ProtoTCP {
			if s.Addr.String() != "127.0.0.1" || s.PID != os.Getpid() {
				t.Errorf("own listener read as %+v; want 127.0.0.1 and pid %d", s, os.Getpid())
			}
			return
		}
	}
	t.Errorf("own listener on 127.0.0.1:%d not found in /proc/net/tcp", port)
}

func TestReadProcMissingTablesAndErrors(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "net"), 0o755)
	if live, err := ReadProc(root); err != nil || len(live.Sockets) != 0 {
		t.Errorf("empty /proc: %v, %v; want no sockets and no error", live.Sockets, err)
	}
	os.WriteFile(filepath.Join(root, "net", "tcp"), []byte("sl\n  0: junk\n"), 0o644)
	if _, err := ReadProc(root); err == nil || !strings.Contains(err.Error(), filepath.Join(root, "net", "tcp")+":2:") {
		t.Errorf("junk table: %v; want an error naming the file and line", err)
	}
}

func TestReadSSRefusesNonRegular(t *testing.T) {
	if _, err := ReadSS(t.TempDir()); err == nil {
		t.Error("ReadSS of a directory: no error")
	}
}
