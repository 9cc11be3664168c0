package export_test

import (
	"testing"

	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
)

// BenchmarkYear measures a year-long circle (52 sessions, 15 members, a page
// of notes per held session): Build alone as the baseline, then Build with
// each renderer. The targets: Markdown and HTML under 50 ms.
func BenchmarkYear(b *testing.B) {
	w := newWorld(b, "Europe/Madrid")
	benches := []struct {
		name   string
		opt    export.Options
		render func(export.Summary) ([]byte, error)
	}{
		{"Build", export.Options{}, nil},
		{"Build+Markdown", export.Options{}, export.Markdown},
		{"Build+HTML", export.Options{}, export.HTML},
		{"Build+HTML/anonymized", export.Options{Anonymize: true}, export.HTML},
		{"Build+ICS", export.Options{}, export.ICS},
	}
	for _, bb := range benches {
		b.Run(bb.name, func(b *testing.B) {
			size := 0
			for b.Loop() {
				s, err := export.Build(w.db, w.year.Circle.ID, bb.opt, testdb.Today)
				if err != nil {
					b.Fatal(err)
				}
				if bb.render != nil {
					out, err := bb.render(s)
					if err != nil {
						b.Fatal(err)
					}
					size = len(out)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ms/op")
			if size > 0 {
				b.ReportMetric(float64(size)/1024, "KiB")
			}
		})
	}
}
