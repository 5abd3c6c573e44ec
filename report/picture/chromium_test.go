package picture

import (
	"bytes"
	"context"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// chromium runs headless Chromium on the page with the extra arguments and
// returns its standard output. The flags keep it off the network and away
// from the user's profile.
func chromium(t *testing.T, page string, extra ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--window-size=1280,800"}, extra...)
	args = append(args, (&url.URL{Scheme: "file", Path: page}).String())
	cmd := exec.CommandContext(ctx, "chromium", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(extra, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// TestChromium opens the HTML picture in a real headless Chromium: the
// screenshot of a 1280×800 window is that size and shows the picture (many
// colours, every class colour of the legend), and the DOM Chromium built holds
// every listener once, as a row showing its port.
func TestChromium(t *testing.T) {
	testenv.SkipShort(t, "headless Chromium")
	testenv.NeedCommands(t, "apt-get install chromium", "chromium")
	in := fixture(true)
	dir := t.TempDir()
	page := filepath.Join(dir, "ports.html")
	if err := os.WriteFile(page, render(t, "html", in), 0o644); err != nil {
		t.Fatal(err)
	}

	shot := filepath.Join(dir, "shot.png")
	chromium(t, page, "--screenshot="+shot, "--hide-scrollbars")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Errorf("screenshot is %dx%d, want 1280x800", b.Dx(), b.Dy())
	}
	colours := map[color.RGBA]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			colours[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	if len(colours) < 16 {
		t.Errorf("screenshot has %d distinct colours: blank or nearly so", len(colours))
	}
	for _, c := range build(in).Classes {
		want := hexColour(t, c.Colour)
		if colours[want] < 20 {
			t.Errorf("screenshot shows %d pixels of class %s's colour %s; want its swatches and markers", colours[want], c.Key, c.Colour)
		}
	}
	if white := colours[color.RGBA{255, 255, 255, 255}]; white > 1280*800*95/100 {
		t.Errorf("screenshot is %d%% white", white*100/(1280*800))
	}

	dom := string(chromium(t, page, "--dump-dom"))
	if !strings.Contains(dom, "</svg>") {
		t.Fatalf("Chromium's DOM has no SVG:\n%s", dom)
	}
	for _, id := range drawnIDs(in) {
		re := regexp.MustCompile(`<g class="row [^"]*" data-listener="` + regexp.QuoteMeta(id) + `"[^>]*>.*?<text[^>]*>([^<]*)</text>`)
		ms := re.FindAllStringSubmatch(dom, -1)
		if len(ms) != 1 {
			t.Errorf("listener %s: %d rows in Chromium's DOM, want 1", id, len(ms))
			continue
		}
		l := listenerOf(in, id)
		if !strings.Contains(ms[0][1], portText(l)) {
			t.Errorf("listener %s: row %q does not show port %s", id, ms[0][1], portText(l))
		}
	}
	if n, want := strings.Count(dom, `<path class="edge `), len(in.Links); n != want {
		t.Errorf("Chromium's DOM has %d connection arrows, want %d", n, want)
	}
}

func hexColour(t *testing.T, s string) color.RGBA {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		t.Fatalf("colour %q: want #rrggbb", s)
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

// listenerOf returns the listener a row ID ("l0-1-2") names.
func listenerOf(in Input, id string) model.Listener {
	var r model.ListenerRef
	parts := strings.Split(strings.TrimPrefix(id, "l"), "-")
	r.Home, _ = strconv.Atoi(parts[0])
	r.Server, _ = strconv.Atoi(parts[1])
	r.Listener, _ = strconv.Atoi(parts[2])
	return in.Homes[r.Home].Servers[r.Server].Listeners[r.Listener]
}
