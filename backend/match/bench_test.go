package match

import (
	"context"
	"testing"
	"time"
)

// BenchmarkSolve5000x2000 matches 5,000 mentees with 2,000 mentors of
// capacity 1-3 (about 4,000 places, so a fifth of the mentees must wait),
// timing the greedy baseline in the same iteration: x-greedy is the ratio.
// It also reports both answers: pairs made and total points.
func BenchmarkSolve5000x2000(b *testing.B) {
	for _, tc := range []struct {
		name string
		s    shape
	}{
		{"open", shape{mentees: 5000, mentors: 2000, orgs: 40, banRate: 0.1, pinRate: 0.01}},
		{"rules", shape{mentees: 5000, mentors: 2000, orgs: 40, banRate: 0.1, pinRate: 0.01, rules: true}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			p := randomProblem(42, tc.s)
			if tc.s.rules {
				p.Constraints.MustShareLanguage, p.Constraints.MinOverlapHours = true, 2
			}
			var solveT, greedyT time.Duration
			var r, g Result
			var st stats
			for b.Loop() {
				t0 := time.Now()
				var err error
				if r, st, err = solve(context.Background(), p, nil, defaultTuning); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if g, err = greedy(p); err != nil {
					b.Fatal(err)
				}
				solveT, greedyT = solveT+t1.Sub(t0), greedyT+time.Since(t1)
			}
			b.ReportMetric(float64(solveT.Milliseconds())/float64(b.N), "solve-ms")
			b.ReportMetric(float64(greedyT.Milliseconds())/float64(b.N), "greedy-ms")
			b.ReportMetric(float64(solveT)/float64(greedyT), "x-greedy")
			b.ReportMetric(float64(len(r.Matches)), "pairs")
			b.ReportMetric(float64(len(g.Matches)), "greedy-pairs")
			b.ReportMetric(float64(r.Total), "points")
			b.ReportMetric(float64(g.Total), "greedy-points")
			b.ReportMetric(float64(st.rounds), "rounds")
			b.ReportMetric(float64(st.added), "added-edges")
			b.ReportMetric(float64(st.restarts), "restarts")
			b.ReportMetric(float64(st.settled), "settled")
		})
	}
}
