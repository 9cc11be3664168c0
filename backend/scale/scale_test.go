package scale_test

import (
	"errors"
	"slices"
	"testing"

	"circlebook/backend/attendance"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/people"
	"circlebook/backend/scale"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// small is a program of a hundredth, quick enough for every test run.
var small = scale.Size{Name: "small", People: 1590, Circles: 160, Memberships: 1600, SessionsPerCircle: 13}

func generate(t *testing.T) (*gorm.DB, scale.Result) {
	t.Helper()
	st := testdb.Open(t)
	r, err := scale.Generate(st.DB, small, testdb.Today, nil)
	if err != nil {
		t.Fatal(err)
	}
	return st.DB, r
}

func count(t *testing.T, db *gorm.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.Raw(query, args...).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestGenerateMakesTheSizeAsked(t *testing.T) {
	db, r := generate(t)
	for _, c := range []struct {
		table string
		made  int
		want  int
	}{
		{"people", r.People, small.People},
		{"circles", r.Circles, small.Circles},
		{"memberships", r.Memberships, small.Memberships},
		{"sessions", r.Sessions, small.Circles * small.SessionsPerCircle},
		{"attendance", r.Marks, -1},
		{"action_items", r.ActionItems, -1},
		{"agenda_items", r.AgendaItems, -1},
		{"session_topics", r.Tags, -1},
	} {
		got := count(t, db, "SELECT count(*) FROM "+c.table)
		if got != c.made || (c.want >= 0 && got != c.want) || got == 0 {
			t.Errorf("%s: %d rows, Result says %d, want %d", c.table, got, c.made, c.want)
		}
	}
	held := count(t, db, "SELECT count(*) FROM sessions WHERE status = 'held'")
	if shared := count(t, db, "SELECT count(*) FROM notes WHERE visibility = 'shared'"); shared != held || shared != r.SharedNotes {
		t.Errorf("%d shared notes (Result %d) for %d held sessions; want one each", shared, r.SharedNotes, held)
	}
	if revs := count(t, db, "SELECT count(*) FROM note_revisions"); revs != r.SharedNotes+r.PrivateNotes {
		t.Errorf("%d revisions for %d notes; Notes.Save leaves one on a note's first save", revs, r.SharedNotes+r.PrivateNotes)
	}
	if marks := float64(r.Marks) / float64(small.Memberships); marks < 10 || marks > 13 {
		t.Errorf("%.1f marks a membership; the program has about 12 (1.9 million for 160,000)", marks)
	}
}

// The mix a program has: mostly groups of 8 to 12, some pairs, some
// circles forming or archived; past sessions held, a few cancelled, the
// next ones planned from today on.
func TestGenerateMakesARealisticMix(t *testing.T) {
	db, _ := generate(t)
	day := testdb.Today.Format("2006-01-02")
	bytes := "length(CAST(body AS BLOB))" // a note's size in bytes
	if store.DialectOf(db) == store.Postgres {
		bytes = "octet_length(body)"
	}
	checks := []struct {
		what     string
		query    string
		min, max int
	}{
		{"pairs", "SELECT count(*) FROM circles WHERE kind = 'pair'", 3, 30},
		{"groups of 8-12", "SELECT count(*) FROM (SELECT circle_id FROM memberships GROUP BY circle_id HAVING count(*) BETWEEN 8 AND 12) AS g", 100, 160},
		{"archived or forming circles", "SELECT count(*) FROM circles WHERE status IN ('archived', 'forming')", 3, 30},
		{"cancelled sessions", "SELECT count(*) FROM sessions WHERE status = 'cancelled'", 5, 100},
		{"planned sessions before today", "SELECT count(*) FROM sessions WHERE status = 'planned' AND starts_at < '" + day + "'", 0, 0},
		{"held sessions from today on", "SELECT count(*) FROM sessions WHERE status = 'held' AND starts_at >= '" + day + "'", 0, 0},
		{"active circles with nothing planned", "SELECT count(*) FROM circles c WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.circle_id = c.id AND s.status = 'planned')", 0, 0},
		{"private notes", "SELECT count(*) FROM notes WHERE visibility = 'private'", 1, 60},
		{"action items owned by a member", "SELECT count(*) FROM action_items a JOIN memberships m ON m.person_id = a.owner_id AND m.circle_id = a.circle_id", 100, 1 << 30},
		{"action items done", "SELECT count(*) FROM action_items WHERE status = 'done'", 20, 1 << 30},
		{"action items from private notes", "SELECT count(*) FROM action_items a JOIN notes n ON n.id = a.note_id WHERE n.visibility = 'private'", 0, 0},
		{"names with accents", "SELECT count(*) FROM people WHERE name <> name_key AND lower(name) <> name_key", 300, 1590},
		{"notes of about 1 KB", "SELECT count(*) FROM notes WHERE visibility = 'shared' AND " + bytes + " NOT BETWEEN 900 AND 1600", 0, 0},
	}
	for _, c := range checks {
		if got := count(t, db, c.query); got < c.min || got > c.max {
			t.Errorf("%s: %d, want %d to %d", c.what, got, c.min, c.max)
		}
	}
}

// The marks went in through the model, so the tally triggers counted them:
// the kept counts equal a recount.
func TestGenerateKeepsTheTallies(t *testing.T) {
	db, _ := generate(t)
	var ids []uint
	db.Model(&model.Circle{}).Pluck("id", &ids)
	recount, err := attendance.ByCircle(db, ids)
	if err != nil {
		t.Fatal(err)
	}
	var kept []struct{ CircleID, Present, Late, Excused, Absent int }
	db.Raw("SELECT circle_id, present, late, excused, absent FROM circle_tallies").Scan(&kept)
	if len(kept) < len(ids)*8/10 {
		t.Fatalf("%d tallies for %d circles", len(kept), len(ids))
	}
	for _, k := range kept {
		r := recount[uint(k.CircleID)]
		if r == nil || r.Present != k.Present || r.Late != k.Late || r.Excused != k.Excused || r.Absent != k.Absent {
			t.Errorf("circle %d: kept %+v, recount %+v", k.CircleID, k, r)
		}
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, _ := generate(t)
	b, _ := generate(t)
	for _, c := range [][2]string{{"name || email", "people"}, {"uuid || name || status", "circles"}, {"uuid || starts_at || status", "sessions"}, {"status", "attendance"}, {"body", "notes"}} {
		var x, y []string
		q := "SELECT " + c[0] + " FROM " + c[1] + " ORDER BY id"
		errA, errB := a.Raw(q).Scan(&x).Error, b.Raw(q).Scan(&y).Error
		if errA != nil || errB != nil || len(x) == 0 || !slices.Equal(x, y) {
			t.Errorf("%s differ between two runs of one size (%v, %v)", c[1], errA, errB)
		}
	}
}

func TestGenerateRefusesAFileWithCircles(t *testing.T) {
	_, f := testdb.New(t)
	f.Circle("Already here")
	if _, err := scale.Generate(f.DB, small, testdb.Today, nil); !errors.Is(err, scale.ErrNotEmpty) {
		t.Errorf("Generate on a file with a circle = %v, want ErrNotEmpty", err)
	}
}

func TestParseSize(t *testing.T) {
	for name, want := range map[string]scale.Size{"program": scale.Program, "tenth": scale.Tenth} {
		if got, err := scale.ParseSize(name); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %+v, %v", name, got, err)
		}
	}
	if _, err := scale.ParseSize("huge"); err == nil {
		t.Error("ParseSize(huge) succeeded")
	}
	if p, tenth := scale.Program, scale.Tenth; tenth.People*10 != p.People || tenth.Circles*10 != p.Circles || tenth.Memberships*10 != p.Memberships {
		t.Errorf("tenth %+v is not a tenth of %+v", tenth, p)
	}
}

// People go in as rows, many a statement; each must still pass the person
// form's checks, which Update applies before saving.
func TestGeneratedPeoplePassTheFormsChecks(t *testing.T) {
	db, _ := generate(t)
	var all []model.Person
	if err := db.Where("id % 7 = 0").Find(&all).Error; err != nil || len(all) < 200 {
		t.Fatalf("%d people, %v", len(all), err)
	}
	svc := people.New(db, testdb.Now)
	for _, p := range all {
		in := people.PersonInput{Name: p.Name, Email: p.Email, Pronouns: p.Pronouns, Title: p.Title, Team: p.Team,
			Location: p.Location, TimeZone: p.TimeZone, StartDate: p.StartDate, Strengths: p.Strengths,
			GrowthAreas: p.GrowthAreas, PrivateNote: p.PrivateNote}
		if _, err := svc.Update(p.ID, in); err != nil {
			t.Fatalf("%+v: %v", in, err)
		}
	}
}
