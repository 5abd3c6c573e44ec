package live

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// MaxTableSize caps one socket table or saved ss output: a busy host lists
// some 10^5 sockets in a few megabytes.
const MaxTableSize = 64 << 20

// procTables are the kernel's socket tables under /proc/net, with the
// protocol of each.
var procTables = [...]struct {
	name  string
	proto model.Protocol
}{
	{"tcp", model.ProtoTCP},
	{"tcp6", model.ProtoTCP},
	{"udp", model.ProtoUDP},
	{"udp6", model.ProtoUDP},
}

// Kernel socket states of /proc/net/tcp: TCP_LISTEN; for UDP, TCP_CLOSE is
// a bound socket that is not connected (a server).
const (
	stateListen = 0x0A
	stateClose  = 0x07
)

// ReadProc reads the listening TCP and bound UDP sockets of the network
// namespace of the calling process from root ("/proc"), and the process of
// each socket where root/PID/fd can be read. A missing table (no IPv6) is
// skipped; any other read error, or a line that does not parse, is an error.
func ReadProc(root string) (model.Live, error) {
	live := model.Live{Source: root}
	var inodes []uint64
	for _, t := range procTables {
		name := filepath.Join(root, "net", t.name)
		data, err := readCapped(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return live, err
		}
		socks, ino, err := parseProcNet(name, data, t.proto)
		if err != nil {
			return live, err
		}
		live.Sockets = append(live.Sockets, socks...)
		inodes = append(inodes, ino...)
	}
	owners := socketOwners(root)
	for i := range live.Sockets {
		if o, ok := owners[inodes[i]]; ok {
			live.Sockets[i].PID, live.Sockets[i].Process = o.pid, o.comm
		}
	}
	return live, nil
}

// readCapped reads a file of at most MaxTableSize bytes. /proc files have no
// size, so the limit is checked on what is read.
func readCapped(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxTableSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(data) > MaxTableSize {
		return nil, fmt.Errorf("%s: larger than %d MiB", name, MaxTableSize>>20)
	}
	return data, nil
}

// ParseProcNet parses a kernel socket table (the text of /proc/net/tcp,
// tcp6, udp or udp6) named name and returns its listening TCP sockets or
// bound UDP sockets, without processes.
func ParseProcNet(name string, data []byte, proto model.Protocol) ([]model.Socket, error) {
	socks, _, err := parseProcNet(name, data, proto)
	return socks, err
}

func parseProcNet(name string, data []byte, proto model.Protocol) ([]model.Socket, []uint64, error) {
	var socks []model.Socket
	var inodes []uint64
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		f := strings.Fields(line)
		if len(f) == 0 || (i == 0 && f[0] == "sl") {
			continue
		}
		bad := func(what string) ([]model.Socket, []uint64, error) {
			return nil, nil, fmt.Errorf("%s:%d: %s in socket table line %q", name, i+1, what, clip(line))
		}
		if len(f) < 10 {
			return bad("too few fields")
		}
		addr, port, err := hexAddrPort(f[1])
		if err != nil {
			return bad("bad local address")
		}
		_, rport, err := hexAddrPort(f[2])
		if err != nil {
			return bad("bad remote address")
		}
		st, err := strconv.ParseUint(f[3], 16, 8)
		if err != nil {
			return bad("bad state")
		}
		ino, err := strconv.ParseUint(f[9], 10, 64)
		if err != nil {
			return bad("bad inode")
		}
		switch {
		case proto == model.ProtoTCP && st == stateListen:
		case proto == model.ProtoUDP && st == stateClose && rport == 0:
		default:
			continue
		}
		socks = append(socks, model.Socket{Proto: proto, Addr: model.IPOf(addr), Port: model.Port(port),
			Pos: model.Pos{File: name, Line: i + 1, Col: 1}})
		inodes = append(inodes, ino)
	}
	return socks, inodes, nil
}

// hexAddrPort decodes "0100007F:1F90" (IPv4) or 32 hex digits and a port
// (IPv6): each 32-bit word of the address in the kernel's byte order, which
// is little-endian on the hosts wso2lint runs on.
func hexAddrPort(s string) (netip.Addr, uint16, error) {
	a, p, ok := strings.Cut(s, ":")
	if !ok {
		return netip.Addr{}, 0, errors.New("no port")
	}
	port, err := strconv.ParseUint(p, 16, 16)
	if err != nil {
		return netip.Addr{}, 0, err
	}
	raw, err := hex.DecodeString(a)
	if err != nil {
		return netip.Addr{}, 0, err
	}
	switch len(raw) {
	case 4:
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], binary.LittleEndian.Uint32(raw))
		return netip.AddrFrom4(b), uint16(port), nil
	case 16:
		var b [16]byte
		for w := 0; w < 4; w++ {
			binary.BigEndian.PutUint32(b[4*w:], binary.LittleEndian.Uint32(raw[4*w:]))
		}
		return netip.AddrFrom16(b).Unmap(), uint16(port), nil
	}
	return netip.Addr{}, 0, errors.New("address length")
}

// owner is the process holding a socket.
type owner struct {
	pid  int
	comm string
}

// socketOwners maps socket inodes to the processes holding them, from
// root/PID/fd; processes that cannot be read (another user's, gone) are
// skipped.
func socketOwners(root string) map[uint64]owner {
	out := map[uint64]owner{}
	ents, err := os.ReadDir(root)
	if err != nil {
		return out
	}
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid <= 0 {
			continue
		}
		fds, err := os.ReadDir(filepath.Join(root, e.Name(), "fd"))
		if err != nil {
			continue
		}
		comm := ""
		if b, err := os.ReadFile(filepath.Join(root, e.Name(), "comm")); err == nil {
			comm = strings.TrimSpace(string(b))
		}
		for _, fd := range fds {
			link, err := os.Readlink(filepath.Join(root, e.Name(), "fd", fd.Name()))
			if err != nil {
				continue
			}
			if rest, ok := strings.CutPrefix(link, "socket:["); ok {
				if ino, err := strconv.ParseUint(strings.TrimSuffix(rest, "]"), 10, 64); err == nil {
					if _, seen := out[ino]; !seen {
						out[ino] = owner{pid: pid, comm: comm}
					}
				}
			}
		}
	}
	return out
}

// clip shortens a line for an error message.
func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}
