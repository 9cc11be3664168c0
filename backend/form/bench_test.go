package form_test

import (
	"testing"

	"circlebook/backend/form"
)

// BenchmarkForm2000 splits 2,000 people into circles of 8 to 12 and reports
// the objective of the greedy seed and of the result, same run.
func BenchmarkForm2000(b *testing.B) {
	in := cohort(1, 2000, 7)
	in.Options.MinSize, in.Options.MaxSize = 8, 12
	var r form.Result
	for b.Loop() {
		r = mustForm(b, in)
	}
	b.ReportMetric(r.SeedCost, "seed-cost")
	b.ReportMetric(r.Cost, "cost")
	b.ReportMetric(r.Cost/r.SeedCost, "cost/seed")
	b.ReportMetric(float64(r.Passes), "passes")
}

// BenchmarkForm178 splits the program's real launch: 178 people, 13 circles.
func BenchmarkForm178(b *testing.B) {
	in := cohort(2, 178, 9)
	in.Options.Circles = 13
	in.Options.MinSize, in.Options.MaxSize = 12, 15
	var r form.Result
	for b.Loop() {
		r = mustForm(b, in)
	}
	b.ReportMetric(r.Cost/r.SeedCost, "cost/seed")
	b.ReportMetric(float64(r.Passes), "passes")
}
