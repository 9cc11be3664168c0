package plans_test

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"circlebook/backend/demo"
	"circlebook/backend/internal/scaledb"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
	"circlebook/backend/services"
)

// program is a set of services over one database with its picks.
type program struct {
	svc *services.Services
	picks
}

// sample is the 4-circle sample program (backend/demo) in a fresh file.
func sample(b *testing.B) program {
	b.Helper()
	st := testdb.Open(b)
	svc := services.New(st.DB, scaledb.Now, b.TempDir())
	if _, err := demo.New(st.DB, scaledb.Now).Load(); err != nil {
		b.Fatal(err)
	}
	return program{svc: svc, picks: pick(b, st.DB)}
}

// generated is the generated program (scaledb: tenth scale unless
// CIRCLEBOOK_SCALE=program), never ANALYZEd.
func generated(b *testing.B) program {
	b.Helper()
	st := scaledb.Open(b)
	return program{svc: services.New(st.DB, scaledb.Now, b.TempDir()), picks: pick(b, st.DB)}
}

// BenchmarkScreenCalls times the calls a leader's screens make most on the
// generated program; each iteration also makes the same call on the sample
// program, timed apart (not in ns/op), and the ratio of the means is x-sample.
func BenchmarkScreenCalls(b *testing.B) {
	big, small := generated(b), sample(b)
	marks := []string{model.Present, model.Late}
	for _, c := range []struct {
		name string
		call func(p program, i int) error
	}{
		{"sessions.Get", func(p program, _ int) error { _, err := p.svc.Sessions.Get(p.held); return err }},
		{"sessions.MarkAttendance", func(p program, i int) error {
			_, err := p.svc.Sessions.MarkAttendance(p.held, p.member, marks[i%2])
			return err
		}},
		{"circles.Get", func(p program, _ int) error { _, err := p.svc.Circles.Get(p.circle); return err }},
		{"people.Get", func(p program, _ int) error { _, err := p.svc.People.Get(p.person); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			var base time.Duration
			times := make([]time.Duration, 0, b.N)
			for i := range b.N {
				start := time.Now()
				if err := c.call(big, i); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
				b.StopTimer()
				base += timed(b, func() error { return c.call(small, i) })
				b.StartTimer()
			}
			b.StopTimer()
			slices.Sort(times)
			perOp, baseOp := float64(b.Elapsed())/float64(b.N), float64(base)/float64(b.N)
			b.ReportMetric(perOp/1e6, "ms/op")
			b.ReportMetric(percentile(times, 0.99), "p99-ms")
			b.ReportMetric(baseOp/1e6, "sample-ms/op")
			b.ReportMetric(perOp/baseOp, "x-sample")
		})
	}
}

// BenchmarkNoteSaveAtScale is a keystroke reaching a durable commit on the
// generated program: Notes.Save of the busiest circle's last shared note,
// one character longer each call, its clock a second on per save. Each call
// is paired with the baseline, a bare autocommit INSERT of the same text
// into a one-column table of the same file (fsync'd: synchronous=FULL),
// timed apart; it reports both p50/p99 and the ratio of the p99s.
func BenchmarkNoteSaveAtScale(b *testing.B) {
	st := scaledb.Open(b)
	p := pick(b, st.DB)
	clock := scaledb.Today
	svc := notes.New(st.DB, func() time.Time { return clock }, notes.NewJournal(filepath.Join(b.TempDir(), "drafts")))
	sqlDB, err := st.DB.DB()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := sqlDB.Exec(`CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("We agreed on the next experiment and who runs it. ", 20) + "\n\n- [ ] @all read the brief due:2026-12-09\n"
	saves, inserts := make([]time.Duration, 0, b.N), make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		clock = clock.Add(time.Second)
		text := body + strings.Repeat("x", i%2000)
		saves = append(saves, timed(b, func() error { _, err := svc.Save(p.held, model.Shared, text); return err }))
		b.StopTimer()
		inserts = append(inserts, timed(b, func() error { return bare(sqlDB, text) }))
		b.StartTimer()
	}
	b.StopTimer()
	slices.Sort(saves)
	slices.Sort(inserts)
	b.ReportMetric(percentile(saves, 0.50), "save-p50-ms")
	b.ReportMetric(percentile(saves, 0.99), "save-p99-ms")
	b.ReportMetric(percentile(inserts, 0.50), "insert-p50-ms")
	b.ReportMetric(percentile(inserts, 0.99), "insert-p99-ms")
	b.ReportMetric(percentile(saves, 0.99)/percentile(inserts, 0.99), "save/insert-p99")
}

func bare(db *sql.DB, body string) error {
	_, err := db.Exec(`INSERT INTO bench_bare (body) VALUES (?)`, body)
	return err
}

// timed runs f, failing the benchmark on its error, and returns how long it took.
func timed(b *testing.B, f func() error) time.Duration {
	start := time.Now()
	err := f()
	d := time.Since(start)
	if err != nil {
		b.Fatal(fmt.Errorf("timed call: %w", err))
	}
	return d
}

// percentile returns the q-quantile (nearest rank) of sorted durations, in ms.
func percentile(sorted []time.Duration, q float64) float64 {
	i := int(q*float64(len(sorted))+0.999999) - 1
	return float64(sorted[max(0, min(i, len(sorted)-1))]) / float64(time.Millisecond)
}
