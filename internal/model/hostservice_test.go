package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHostService(t *testing.T) {
	flag := HostService{Name: "statsd", Port: 8125, Proto: ProtoUDP, Origin: "--host-service"}
	file := HostService{Name: "exporters", Port: 9100, PortEnd: 9110, Proto: ProtoTCP, Origin: ".wso2lint.yaml", Line: 4, Col: 11}
	if got, want := flag.String(), "statsd=8125/udp"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := file.String(), "exporters=9100-9110/tcp"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := flag.Declared(), "given with --host-service"; got != want {
		t.Errorf("Declared() = %q, want %q", got, want)
	}
	if got, want := file.Declared(), "declared in .wso2lint.yaml:4:11"; got != want {
		t.Errorf("Declared() = %q, want %q", got, want)
	}
	want := Listener{ID: "exporters", Base: 9100, BaseEnd: 9110, Configured: "9100", Proto: ProtoTCP, Dir: DirIn,
		Enabled: true, Note: "host service declared in .wso2lint.yaml:4:11"}
	l := file.Listener()
	if diff := cmp.Diff(want, l); diff != "" {
		t.Errorf("Listener() mismatch (-want +got):\n%s", diff)
	}
	if !l.Contains(9105) || l.Contains(9111) || l.Offsetable {
		t.Errorf("Listener() = %+v: want the range 9100-9110, not offsettable", l)
	}
}
