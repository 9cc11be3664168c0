package plans_test

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"circlebook/backend/demo"
	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/scaledb"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
	progv "circlebook/backend/program"
	"circlebook/backend/services"
	"circlebook/backend/store"
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
		{"program.List", func(p program, _ int) error { _, err := p.svc.Program.List(progv.Request{}); return err }},
		{"program.List/pairs", func(p program, _ int) error {
			_, err := p.svc.Program.List(progv.Request{Kind: model.KindPair})
			return err
		}},
		{"today.Get", func(p program, _ int) error { _, err := p.svc.Today.Get(); return err }},
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
// one character longer each call, its clock a second on per save, typed in
// bursts of typingBurst saves with a pause after each (a leader stopping to
// listen), in which the store's idle checkpoint runs. Each call is paired
// with the baseline, timed apart: a bare autocommit INSERT of the same text
// into a one-row table of the same file (fsync'd: synchronous=FULL), which
// replaces that row and so writes one page, as the save does (an INSERT of
// a new 1-3 KB row writes two or three). The first burst fills the caches
// of a file just opened, as the session screen does before typing starts;
// it is not counted but its first save is reported (first-save-ms). It
// reports p50 and p99 of both, their CPU time per call, and the ratio of
// the p99s. A p99 needs at least 1,000 saves: run it with -benchtime 1000x.
func BenchmarkNoteSaveAtScale(b *testing.B) {
	t := newTypist(b)
	runtime.LockOSThread() // threadCPU reads this thread's clock
	defer runtime.UnlockOSThread()
	first := t.key(b)
	for range typingBurst - 1 {
		t.key(b)
	}
	saves, inserts := make([]time.Duration, 0, b.N), make([]time.Duration, 0, b.N)
	var saveCPU, insertCPU time.Duration
	b.ResetTimer()
	for range b.N {
		k := t.key(b)
		saves, inserts = append(saves, k.save), append(inserts, k.insert)
		saveCPU, insertCPU = saveCPU+k.saveCPU, insertCPU+k.insertCPU
	}
	b.StopTimer()
	slices.Sort(saves)
	slices.Sort(inserts)
	b.ReportMetric(float64(first.save)/1e6, "first-save-ms")
	b.ReportMetric(percentile(saves, 0.50), "save-p50-ms")
	b.ReportMetric(percentile(saves, 0.99), "save-p99-ms")
	b.ReportMetric(float64(saveCPU)/float64(b.N)/1e6, "save-cpu-ms/op")
	b.ReportMetric(percentile(inserts, 0.50), "insert-p50-ms")
	b.ReportMetric(percentile(inserts, 0.99), "insert-p99-ms")
	b.ReportMetric(float64(insertCPU)/float64(b.N)/1e6, "insert-cpu-ms/op")
	b.ReportMetric(percentile(saves, 0.99)/percentile(inserts, 0.99), "save/insert-p99")
}

// typingBurst is how many saves BenchmarkNoteSaveAtScale makes before
// pausing for the store's idle checkpoint and typingPause more.
const (
	typingBurst = 100
	typingPause = 250 * time.Millisecond
)

// typist types into the held session's shared note on the generated
// program, and into the baseline's table of the same file.
type typist struct {
	svc   *notes.Notes
	db    *sql.DB
	held  uint
	clock time.Time
	body  string
	keys  int
}

func newTypist(b *testing.B) *typist {
	b.Helper()
	st := scaledb.Open(b)
	t := &typist{held: pick(b, st.DB).held, clock: scaledb.Today,
		body: strings.Repeat("We agreed on the next experiment and who runs it. ", 20) + "\n\n- [ ] @all read the brief due:2026-12-09\n"}
	t.svc = notes.New(st.DB, func() time.Time { return t.clock }, notes.NewJournal(filepath.Join(b.TempDir(), "drafts")))
	var err error
	if t.db, err = st.DB.DB(); err != nil {
		b.Fatal(err)
	}
	if _, err := t.db.Exec(`CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	return t
}

// keystroke is one key's save and its baseline: wall and thread CPU times.
type keystroke struct{ save, insert, saveCPU, insertCPU time.Duration }

// key saves the note one character longer and makes the baseline's insert
// of the same text (the timer stopped), one burst save first and the next
// insert first, so that each is as often the first call after a pause;
// it pauses after a burst.
func (t *typist) key(b *testing.B) keystroke {
	t.clock = t.clock.Add(time.Second)
	text := t.body + strings.Repeat("x", t.keys%2000)
	var k keystroke
	save := func() {
		c := plantest.ThreadCPU()
		k.save = timed(b, func() error { _, err := t.svc.Save(t.held, model.Shared, text); return err })
		k.saveCPU = plantest.ThreadCPU() - c
	}
	insert := func() {
		b.StopTimer()
		defer b.StartTimer()
		c := plantest.ThreadCPU()
		k.insert = timed(b, func() error { return bare(t.db, text) })
		k.insertCPU = plantest.ThreadCPU() - c
	}
	if (t.keys/typingBurst)%2 == 0 {
		save()
		insert()
	} else {
		insert()
		save()
	}
	if t.keys++; t.keys%typingBurst == 0 {
		b.StopTimer()
		time.Sleep(store.CheckpointIdle + typingPause)
		b.StartTimer()
	}
	return k
}

// bare is the baseline's durable one-page insert of body.
func bare(db *sql.DB, body string) error {
	_, err := db.Exec(`INSERT OR REPLACE INTO bench_bare (id, body) VALUES (1, ?)`, body)
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
