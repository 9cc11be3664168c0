package store_test

import (
	"testing"
	"time"

	"circlebook/backend/demo"
	"circlebook/backend/internal/scaledb"
	"circlebook/backend/store"
)

// BenchmarkOpen times store.Open and Close, after a clean shutdown, of the
// generated data set and of the sample program, in turn in each iteration,
// and reports the generated file's time as a ratio to the sample's: opening
// must not grow with the file (before the open marker, Open checked the
// whole file every time).
//
//	go test -run XXX -bench 'Open$' -benchtime 20x ./backend/store/
func BenchmarkOpen(b *testing.B) {
	scale := scaledb.Dir(b)
	sample := b.TempDir()
	st, err := store.Open(sample)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := demo.New(st.DB, scaledb.Now).Load(); err != nil {
		b.Fatal(err)
	}
	st.Close()
	var onScale, onSample time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		onSample += openClose(b, sample)
		onScale += openClose(b, scale)
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(float64(onScale.Microseconds())/n/1000, scaledb.Size().Name+"-ms")
	b.ReportMetric(float64(onSample.Microseconds())/n/1000, "sample-ms")
	b.ReportMetric(float64(onScale)/float64(onSample), "x-sample")
}

func openClose(b *testing.B, dir string) time.Duration {
	start := time.Now()
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}
