package catalog

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

// writeFixture is a small set of entries that exercises every column: a range,
// a destination, a profile, empty fields, and characters Markdown must escape.
func writeFixture() []Entry {
	return []Entry{
		{
			Product: "carbon", Service: model.SvcSyslog, Port: 514, Proto: model.ProtoUDP, Dir: model.DirOut,
			Exposure: model.ExposureOutbound, File: "log4j.properties", Location: "log4j.appender.<name>.SyslogHost",
			Description: "syslog <outbound>", Note: "a | b",
		},
		{
			Product: "carbon", Service: model.SvcServletHTTPS, Port: 9443, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@scheme=\"https\"]/@port",
			Description: "console",
		},
		{
			Product: "ei", Profile: "broker", Service: model.SvcMQTTSSL, Port: 8886, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true, File: "broker.xml",
			Description: "mqtt over tls", Note: "the seed says 8836",
		},
		{
			Product: "iot", Service: model.SvcPushFCMDevice, Port: 5228, PortEnd: 5230, Proto: model.ProtoTCP, Dir: model.DirDevice,
			Exposure: model.ExposureOutbound, Description: "devices to fcm",
		},
		{
			Product: "emm", Service: model.SvcPushAPNsLegacy, Port: 2195, Proto: model.ProtoTCP, Dir: model.DirOut, Dest: "17.0.0.0/8",
			Exposure: model.ExposureOutbound, Description: "apns binary",
		},
		{
			Product: "x-unknown", Service: "svc`tick", Port: 1, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureLocal, Location: "only/location",
		},
	}
}

func TestWriteGolden(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, writeFixture(), format); err != nil {
				t.Fatalf("Write %s: %v", format, err)
			}
			checkGolden(t, filepath.Join("testdata", "write."+format+".golden"), buf.Bytes())
		})
	}
}

func TestWriteJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, writeFixture()[3:4], "json"); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Entries []map[string]any `json:"entries"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("json output does not parse: %v", err)
	}
	want := []map[string]any{{
		"product": "iot", "service": "push-fcm-device", "port": 5228.0, "port_end": 5230.0, "proto": "tcp",
		"dir": "device", "exposure": "outbound", "offset": false, "default_on": false, "description": "devices to fcm",
	}}
	if diff := cmp.Diff(want, doc.Entries); diff != "" {
		t.Errorf("json entries mismatch (-want +got):\n%s", diff)
	}

	buf.Reset()
	if err := Write(&buf, nil, "json"); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(strings.Fields(buf.String()), ""); got != `{"entries":[]}` {
		t.Errorf("json of no entries = %q, want an empty list", got)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, writeFixture(), "yaml")
	if err == nil || !strings.Contains(err.Error(), `"yaml"`) {
		t.Errorf("Write yaml error = %v, want an unknown format error", err)
	}
	if buf.Len() != 0 {
		t.Errorf("Write yaml wrote %q", buf.String())
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteError(t *testing.T) {
	full, err := Select("", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range Formats() {
		if err := Write(failWriter{}, All(), format); err == nil {
			t.Errorf("Write %s to a failing writer returned nil", format)
		}
		if err := WriteListing(failWriter{}, Listing{Toml: full.Toml}, format); err == nil {
			t.Errorf("WriteListing %s of toml rows to a failing writer returned nil", format)
		}
	}
}

// TestDocsPorts keeps docs/ports.md equal to the Markdown of the whole catalog.
func TestDocsPorts(t *testing.T) {
	l, err := Select("", "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteListing(&buf, l, "markdown"); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join(repoRoot(t), "docs", "ports.md"), buf.Bytes())
}
