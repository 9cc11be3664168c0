package form

import (
	"math"
	"slices"
)

// day is the minutes of a day: UTC offsets are compared around the clock.
const day = 24 * 60

// stats are the figures of one circle that its cost reads.
type stats struct {
	size, leaders int
	tKnown        int     // members whose tenure is known
	tSum          float64 // their tenures, in years
	tMin, tMax    float64
	orgPairs      int // pairs of members from one organization
	histPairs     int // pairs of members who met before
	zKnown        int // members whose time zone is known
	zSpread       int // minutes the UTC offsets span, around the clock
}

// cost prices a circle's figures with the weights: lower is better.
func (s stats) cost(c *cohort, w Weights) float64 {
	v := w.Organization*float64(s.orgPairs) + w.History*float64(s.histPairs)
	if s.tKnown > 0 {
		v += w.TenureSpread * math.Max(0, c.spreadT-(s.tMax-s.tMin))
		v += w.TenureMean * math.Abs(s.tSum/float64(s.tKnown)-c.meanT)
	}
	return v + w.TimeZone*math.Max(0, float64(s.zSpread)/60-w.ZoneHours)
}

// measure computes a circle's figures from scratch: the reference the
// search's incremental figures are tested against, and what explanations read.
func measure(c *cohort, members []int) stats {
	var s stats
	offs := make([]int, 0, len(members))
	for i, p := range members {
		s.size++
		if c.leads[p] {
			s.leaders++
		}
		s.addTenure(c.tenure[p])
		if c.offset[p] != unknown {
			offs = append(offs, c.offset[p])
		}
		for _, q := range members[:i] {
			if c.org[p] >= 0 && c.org[p] == c.org[q] {
				s.orgPairs++
			}
			if c.metBefore(p, q) {
				s.histPairs++
			}
		}
	}
	s.zKnown = len(offs)
	s.zSpread, _, _ = zoneSpread(offs)
	return s
}

// addTenure counts one member's tenure, when known.
func (s *stats) addTenure(t float64) {
	if t == unknown {
		return
	}
	if s.tKnown == 0 || t < s.tMin {
		s.tMin = t
	}
	if s.tKnown == 0 || t > s.tMax {
		s.tMax = t
	}
	s.tKnown++
	s.tSum += t
}

// zoneSpread finds the shortest stretch of the clock that holds every
// offset (minutes past UTC midnight, 0 to 1439), sorting offs: its length
// and its two ends, from the westernmost to the easternmost. No offsets
// span nothing.
func zoneSpread(offs []int) (spread, from, to int) {
	if len(offs) == 0 {
		return 0, 0, 0
	}
	slices.Sort(offs)
	last := len(offs) - 1
	gap, start := offs[0]+day-offs[last], 0
	for i := 1; i <= last; i++ {
		if g := offs[i] - offs[i-1]; g > gap {
			gap, start = g, i
		}
	}
	return day - gap, offs[start], offs[(start+last)%len(offs)]
}

// clock maps an offset east of UTC to minutes past UTC midnight, 0 to 1439.
func clock(offset int) int {
	return ((offset % day) + day) % day
}
