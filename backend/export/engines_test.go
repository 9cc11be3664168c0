package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"circlebook/backend/demo"
	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/store"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// TestSameExportOnBothEngines builds the same data (a year-long circle, the
// sample program, and a circle whose names and topics differ only by case or
// accents) on SQLite and on PostgreSQL, and exports every circle in every
// format: each file, and the summary the page previews, is the same byte for
// byte. The program runs in a zone that is not UTC, as a leader's laptop does.
func TestSameExportOnBothEngines(t *testing.T) {
	pg := testdb.OpenPostgres(t) // skips without a server
	lite, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close() })
	defer func(l *time.Location) { time.Local = l }(time.Local)
	time.Local = time.FixedZone("UTC+05:30", 5*3600+1800)

	want, got := sameData(t, lite.DB), sameData(t, pg.DB)
	if len(want) != len(got) || len(want) < 6 {
		t.Fatalf("circles: %v on SQLite, %v on PostgreSQL", want, got)
	}
	for i, id := range want {
		for _, req := range engineRequests {
			a, b := exportBytes(t, lite.DB, id, req), exportBytes(t, pg.DB, got[i], req)
			if len(a) == 0 {
				t.Fatalf("circle %d, %+v: an empty export", id, req)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("circle %d, %+v: PostgreSQL's export differs from SQLite's%s", id, req, firstDiff(a, b))
			}
		}
	}
}

// engineRequests are the exports compared: every format of the whole
// history ("summary" is the previewed summary as JSON), and a period,
// anonymized and figures-only summary.
var engineRequests = []export.Request{
	{Format: "md", Period: export.AllTime},
	{Format: "html", Period: export.AllTime},
	{Format: "ics", Period: export.AllTime},
	{Format: "csv", Table: export.TableRoster, Period: export.AllTime},
	{Format: "csv", Table: export.TableAttendance, Period: export.AllTime},
	{Format: "csv", Table: export.TableActions, Period: export.AllTime},
	{Format: "pdf", Period: export.AllTime},
	{Format: "json"},
	{Format: "summary", Period: export.AllTime},
	{Format: "md", Period: export.LastQuarter, Anonymize: true},
	{Format: "csv", Table: export.TableAttendance, Period: export.ThisQuarter, FiguresOnly: true},
}

func exportBytes(t *testing.T, db *gorm.DB, circleID uint, req export.Request) []byte {
	t.Helper()
	svc := export.New(db, testdb.Now)
	if req.Format == "summary" {
		s, err := svc.Summary(circleID, export.Options{})
		if err != nil {
			t.Fatalf("%s: Summary: %v", db.Dialector.Name(), err)
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	f, err := svc.File(circleID, req)
	if err != nil {
		t.Fatalf("%s: File(%+v): %v", db.Dialector.Name(), req, err)
	}
	return f.Data
}

// sameData fills db with the test's data and returns its circles by id. The
// same calls make the same rows on either engine: the keys count from the
// same start, the UUIDs come from a seeded generator, and the stamps from a
// clock that ticks once per write (by a second and a microsecond, which
// is what a timestamptz keeps).
func sameData(t *testing.T, db *gorm.DB) []uint {
	t.Helper()
	uuid.SetRand(rand.NewChaCha8([32]byte{'c', 'b'}))
	defer uuid.SetRand(nil)
	tick := time.Date(2026, time.January, 1, 8, 0, 0, 0, time.UTC)
	db = db.Session(&gorm.Session{NewDB: true, NowFunc: func() time.Time {
		tick = tick.Add(time.Second + time.Microsecond)
		return tick
	}})
	// The seeded topics were made when each database was migrated.
	if err := db.Exec("UPDATE topics SET created_at = ?, updated_at = ?", tick, tick).Error; err != nil {
		t.Fatal(err)
	}
	f := testdb.With(t, db)
	f.YearCircle("Product Leadership Circle", "Europe/Madrid")
	if _, err := demo.New(db, testdb.Now).Load(); err != nil {
		t.Fatalf("demo: %v", err)
	}
	lookalikes(f)
	var ids []uint
	if err := db.Model(&model.Circle{}).Order("id").Pluck("id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	return ids
}

// lookalikes adds a circle whose members' names and sessions' topics sort
// apart only by case or accents, where the engines' orders could part.
func lookalikes(f testdb.Fixture) {
	c := f.Circle("Éthique et données", func(c *model.Circle) { c.TimeZone = "America/Chicago" })
	var people []model.Person
	for i, name := range []string{"ana Díaz", "Ana Díaz", "Álvaro Núñez", "alvaro nunez", "Zoë Smith", "zoe smith", "ÉMILE Brun", "émile brun"} {
		p := f.Person(name, func(p *model.Person) { p.Email = fmt.Sprintf("Look.Alike%d@Example.org", i) })
		f.Member(c, p, model.RoleMentee)
		people = append(people, p)
	}
	topics := []model.Topic{f.Topic("Éthique"), f.Topic("éthique"), f.Topic("ethics"), f.Topic("Zeal"), f.Topic("apex")}
	for i, at := range []string{"2026-09-01T17:00", "2026-09-15T17:00", "2026-09-29T17:00", "2026-12-08T17:00"} {
		status := model.SessionHeld
		if at > testdb.Today.Format("2006-01-02") {
			status = model.SessionPlanned
		}
		s := f.Session(c, at, status)
		for _, tp := range []model.Topic{topics[0], topics[1], topics[2+i%3]} {
			f.Tag(s, tp)
		}
		f.Agenda(s, "Check-in", status == model.SessionHeld)
		if status == model.SessionHeld {
			for j, p := range people {
				f.Mark(s, p, []string{model.Present, model.Late, model.Absent, model.Excused}[(i+j)%4])
			}
			f.Note(s, model.Shared, "## Notes\n\n- [ ] @ana send the ÉMILE draft due:2026-10-01\n")
		}
		f.Action(c, "Follow up with "+people[i].Name, func(a *model.ActionItem) { a.OwnerID = &people[i].ID; a.DueOn = "2026-10-0" + fmt.Sprint(i+1) })
	}
}

// firstDiff shows where two exports part, for a failure message.
func firstDiff(a, b []byte) string {
	i := 0
	for i < min(len(a), len(b)) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf(" at byte %d:\n  SQLite:     %q\n  PostgreSQL: %q", i, a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}
