package report

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// The hand-made JSON writers must write exactly what encoding/json writes for
// the structs below (the writers' former implementation, kept here as the
// oracle) with SetIndent("", "  ") and SetEscapeHTML(false).

type oraclePorts struct {
	Homes []oracleHome `json:"homes"`
}

type oracleHome struct {
	Path         string         `json:"path"`
	Product      string         `json:"product"`
	Version      string         `json:"version"`
	ProductGuess string         `json:"product_guess,omitempty"`
	Servers      []oracleServer `json:"servers"`
}

type oracleServer struct {
	Profile      string           `json:"profile"`
	Offset       int              `json:"offset"`
	OffsetOrigin string           `json:"offset_origin"`
	OffsetSource *oracleSource    `json:"offset_source,omitempty"`
	Listeners    []oracleListener `json:"listeners"`
}

type oracleListener struct {
	Service       string       `json:"service"`
	Port          int          `json:"port"`
	PortEnd       int          `json:"port_end,omitempty"`
	Protocol      string       `json:"protocol"`
	Direction     string       `json:"direction"`
	Enabled       bool         `json:"enabled"`
	OffsetApplied bool         `json:"offset_applied"`
	Offset        int          `json:"offset"`
	Configured    string       `json:"configured"`
	Bind          string       `json:"bind,omitempty"`
	Host          string       `json:"host,omitempty"`
	Exposure      string       `json:"exposure"`
	Origin        string       `json:"origin"`
	Source        oracleSource `json:"source"`
}

type oracleSource struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

type oracleFindings struct {
	Findings []oracleFinding `json:"findings"`
}

type oracleFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Home     string `json:"home"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Host     string `json:"host,omitempty"`
}

func oracleEncode(t testing.TB, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func oraclePortsJSON(t testing.TB, homes []*model.Home, all bool) []byte {
	out := oraclePorts{Homes: []oracleHome{}}
	for _, h := range homes {
		hj := oracleHome{Path: h.Dir, Product: string(h.Product.Key), Version: h.Product.Version, ProductGuess: productGuess(h), Servers: []oracleServer{}}
		for _, s := range h.Servers {
			sj := oracleServer{Profile: s.Profile, Offset: s.Offset.Value, OffsetOrigin: s.Offset.Origin, Listeners: []oracleListener{}}
			if s.Offset.Pos.File != "" {
				sj.OffsetSource = &oracleSource{File: s.Offset.Pos.File, Line: s.Offset.Pos.Line, Column: s.Offset.Pos.Col}
			}
			for _, l := range s.Listeners {
				if !l.Enabled && !all {
					continue
				}
				sj.Listeners = append(sj.Listeners, oracleListener{
					Service: l.ID, Port: int(l.Port()), PortEnd: int(l.PortEnd()), Protocol: l.Proto.String(),
					Direction: l.Dir.String(), Enabled: l.Enabled, OffsetApplied: l.Offsetable, Offset: l.Offset,
					Configured: l.Configured, Bind: l.Bind, Host: l.Host, Exposure: l.Exposure.String(),
					Origin: l.Origin.String(), Source: oracleSource{File: l.Source.File, Line: l.Source.Line, Column: l.Source.Col},
				})
			}
			hj.Servers = append(hj.Servers, sj)
		}
		out.Homes = append(out.Homes, hj)
	}
	return oracleEncode(t, out)
}

func oracleFindingsJSON(t testing.TB, findings []model.Finding) []byte {
	r := oracleFindings{Findings: make([]oracleFinding, 0, len(findings))}
	for _, f := range findings {
		r.Findings = append(r.Findings, oracleFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Home: f.Home,
			File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Col, Host: f.Host,
		})
	}
	return oracleEncode(t, r)
}

// jsonPieces are the parts random strings are made of: every class of byte
// encoding/json treats apart (control characters, '"', '\\', HTML's <>&,
// DEL, multi-byte runes, U+2028 and U+2029, invalid and cut UTF-8).
var jsonPieces = []string{
	"", "a", "wso2am-2.6.0", "repository/conf/carbon.xml", " ", `"`, `\`, "/", "<", ">", "&", "'",
	"\x00", "\x01", "\b", "\t", "\n", "\f", "\r", "\x1b", "\x1f", "\x7f",
	"é", "€", "😀", "\u2028", "\u2029", "\u2027", "\u202a", "\ufffd", "\ufeff",
	"\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf",
}

