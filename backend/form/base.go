package form

// base is a circle's figures without one of its members (or without none),
// with the gaps between its UTC offsets round the clock, so that the search
// prices adding one person in constant time.
type base struct {
	st      stats
	drop    int // the member left out, or -1
	gap1    int // the largest gap between offsets, in minutes
	gap2    int // the second largest
	gapFrom int // where the largest gap starts
}

// rebase works out circle k's bases again after it changed: one without
// nobody, one without each member.
func (s *state) rebase(k int) {
	s.whole[k] = s.base(k, -1)
	s.drops[k] = s.drops[k][:0]
	for i, p := range s.members[k] {
		s.pos[p] = i
		s.drops[k] = append(s.drops[k], s.base(k, p))
	}
}

// base works out circle k's figures without member drop (or -1).
func (s *state) base(k, drop int) base {
	b := base{st: s.with(k, drop, -1), drop: drop}
	b.gap1, b.gap2, b.gapFrom = gaps(s.offs) // with left the offsets sorted in s.offs
	return b
}

// gaps finds the two largest gaps between sorted clock offsets, going
// round the clock, and where the largest starts.
func gaps(offs []int) (gap1, gap2, from int) {
	if len(offs) == 0 {
		return day, 0, 0
	}
	last := len(offs) - 1
	gap1, from = offs[0]+day-offs[last], offs[last]
	for i := 1; i <= last; i++ {
		switch g := offs[i] - offs[i-1]; {
		case g > gap1:
			gap1, gap2, from = g, gap1, offs[i-1]
		case g > gap2:
			gap2 = g
		}
	}
	if last == 0 {
		gap2 = 0
	}
	return gap1, gap2, from
}

// plus returns circle k's figures were person p, from another circle, to
// join base b of it.
func (s *state) plus(k int, b *base, p int) stats {
	c, n := s.c, b.st
	n.size++
	if c.leads[p] {
		n.leaders++
	}
	n.addTenure(c.tenure[p])
	if o := c.org[p]; o >= 0 {
		n.orgPairs += int(s.orgs[s.at(k, o)])
		if b.drop >= 0 && c.org[b.drop] == o {
			n.orgPairs--
		}
	}
	n.histPairs += s.metIn(p, k)
	if b.drop >= 0 && len(c.met[p]) > 0 && c.metBefore(b.drop, p) {
		n.histPairs--
	}
	if v := c.offset[p]; v != unknown {
		if n.zKnown > 0 {
			d := clock(v - b.gapFrom)
			widest := b.gap1
			if d < b.gap1 {
				widest = max(b.gap2, d, b.gap1-d)
			}
			n.zSpread = day - widest
		}
		n.zKnown++
	}
	return n
}
