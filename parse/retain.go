package parse

import (
	"slices"
	"unique"

	"github.com/wso2lint/wso2lint/internal/model"
)

// detach makes the home keep nothing of what reading it needed: its strings
// are copied out of the file contents they were cut from (see keep) (a host or port
// value cut from a 15 KB properties file kept all of it alive), and its
// slices lose the spare capacity that appending left. A run over a thousand
// homes holds every home until the output is written, so what each keeps is
// what the run needs (issue 15 items 2 and 5).
func detach(h *model.Home) {
	for i := range h.Servers {
		s := &h.Servers[i]
		s.Offsets = clip(s.Offsets)
		for j := range s.Offsets {
			o := &s.Offsets[j]
			o.Text = keep(o.Text)
			detachPos(&o.Pos)
		}
		s.Listeners = clip(s.Listeners)
		for j := range s.Listeners {
			l := &s.Listeners[j]
			l.ID, l.Configured, l.Bind = keep(l.ID), keep(l.Configured), keep(l.Bind)
			l.Host, l.Note = keep(l.Host), keep(l.Note)
			detachPos(&l.Source)
		}
		s.Settings = clip(s.Settings)
		for j := range s.Settings {
			st := &s.Settings[j]
			st.Key, st.Value = keep(st.Key), keep(st.Value)
			detachPos(&st.Pos)
		}
		s.Unresolved = clip(s.Unresolved)
		for j := range s.Unresolved {
			r := &s.Unresolved[j]
			r.Expr = keep(r.Expr)
			detachPos(&r.Pos)
		}
		s.Runtime = clip(s.Runtime)
		for j := range s.Runtime {
			r := &s.Runtime[j]
			r.Name, r.Expr = keep(r.Name), keep(r.Expr)
			detachPos(&r.Pos)
		}
	}
	h.Servers = clip(h.Servers)
	h.Ignores = clip(h.Ignores)
	for i := range h.Ignores {
		g := &h.Ignores[i]
		g.Reason, g.Path = keep(g.Reason), keep(g.Path)
		for j := range g.Rules {
			g.Rules[j] = keep(g.Rules[j])
		}
		detachPos(&g.Pos)
	}
	h.Files = clip(h.Files)
}

// keep returns s as a string of its own, the same one for equal strings of
// every home (unique.Make clones s the first time): a host, a setting value
// or a port cut from a file no longer keeps the file alive, and a thousand
// homes of one configuration share their strings.
func keep(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}

// detachPos copies the element path or key of a position out of its file.
func detachPos(p *model.Pos) { p.Path = keep(p.Path) }

// clip returns s in an array of its own length (an empty s keeps being nil
// or not): the array that appending grew, up to twice as large, is left to
// the collector.
func clip[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return s[:0:0]
	}
	if cap(s) == len(s) {
		return s
	}
	return slices.Clone(s)
}
