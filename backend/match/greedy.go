package match

// greedy is the baseline Solve is measured against: pinned pairs as given,
// then each other mentee in ID order takes the best-scoring feasible mentor
// who still has room (the lowest ID among equals).
func greedy(p Problem) (Result, error) {
	c, err := compile(p)
	if err != nil {
		return Result{}, err
	}
	room := make([]int, len(c.mentors))
	for j, m := range c.mentors {
		room[j] = m.capacity
	}
	for _, j := range c.pinned {
		room[j]--
	}
	s := &solver{c: c, room: room}
	f := &flow{assign: make([]int32, 0, len(c.mentees))}
	for i := range c.mentees {
		if _, ok := c.pinned[i]; ok {
			continue
		}
		s.free = append(s.free, i)
		best, bestScore := -1, -1
		for j := range c.mentors {
			if room[j] > 0 && c.feasible(i, j) {
				if sc := c.score(&c.mentees[i], &c.mentors[j]); sc > bestScore {
					best, bestScore = j, sc
				}
			}
		}
		if best >= 0 {
			room[best]--
		}
		f.assign = append(f.assign, int32(best))
	}
	return s.result(f), nil
}
