package form

import (
	"cmp"
	"slices"

	"circlebook/backend/apperr"
)

// seed places everyone greedily and deterministically: pinned people where
// they are pinned, then the leaders spread so each circle gets its share,
// then everyone else snaking by tenure (longest first: circle 1, 2 .. K,
// K .. 2, 1, ...), so each circle spans the cohort's tenures.
func seed(c *cohort, o Options) ([]int, error) {
	target, err := targetSizes(c, o)
	if err != nil {
		return nil, err
	}
	where := slices.Clone(c.where)
	size, lead := make([]int, o.Circles), make([]int, o.Circles)
	var leaders, others []int
	for p, k := range where {
		switch {
		case k >= 0:
			size[k]++
			if c.leads[p] {
				lead[k]++
			}
		case c.leads[p]:
			leaders = append(leaders, p)
		default:
			others = append(others, p)
		}
	}
	byTenure := func(a, b int) int { return cmp.Or(cmp.Compare(c.tenure[b], c.tenure[a]), cmp.Compare(a, b)) }
	slices.SortStableFunc(leaders, byTenure)
	slices.SortStableFunc(others, byTenure)
	for i, p := range leaders {
		k := fewestLeaders(lead, size, target, o, i/o.Circles%2 == 1)
		if k < 0 {
			return nil, apperr.New(apperr.Invalid, "pinned", "The pinned placements leave no room for every leader.")
		}
		where[p], size[k], lead[k] = k, size[k]+1, lead[k]+1
	}
	for k := range lead {
		if lead[k] < o.MinLeaders {
			return nil, apperr.New(apperr.Invalid, "pinned", "The pinned placements leave circle %d without room for a leader.", k+1)
		}
	}
	snake(where, others, size, target)
	return where, nil
}

// targetSizes spreads the cohort over the circles as evenly as the pins
// allow, each within the size range.
func targetSizes(c *cohort, o Options) ([]int, error) {
	t := make([]int, o.Circles)
	for _, k := range c.where {
		if k >= 0 {
			t[k]++
		}
	}
	left := len(c.people)
	for k := range t {
		t[k] = max(t[k], o.MinSize)
		left -= t[k]
	}
	if left < 0 {
		return nil, apperr.New(apperr.Invalid, "pinned", "The pinned placements leave too few people to fill every circle to %d.", o.MinSize)
	}
	for ; left > 0; left-- {
		k := -1
		for j := range t {
			if t[j] < o.MaxSize && (k < 0 || t[j] < t[k]) {
				k = j
			}
		}
		if k < 0 {
			break
		}
		t[k]++
	}
	return t, nil
}

// fewestLeaders picks the circle with room that has the fewest leaders,
// breaking ties from the first circle, or from the last when back is set.
func fewestLeaders(lead, size, target []int, o Options, back bool) int {
	best := -1
	for j := range lead {
		k := j
		if back {
			k = len(lead) - 1 - j
		}
		if size[k] < target[k] && lead[k] < o.MaxLeaders && (best < 0 || lead[k] < lead[best]) {
			best = k
		}
	}
	return best
}

// snake deals people to the circles with room in a snake order.
func snake(where, people, size, target []int) {
	k, step := 0, 1
	for _, p := range people {
		for size[k] >= target[k] {
			k, step = next(k, step, len(size))
		}
		where[p] = k
		size[k]++
		k, step = next(k, step, len(size))
	}
}

// next steps a snake over n circles: forward, then back, repeating the ends.
func next(k, step, n int) (int, int) {
	if k+step < 0 || k+step >= n {
		return k, -step
	}
	return k + step, step
}
