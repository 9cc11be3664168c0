package match

import "time"

// referenceDay is the day whose working hours are compared, so that the
// overlap of two zones is the same on every run whatever today's daylight
// saving time is: Wednesday 14 January 2026.
const referenceYear, referenceMonth, referenceDay = 2026, time.January, 14

// workStart and workEnd bound the working window, in minutes after local midnight.
const workStart, workEnd = 9 * 60, 17 * 60

// workMinutes is the length of the working window.
const workMinutes = workEnd - workStart

// overlaps returns the minutes of working-time overlap of every pair of
// the named zones.
func overlaps(names []string) ([][]int, error) {
	starts := make([]int64, len(names))
	for i, n := range names {
		loc, err := time.LoadLocation(n)
		if err != nil {
			return nil, err
		}
		starts[i] = time.Date(referenceYear, referenceMonth, referenceDay, workStart/60, workStart%60, 0, 0, loc).Unix() / 60
	}
	out := make([][]int, len(names))
	for i := range names {
		out[i] = make([]int, len(names))
		for j := range names {
			out[i][j] = windowOverlap(starts[i], starts[j])
		}
	}
	return out, nil
}

// windowOverlap returns the minutes two daily working windows starting at
// a and b (minutes since 1970, UTC) share in a day, whichever calendar day
// each falls on.
func windowOverlap(a, b int64) int {
	total := 0
	for shift := int64(-2); shift <= 2; shift++ {
		bs := b + shift*24*60
		lo, hi := max(a, bs), min(a+workMinutes, bs+workMinutes)
		if hi > lo {
			total += int(hi - lo)
		}
	}
	return total
}
