package form

import "math/rand/v2"

// eps is the least gain the search counts as an improvement, so rounding
// never makes it cycle.
const eps = 1e-9

// improve runs the local search on s: person by person, in an order the
// seed shuffles each pass, it makes the best move or swap with someone in
// another circle that keeps the hard rules and lowers the objective. A pass
// skips people whose circle has not changed since they last found nothing
// to gain (a swap with a changed circle is still found, from the other
// side); when such a pass gains nothing, a full pass confirms the local
// optimum. It stops there, or after MaxPasses passes, and returns the
// passes run.
func improve(s *state, rng *rand.Rand, progress func(done, total int)) int {
	var order []int
	for p, k := range s.c.where {
		if k < 0 {
			order = append(order, p)
		}
	}
	total := s.o.MaxPasses * len(order)
	step, progressEvery := 0, max(1, len(order)/20)
	changed, looked := make([]int, len(s.members)), make([]int, len(s.where))
	for i := range looked {
		looked[i] = -1
	}
	pass, full := 0, true
	for pass < s.o.MaxPasses {
		pass++
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		better := false
		for i, a := range order {
			if x := s.where[a]; full || changed[x] > looked[a] {
				if s.best(a) {
					step++
					changed[x], changed[s.where[a]], better = step, step, true
				} else {
					looked[a] = step
				}
			}
			if progress != nil && (i+1)%progressEvery == 0 {
				progress((pass-1)*len(order)+i+1, total)
			}
		}
		if !better && full {
			break
		}
		full = !better
	}
	if progress != nil {
		progress(total, total)
	}
	return pass
}

// best makes the best improving move or swap for person a, and reports
// whether it made one.
func (s *state) best(a int) bool {
	x, w := s.where[a], s.o.Weights
	gain, to, with := eps, -1, -1
	var nx, ny stats
	without := &s.drops[x][s.pos[a]]
	movable, left := s.fits(without.st), without.st.cost(s.c, w)
	for y := range s.members {
		if y == x {
			continue
		}
		if movable {
			if ty := s.plus(y, &s.whole[y], a); s.fits(ty) {
				if g := s.cost[x] + s.cost[y] - left - ty.cost(s.c, w); g > gain {
					gain, to, with, nx, ny = g, y, -1, without.st, ty
				}
			}
		}
		for j, b := range s.members[y] {
			if s.c.where[b] >= 0 || !s.leadersKept(a, b) {
				continue
			}
			fx, fy := s.plus(x, without, b), s.plus(y, &s.drops[y][j], a)
			if g := s.cost[x] + s.cost[y] - fx.cost(s.c, w) - fy.cost(s.c, w); g > gain {
				gain, to, with, nx, ny = g, y, b, fx, fy
			}
		}
	}
	if to < 0 {
		return false
	}
	s.relocate(a, to)
	if with >= 0 {
		s.relocate(with, x)
	}
	s.set(x, nx)
	s.set(to, ny)
	s.rebase(x)
	s.rebase(to)
	return true
}

// leadersKept reports whether swapping a and b keeps both circles' leaders
// within the rule; sizes do not change in a swap.
func (s *state) leadersKept(a, b int) bool {
	la, lb := s.c.leads[a], s.c.leads[b]
	if la == lb {
		return true
	}
	x, y := s.where[a], s.where[b]
	d := 1 // x gains a leader, y loses one
	if la {
		d = -1
	}
	lx, ly := s.st[x].leaders+d, s.st[y].leaders-d
	return lx >= s.o.MinLeaders && lx <= s.o.MaxLeaders && ly >= s.o.MinLeaders && ly <= s.o.MaxLeaders
}
