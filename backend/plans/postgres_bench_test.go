package plans_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"circlebook/backend/circles"
	"circlebook/backend/export"
	"circlebook/backend/internal/scaledb"
	"circlebook/backend/internal/scalepg"
	"circlebook/backend/model"
	"circlebook/backend/people"
	progv "circlebook/backend/program"
	"circlebook/backend/services"
)

// BenchmarkPostgresScreenCalls times the calls a leader's and a program
// office's screens make on the generated program copied into PostgreSQL
// (a server on this machine, over its Unix socket: loopback), each paired
// with the same call on the same program in SQLite, timed apart. It
// reports each side's p95 and their ratio; the target is every call under
// 10 ms p95 on PostgreSQL. Needs CIRCLEBOOK_TEST_PG (make bench-pg starts a
// server); CIRCLEBOOK_SCALE=program for the whole program (the copy takes
// minutes).
func BenchmarkPostgresScreenCalls(b *testing.B) {
	pgStore := scalepg.Open(b)
	pg := program{svc: services.New(pgStore.DB, scaledb.Now, b.TempDir()), picks: pick(b, pgStore.DB)}
	lite := generated(b)
	if pg.picks != lite.picks {
		b.Fatalf("the copy's picks %+v differ from the file's %+v", pg.picks, lite.picks)
	}
	marks := []string{model.Present, model.Late}
	for _, c := range []struct {
		name string
		call func(p program, i int) error
	}{
		{"circles.List", func(p program, _ int) error { _, err := p.svc.Circles.List(circles.ListRequest{}); return err }},
		{"circles.List/a", func(p program, _ int) error {
			_, err := p.svc.Circles.List(circles.ListRequest{Query: "a"})
			return err
		}},
		{"circles.List/a-jump", func(p program, _ int) error {
			_, err := p.svc.Circles.List(circles.ListRequest{Query: "a", Offset: 900})
			return err
		}},
		{"circles.List/archived-100", func(p program, _ int) error {
			_, err := p.svc.Circles.List(circles.ListRequest{IncludeArchived: true, Limit: 100})
			return err
		}},
		{"circles.Sidebar", func(p program, _ int) error { _, err := p.svc.Circles.Sidebar([]uint{p.circle}); return err }},
		{"people.List", func(p program, _ int) error { _, err := p.svc.People.List(people.ListRequest{}); return err }},
		{"people.List/ana", func(p program, _ int) error {
			_, err := p.svc.People.List(people.ListRequest{Query: "ana"})
			return err
		}},
		{"people.List/z-jump", func(p program, _ int) error {
			_, err := p.svc.People.List(people.ListRequest{Query: "z", Offset: 900})
			return err
		}},
		{"today.Get", func(p program, _ int) error { _, err := p.svc.Today.Get(); return err }},
		{"program.List", func(p program, _ int) error { _, err := p.svc.Program.List(progv.Request{}); return err }},
		{"program.List/pairs", func(p program, _ int) error {
			_, err := p.svc.Program.List(progv.Request{Kind: model.KindPair})
			return err
		}},
		{"program.List/far", func(p program, _ int) error {
			_, err := p.svc.Program.List(progv.Request{Offset: 9000})
			return err
		}},
		{"circles.Get", func(p program, _ int) error { _, err := p.svc.Circles.Get(p.circle); return err }},
		{"people.Get", func(p program, _ int) error { _, err := p.svc.People.Get(p.person); return err }},
		{"sessions.Get", func(p program, _ int) error { _, err := p.svc.Sessions.Get(p.held); return err }},
		{"exports.Preview", func(p program, _ int) error {
			_, err := p.svc.Exports.Preview(p.circle, export.Request{Format: "md", Period: export.AllTime})
			return err
		}},
		{"sessions.MarkAttendance", func(p program, i int) error {
			_, err := p.svc.Sessions.MarkAttendance(p.held, p.member, marks[i%2])
			return err
		}},
		{"notes.Save", func(p program, i int) error {
			_, err := p.svc.Notes.Save(p.held, model.Shared, fmt.Sprintf("We agreed on the next experiment, take %d.", i))
			return err
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var onPG, onLite []time.Duration
			for i := 0; b.Loop(); i++ {
				onPG = append(onPG, timed(b, func() error { return c.call(pg, i) }))
				b.StopTimer()
				onLite = append(onLite, timed(b, func() error { return c.call(lite, i) }))
				b.StartTimer()
			}
			slices.Sort(onPG)
			slices.Sort(onLite)
			b.ReportMetric(percentile(onPG, 0.95), "pg-p95-ms")
			b.ReportMetric(percentile(onLite, 0.95), "sqlite-p95-ms")
			b.ReportMetric(percentile(onPG, 0.95)/percentile(onLite, 0.95), "pg-x-sqlite")
		})
	}
}