// randString joins up to 6 random pieces.
func randString(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(7) {
		b.WriteString(jsonPieces[r.IntN(len(jsonPieces))])
	}
	return b.String()
}

// randInt is 0 about a third of the time (omitempty), else any sign and size.
func randInt(r *rand.Rand) int {
	switch r.IntN(3) {
	case 0:
		return 0
	case 1:
		return r.IntN(70000)
	}
	return int(r.Int64()) >> r.IntN(64)
}

func randPos(r *rand.Rand) model.Pos {
	return model.Pos{File: randString(r), Line: randInt(r), Col: randInt(r), Path: randString(r)}
}

// randHomes makes up to 4 homes of up to 3 servers of up to 5 listeners, with
// random strings, numbers and enum values (invalid ones included).
func randHomes(r *rand.Rand) []*model.Home {
	homes := make([]*model.Home, r.IntN(5))
	for i := range homes {
		h := &model.Home{Dir: randString(r), Product: model.Product{Key: model.ProductKey(randString(r)), Version: randString(r)}}
		if r.IntN(2) == 0 {
			h.ProductGuess = &model.ProductGuess{Reason: randString(r)}
		}
		for range r.IntN(4) {
			s := model.Server{Profile: randString(r), Offset: model.Offset{Value: randInt(r), Origin: randString(r)}}
			if r.IntN(2) == 0 {
				s.Offset.Pos = randPos(r)
			}
			for range r.IntN(6) {
				s.Listeners = append(s.Listeners, model.Listener{
					Origin: model.ListenerOrigin(r.IntN(3)), ID: randString(r),
					Base: model.Port(randInt(r) % 70000), BaseEnd: model.Port(randInt(r) % 70000),
					Configured: randString(r), Offsetable: r.IntN(2) == 0, Offset: randInt(r) % 3000,
					Proto: model.Protocol(r.IntN(4)), Dir: model.Direction(r.IntN(5)), Enabled: r.IntN(3) > 0,
					Bind: randString(r), Host: randString(r), Exposure: model.Exposure(r.IntN(8)),
					Source: randPos(r),
				})
			}
			h.Servers = append(h.Servers, s)
		}
		homes[i] = h
	}
	return homes
}

func randFindings(r *rand.Rand) []model.Finding {
	fs := make([]model.Finding, r.IntN(6))
	for i := range fs {
		fs[i] = model.Finding{Rule: randString(r), Severity: model.Severity(r.IntN(5)), Message: randString(r),
			Home: randString(r), Pos: randPos(r), Host: randString(r)}
	}
	return fs
}

// seeded is a random source made from fuzz input.
func seeded(data []byte) *rand.Rand {
	var seed [32]byte
	copy(seed[:], data)
	return rand.New(rand.NewChaCha8(seed))
}

