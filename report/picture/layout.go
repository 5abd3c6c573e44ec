package picture

import (
	"fmt"
	"unicode/utf8"
)

// Layout sizes, in SVG user units (CSS pixels at 100% zoom). The picture is
// at most maxWidth wide so that it fits a 1280-pixel window; hosts that do not
// fit wrap onto the next band.
const (
	margin     = 12
	maxWidth   = 1240
	colW       = 264 // one home: its servers stacked
	gapHome    = 28  // between homes of one host
	gapHost    = 44  // between hosts
	bandGap    = 28  // between bands of hosts
	hostPad    = 10
	hostLabelH = 22
	serverHdr  = 40
	serverGap  = 14
	groupHdr   = 19
	rowH       = 17
	groupGap   = 6
	// maxChars is how many characters of a row fit in a column at 12px
	// monospace; a longer row is cut with an ellipsis (the full text is
	// in its tooltip).
	maxChars = 33
	// maxTitle is the same for the 13px bold server title.
	maxTitle = 30
)

type hostBox struct {
	X, Y, W, H int
	Label      string
}

type serverBox struct {
	ID         string
	X, Y, W, H int
	Title, Sub string
	FullTitle  string
	Groups     []groupBox
}

type groupBox struct {
	Key, Label string
	X, Y       int // header baseline
	Rows       []rowBox
}

type rowBox struct {
	ID       string
	Key      string // class
	X, Y     int    // text baseline
	MarkX    int    // left of the colour marker
	MarkY    int    // top of the colour marker
	Port     string
	Host     string // destination of an outbound connection
	Line     string // the row as shown (cut to the column)
	Title    string
	Disabled bool
}

type edgePath struct {
	From, To, Match, Title string
	D                      string
}

type layout struct {
	Width, Height int
	Hosts         []hostBox
	Servers       []serverBox
	Edges         []edgePath
}

// cutLeft shortens s to n characters from the left, starting with an
// ellipsis when cut: a path keeps its last folders.
func cutLeft(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return "…" + string(r[len(r)-n+1:])
}

// cut shortens s to n characters, ending with an ellipsis when cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func serverHeight(s serverNode) int {
	h := serverHdr
	for _, gr := range s.Groups {
		h += groupHdr + len(gr.Rows)*rowH + groupGap
	}
	return h + 4
}

// lay places g: hosts left to right, each home of a host a column of its
// server boxes, wrapping to a new band when the next column would pass
// maxWidth; a host split by a wrap gets a frame in each band.
func lay(g graph) layout {
	var out layout
	type anchor struct{ left, right, y int }
	anchors := map[string]anchor{}
	x, bandY, bandBottom := margin, margin, margin
	width := 0
	for _, h := range g.Hosts {
		// Columns of this host: consecutive servers of one home.
		var cols [][]serverNode
		for i, s := range h.Servers {
			if i == 0 || h.Servers[i-1].Home != s.Home {
				cols = append(cols, nil)
			}
			cols[len(cols)-1] = append(cols[len(cols)-1], s)
		}
		segX, segBottom, open := x, 0, false
		closeSeg := func(endX int) {
			frame := hostBox{X: segX, Y: bandY, W: endX + hostPad - segX, H: segBottom + hostPad - bandY, Label: "host: " + h.Label}
			out.Hosts = append(out.Hosts, frame)
			bandBottom = max(bandBottom, frame.Y+frame.H)
			width = max(width, frame.X+frame.W)
		}
		lastEnd := x
		for _, col := range cols {
			colX := x + hostPad
			if open {
				colX = x + gapHome
			}
			if colX+colW+hostPad > maxWidth && (open || x > margin) {
				if open {
					closeSeg(lastEnd)
				}
				bandY, x = bandBottom+bandGap, margin
				segX, segBottom, open = x, 0, false
				colX = x + hostPad
			}
			open = true
			y := bandY + hostLabelH
			for _, s := range col {
				box := serverBox{ID: s.ID, X: colX, Y: y, W: colW, H: serverHeight(s),
					Title: cutLeft(s.Title, maxTitle), Sub: cut(s.Sub, maxChars+4), FullTitle: s.Title + " — " + s.Sub}
				cy := y + serverHdr
				for _, gr := range s.Groups {
					gb := groupBox{Key: gr.Class.Key, Label: gr.Class.Key, X: colX + 8, Y: cy + 13}
					cy += groupHdr
					for _, r := range gr.Rows {
						rb := rowBox{ID: r.ID, Key: gr.Class.Key, X: colX + 22, Y: cy + 12, MarkX: colX + 9, MarkY: cy + 3, Port: r.Port, Host: r.Host,
							Line: cut(r.shown(), maxChars), Title: r.Title, Disabled: r.Disabled}
						anchors[r.ID] = anchor{left: colX, right: colX + colW, y: cy + rowH/2}
						gb.Rows = append(gb.Rows, rb)
						cy += rowH
					}
					cy += groupGap
					box.Groups = append(box.Groups, gb)
				}
				out.Servers = append(out.Servers, box)
				y += box.H + serverGap
			}
			segBottom = max(segBottom, y-serverGap)
			lastEnd = colX + colW
			x = lastEnd
		}
		if open {
			closeSeg(lastEnd)
		}
		x = lastEnd + hostPad + gapHost
	}
	for _, e := range g.Edges {
		a, b := anchors[e.From], anchors[e.To]
		var d string
		switch {
		case a.left == b.left: // same column: a loop on the right
			bend := a.right + 36
			d = fmt.Sprintf("M%d %d C%d %d, %d %d, %d %d", a.right, a.y, bend, a.y, bend, b.y, a.right+2, b.y)
		case b.left > a.left: // to the right
			dx := max(40, (b.left-a.right)/2)
			d = fmt.Sprintf("M%d %d C%d %d, %d %d, %d %d", a.right, a.y, a.right+dx, a.y, b.left-dx, b.y, b.left-2, b.y)
		default: // to the left
			dx := max(40, (a.left-b.right)/2)
			d = fmt.Sprintf("M%d %d C%d %d, %d %d, %d %d", a.left, a.y, a.left-dx, a.y, b.right+dx, b.y, b.right+2, b.y)
		}
		out.Edges = append(out.Edges, edgePath{From: e.From, To: e.To, Match: e.Match, Title: e.Title, D: d})
	}
	out.Width = max(width+margin+40, 320) // room for a loop on the right
	out.Height = bandBottom + margin
	return out
}
