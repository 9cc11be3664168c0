package match

// tieKey orders equal-cost mentors of a mentee in a fixed, spread order, so
// that ties do not all fall on the mentors with the lowest IDs.
func tieKey(i, j int) uint64 {
	z := uint64(i)<<32 | uint64(j)
	z += 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// ranked is a candidate mentor with its cost and tie key.
type ranked struct {
	cost int64
	tie  uint64
	j    int32
}

// worse reports whether a ranks after b.
func (a ranked) worse(b ranked) bool {
	return a.cost > b.cost || a.cost == b.cost && a.tie > b.tie
}

// topHeap keeps the best k candidates offered, worst on top.
type topHeap []ranked

// offer adds r if it is among the best k so far.
func (h *topHeap) offer(r ranked, k int) {
	s := *h
	if len(s) < k {
		s = append(s, r)
		for i := len(s) - 1; i > 0 && s[i].worse(s[(i-1)/2]); i = (i - 1) / 2 {
			s[i], s[(i-1)/2] = s[(i-1)/2], s[i]
		}
		*h = s
		return
	}
	if k == 0 || r.worse(s[0]) {
		return
	}
	s[0] = r
	for i := 0; ; {
		l, rr, m := 2*i+1, 2*i+2, i
		if l < len(s) && s[l].worse(s[m]) {
			m = l
		}
		if rr < len(s) && s[rr].worse(s[m]) {
			m = rr
		}
		if m == i {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
}

// arcs returns the kept candidates as arcs, best first.
func (h topHeap) arcs() []arc {
	out := make([]arc, len(h))
	for len(h) > 0 {
		top := h[0]
		h.popWorst()
		h = h[:len(h)-1]
		out[len(h)] = arc{top.j, top.cost}
	}
	return out
}

// popWorst moves the worst candidate to the end of h.
func (h topHeap) popWorst() {
	last := len(h) - 1
	h[0], h[last] = h[last], h[0]
	s := h[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(s) && s[l].worse(s[m]) {
			m = l
		}
		if r < len(s) && s[r].worse(s[m]) {
			m = r
		}
		if m == i {
			return
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
}
