package model

import (
	"cmp"
	"slices"
)

// ClaimIndex finds the claims whose port or range overlaps a listener's
// without comparing every pair of claims: a host of 1000 homes holds some
// 20000 claims, 2·10^8 pairs.
type ClaimIndex struct {
	claims []Claim
	// single holds the claims of one port, ranges the others; each sorted by
	// protocol, then first port, then claim position.
	single, ranges []claimSpan
	// widest is the largest last-minus-first port of ranges.
	widest Port
}

// claimSpan is the effective first and last port of one claim.
type claimSpan struct {
	lo, hi Port
	proto  Protocol
	i      int
}

// spanOf returns the effective first and last port of l, the way Overlaps
// reads them: the last port is the first one when l is not a range.
func spanOf(l *Listener) (lo, hi Port) {
	lo, hi = l.Port(), l.PortEnd()
	if hi == 0 {
		hi = lo
	}
	return lo, hi
}

// NewClaimIndex indexes the claims (as returned by Claims); the index refers
// to them by their position in the slice.
func NewClaimIndex(claims []Claim) *ClaimIndex {
	x := &ClaimIndex{claims: claims}
	for i, c := range claims {
		lo, hi := spanOf(c.Listener)
		s := claimSpan{lo: lo, hi: hi, proto: c.Listener.Proto, i: i}
		if hi == lo {
			x.single = append(x.single, s)
			continue
		}
		x.ranges = append(x.ranges, s)
		x.widest = max(x.widest, hi-lo)
	}
	order := func(a, b claimSpan) int {
		return cmp.Or(cmp.Compare(a.proto, b.proto), cmp.Compare(a.lo, b.lo), cmp.Compare(a.i, b.i))
	}
	slices.SortFunc(x.single, order)
	slices.SortFunc(x.ranges, order)
	return x
}

// Claims returns the indexed claims.
func (x *ClaimIndex) Claims() []Claim { return x.claims }

// Overlapping calls fn with the position of every claim whose port or range
// overlaps l's (Listener.Overlaps: same protocol, a port in common), in no
// particular order, until fn returns false.
func (x *ClaimIndex) Overlapping(l *Listener, fn func(i int) bool) {
	lo, hi := spanOf(l)
	// A claim overlapping l starts at most at hi; a single port at least at
	// lo, a range at least at lo minus the widest range (or at lo, when
	// reversed: its last port comes before its first).
	if !x.scan(x.single, l, lo, hi, fn) {
		return
	}
	x.scan(x.ranges, l, lo-x.widest, hi, fn)
}

// scan calls fn for the spans of l's protocol that start from from to hi and
// overlap l; it reports whether fn asked to go on.
func (x *ClaimIndex) scan(spans []claimSpan, l *Listener, from, hi Port, fn func(i int) bool) bool {
	// The first span at or after (l.Proto, from).
	a, b := 0, len(spans)
	for a < b {
		m := int(uint(a+b) >> 1)
		if s := spans[m]; s.proto < l.Proto || (s.proto == l.Proto && s.lo < from) {
			a = m + 1
		} else {
			b = m
		}
	}
	for k := a; k < len(spans); k++ {
		s := spans[k]
		if s.proto != l.Proto || s.lo > hi {
			return true
		}
		if l.Overlaps(x.claims[s.i].Listener) && !fn(s.i) {
			return false
		}
	}
	return true
}
