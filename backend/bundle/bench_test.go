package bundle_test

import (
	"bytes"
	"testing"

	"circlebook/backend/bundle"
	"circlebook/backend/internal/testdb"
)

// yearBundle is a year-long circle (52 sessions, 15 members, a page of
// shared notes and a private note per session), private text included.
func yearBundle(b *testing.B) []byte {
	b.Helper()
	src := newStore(b)
	year := src.YearCircle("Product Leaders", "Europe/Madrid")
	_, data := export(b, src.DB, year.Circle.ID, true)
	return data
}

// BenchmarkImportYear imports a year-long circle into a fresh store (the
// issue's budget: under 1 s), into a store that already has it (everything
// unchanged), and, as the baseline, only reads and validates it.
func BenchmarkImportYear(b *testing.B) {
	data := yearBundle(b)
	b.Run("fresh", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			st, err := testdb.Target(b)() // a new database on the test engine
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := bundle.Import(st.DB, bytes.NewReader(data), testdb.Today); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			st.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
	})
	b.Run("again", func(b *testing.B) {
		f := newStore(b)
		load(b, f.DB, data)
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := bundle.Import(f.DB, bytes.NewReader(data), testdb.Today); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := bundle.Read(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkExportYear exports and writes a year-long circle.
func BenchmarkExportYear(b *testing.B) {
	src := newStore(b)
	year := src.YearCircle("Product Leaders", "Europe/Madrid")
	for b.Loop() {
		export(b, src.DB, year.Circle.ID, true)
	}
}
