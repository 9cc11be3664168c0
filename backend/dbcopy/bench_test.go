//go:build unix

package dbcopy

import (
	"context"
	"syscall"
	"testing"
	"time"

	"circlebook/backend/internal/scaledb"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/store"
)

// BenchmarkCopyScaleToPostgres copies the program-scale data set
// (CIRCLEBOOK_SCALE=tenth, the default, or program) from its SQLite file
// into a fresh PostgreSQL database, and, in the same run, reads and hashes
// the source alone: the floor a copy cannot go below. It reports records a
// second, the copy's time against that floor, and this process's CPU (the
// server's is not in it). Needs CIRCLEBOOK_TEST_PG.
//
//	CIRCLEBOOK_TEST_PG=... go test -run XXX -bench CopyScale -benchtime 1x -timeout 30m ./backend/dbcopy/
//
// On the program set (1.9 million marks) the copy must take under 5 minutes.
func BenchmarkCopyScaleToPostgres(b *testing.B) {
	testdb.PostgresServer(b)
	benchCopy(b, func(tb testing.TB) *store.Store { return testdb.OpenPostgres(tb) })
}

// BenchmarkCopyScaleToSQLite is BenchmarkCopyScaleToPostgres into a new
// SQLite file, whose triggers build the derived tables, search index and
// list order row by row.
func BenchmarkCopyScaleToSQLite(b *testing.B) {
	benchCopy(b, func(tb testing.TB) *store.Store {
		st, err := store.Open(tb.TempDir())
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { st.Close() })
		return st
	})
}

// benchCopy copies the scale data set into targets that open gives.
func benchCopy(b *testing.B, open func(testing.TB) *store.Store) {
	src := scaledb.Open(b)
	tables, err := plan()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var copyTime, readTime, cpu time.Duration
	var rows int64
	for b.Loop() {
		b.StopTimer()
		dst := open(b)
		start := time.Now()
		err := readSnapshot(ctx, src.DB, func(c conn) error {
			for _, t := range tables {
				if _, err := hashTable(ctx, c, t, DefaultBatch, nil); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		readTime += time.Since(start)
		b.StartTimer()
		cpu0 := processCPU()
		rep, err := Copy(ctx, src.DB, dst.DB, Options{})
		if err != nil {
			b.Fatal(err)
		}
		cpu += processCPU() - cpu0
		copyTime += rep.Elapsed
		rows += rep.Rows()
	}
	b.ReportMetric(float64(rows)/copyTime.Seconds(), "records/s")
	b.ReportMetric(copyTime.Seconds()/readTime.Seconds(), "x-read-only")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(rows), "client-cpu-ns/record")
}

// processCPU is the CPU time this process has used, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