func TestAppendJSONStringPieces(t *testing.T) {
	for _, a := range jsonPieces {
		for _, b := range jsonPieces {
			s := a + b + a
			want := oracleEncode(t, s)
			got := append(appendJSONString(nil, s), '\n')
			if !bytes.Equal(got, want) {
				t.Errorf("appendJSONString(%q) = %s, encoding/json: %s", s, got, want)
			}
		}
	}
	// Every single byte, and every rune around the ones escaped.
	for c := range 256 {
		s := string([]byte{byte(c)})
		if got, want := append(appendJSONString(nil, s), '\n'), oracleEncode(t, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, encoding/json: %s", s, got, want)
		}
	}
	for c := rune(0x2000); c < 0x2100; c++ {
		s := string(c)
		if got, want := append(appendJSONString(nil, s), '\n'), oracleEncode(t, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, encoding/json: %s", s, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, p := range jsonPieces {
		f.Add(p + "x" + p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := append(appendJSONString(nil, s), '\n'), oracleEncode(t, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, encoding/json: %s", s, got, want)
		}
	})
}

func checkPortsJSON(t *testing.T, homes []*model.Home, all bool) {
	t.Helper()
	var b bytes.Buffer
	if err := writePortsJSON(&b, homes, PortsOptions{All: all}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(oraclePortsJSON(t, homes, all)), b.String()); diff != "" {
		t.Fatalf("ports json differs from encoding/json (-want +got):\n%s", diff)
	}
}

func checkFindingsJSON(t *testing.T, findings []model.Finding) {
	t.Helper()
	var b bytes.Buffer
	if err := writeFindingsJSON(&b, findings); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(oracleFindingsJSON(t, findings)), b.String()); diff != "" {
		t.Fatalf("findings json differs from encoding/json (-want +got):\n%s", diff)
	}
}

func TestPortsJSONMatchesEncodingJSON(t *testing.T) {
	checkPortsJSON(t, nil, false)
	checkPortsJSON(t, []*model.Home{{Servers: []model.Server{{}}}}, true)
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		checkPortsJSON(t, randHomes(r), r.IntN(2) == 0)
	}
}

func TestFindingsJSONMatchesEncodingJSON(t *testing.T) {
	checkFindingsJSON(t, nil)
	checkFindingsJSON(t, []model.Finding{{}})
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		checkFindingsJSON(t, randFindings(r))
	}
}

func FuzzPortsJSON(f *testing.F) {
	for i := range uint64(8) {
		f.Add(binary.LittleEndian.AppendUint64(nil, i))
	}
	f.Fuzz(func(t *testing.T, seed []byte) {
		r := seeded(seed)
		checkPortsJSON(t, randHomes(r), r.IntN(2) == 0)
	})
}

func FuzzFindingsJSON(f *testing.F) {
	for i := range uint64(8) {
		f.Add(binary.LittleEndian.AppendUint64(nil, i))
	}
	f.Fuzz(func(t *testing.T, seed []byte) {
		checkFindingsJSON(t, randFindings(seeded(seed)))
	})
}

// TestPortsJSONLarge checks a document much larger than the writer's flush
// size, so that it is written in many pieces.
func TestPortsJSONLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var homes []*model.Home
	for len(homes) < 3000 {
		homes = append(homes, randHomes(r)...)
	}
	var b bytes.Buffer
	if err := writePortsJSON(&b, homes, PortsOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	if b.Len() < 4*jsonFlushSize {
		t.Fatalf("document of %d bytes: want several flushes", b.Len())
	}
	checkPortsJSON(t, homes, true)
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

var errFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestJSONWriterError checks that an error of the writer, at the first
// write or a later one, is returned.
func TestJSONWriterError(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var homes []*model.Home
	for len(homes) < 3000 {
		homes = append(homes, randHomes(r)...)
	}
	for _, n := range []int{0, 10, jsonFlushSize + 10, 5 * jsonFlushSize} {
		if err := writePortsJSON(&failingWriter{n: n}, homes, PortsOptions{All: true}); !errors.Is(err, errFull) {
			t.Errorf("ports json, writer failing after %d bytes: error %v, want %v", n, err, errFull)
		}
	}
	if err := writeFindingsJSON(&failingWriter{}, []model.Finding{{}}); !errors.Is(err, errFull) {
		t.Errorf("findings json, failing writer: error %v, want %v", err, errFull)
	}
	if err := writePortsJSON(io.Discard, homes, PortsOptions{}); err != nil {
		t.Errorf("ports json to io.Discard: %v", err)
	}
}

// countingWriter counts the Write calls and the largest piece.
type countingWriter struct{ calls, largest int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.calls++
	w.largest = max(w.largest, len(p))
	return len(p), nil
}
