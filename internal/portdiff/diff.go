package portdiff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Kind is what happened to a listener. The zero value is invalid.
type Kind uint8

// Kinds of change, in the order a report lists them.
const (
	KindInvalid Kind = iota
	// Added: only the new home opens it.
	Added
	// Removed: only the old home opens it.
	Removed
	// Changed: both open it, with another port, bind address or exposure.
	Changed
)

// String returns "added", "removed", "changed" or "invalid".
func (k Kind) String() string {
	switch k {
	case Added:
		return "added"
	case Removed:
		return "removed"
	case Changed:
		return "changed"
	}
	return "invalid"
}

// Change is one listener that differs.
type Change struct {
	Kind Kind
	// Server is the profile of the server the listener belongs to
	// ("default", "broker", ...).
	Server string
	// ID is the listener's service id and Proto its protocol.
	ID    string
	Proto model.Protocol
	// Old and New are the listener in each home; Old is nil for Added, New
	// for Removed.
	Old, New *model.Listener
	// Moved, Rebound and Exposure say what changed for Changed: the
	// effective port (or range), the bind address, the exposure class.
	Moved, Rebound, Exposure bool
}

// Result is the comparison of two homes.
type Result struct {
	// Changes lists the differences: by server, then service id, then the
	// port in the old home (the new one for Added).
	Changes []Change
	// Unchanged counts the listeners both homes open alike.
	Unchanged int
}

// Counts returns how many listeners were added, removed and changed.
func (r Result) Counts() (added, removed, changed int) {
	for _, c := range r.Changes {
		switch c.Kind {
		case Added:
			added++
		case Removed:
			removed++
		case Changed:
			changed++
		}
	}
	return added, removed, changed
}

// key matches a listener of one home with its counterpart in the other.
type key struct {
	server string
	id     string
	proto  model.Protocol
}

// Compare compares the enabled inbound listeners of two homes. Listeners
// match by server profile, service id and protocol; when each home has a
// single server, the profile is not compared (a product whose one server
// was renamed across versions still matches). Several listeners of one key
// pair up by equal effective port first, then in port order.
func Compare(old, new *model.Home) Result {
	single := len(old.Servers) == 1 && len(new.Servers) == 1
	a, b := listeners(old, single), listeners(new, single)
	var keys []key
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(x, y key) int {
		return cmp.Or(cmp.Compare(x.server, y.server), cmp.Compare(x.id, y.id), cmp.Compare(x.proto, y.proto))
	})
	var r Result
	for _, k := range keys {
		pairUp(k, a[k], b[k], &r)
	}
	return r
}

// entry is one listener with the profile of its server.
type entry struct {
	server string
	l      model.Listener
}

// listeners groups the enabled inbound listeners of h by key, each group in
// port order.
func listeners(h *model.Home, single bool) map[key][]entry {
	out := map[key][]entry{}
	for _, s := range h.Servers {
		k := key{server: s.Profile}
		if single {
			k.server = ""
		}
		for _, l := range s.Listeners {
			if !l.Enabled || l.Dir != model.DirIn {
				continue
			}
			k.id, k.proto = l.ID, l.Proto
			out[k] = append(out[k], entry{server: s.Profile, l: l})
		}
	}
	for k := range out {
		slices.SortStableFunc(out[k], func(x, y entry) int {
			return cmp.Or(cmp.Compare(x.l.Port(), y.l.Port()), cmp.Compare(x.l.PortEnd(), y.l.PortEnd()))
		})
	}
	return out
}

// pairUp matches the old and new listeners of one key and appends their
// differences to r.
func pairUp(k key, old, new []entry, r *Result) {
	usedNew := make([]bool, len(new))
	usedOld := make([]bool, len(old))
	var pairs [][2]int
	// Equal ports first, so that a listener added beside an unchanged one
	// is reported as added, not as a move of the other.
	for i, o := range old {
		for j, n := range new {
			if !usedNew[j] && o.l.Port() == n.l.Port() && o.l.PortEnd() == n.l.PortEnd() {
				usedOld[i], usedNew[j] = true, true
				pairs = append(pairs, [2]int{i, j})
				break
			}
		}
	}
	// Then the rest in port order.
	j := 0
	for i := range old {
		if usedOld[i] {
			continue
		}
		for j < len(new) && usedNew[j] {
			j++
		}
		if j == len(new) {
			break
		}
		usedOld[i], usedNew[j] = true, true
		pairs = append(pairs, [2]int{i, j})
	}
	var changes []Change
	for _, p := range pairs {
		o, n := old[p[0]], new[p[1]]
		c := Change{
			Kind: Changed, Server: n.server, ID: k.id, Proto: k.proto,
			Old: ptr(o.l), New: ptr(n.l),
			Moved:    o.l.Port() != n.l.Port() || o.l.PortEnd() != n.l.PortEnd(),
			Rebound:  !sameBind(o.l, n.l),
			Exposure: o.l.Exposure != n.l.Exposure,
		}
		if !c.Moved && !c.Rebound && !c.Exposure {
			r.Unchanged++
			continue
		}
		changes = append(changes, c)
	}
	for i, o := range old {
		if !usedOld[i] {
			changes = append(changes, Change{Kind: Removed, Server: o.server, ID: k.id, Proto: k.proto, Old: ptr(o.l)})
		}
	}
	for j, n := range new {
		if !usedNew[j] {
			changes = append(changes, Change{Kind: Added, Server: n.server, ID: k.id, Proto: k.proto, New: ptr(n.l)})
		}
	}
	slices.SortStableFunc(changes, func(x, y Change) int {
		return cmp.Compare(sortPort(x), sortPort(y))
	})
	r.Changes = append(r.Changes, changes...)
}

// sortPort is the port a change sorts by: the old one, else the new one.
func sortPort(c Change) model.Port {
	if c.Old != nil {
		return c.Old.Port()
	}
	return c.New.Port()
}

func ptr(l model.Listener) *model.Listener { return &l }

// sameBind reports whether two listeners bind the same interfaces: no bind
// address and an unspecified one (0.0.0.0, ::) both mean all interfaces; a
// host name compares as written, without regard to case.
func sameBind(a, b model.Listener) bool {
	all := func(l model.Listener) bool {
		return strings.TrimSpace(l.Bind) == "" || l.BindAddr.Addr().IsUnspecified()
	}
	switch {
	case all(a) || all(b):
		return all(a) && all(b)
	case a.BindAddr.Addr().IsValid() || b.BindAddr.Addr().IsValid():
		return a.BindAddr.Equal(b.BindAddr)
	}
	return strings.EqualFold(strings.TrimSpace(a.Bind), strings.TrimSpace(b.Bind))
}
