package bundle_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/bundle"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// later returns a time after every record's own, in the bundle's format.
func later(d time.Duration) string {
	return time.Now().UTC().Add(d).Format(time.RFC3339Nano)
}

// An import into a store that has an older version of some records updates
// those, leaves the rest alone and creates what is new.
func TestImportUpdatesOlderRecords(t *testing.T) {
	src := newStore(t)
	e := buildEdge(t, src)
	_, data := export(t, src.DB, e.circle.ID, true)
	dst := newStore(t)
	load(t, dst.DB, data)

	// On the first laptop: edit a person, a session, the shared note and a
	// mark; add a session and tag it.
	src.DB.Model(&e.kwame).Updates(map[string]any{"title": "Staff Engineer", "private_note": "Kwame " + secret})
	src.DB.Model(&e.held).Update("topic", "Feedback that lands")
	oldBody := e.shared.Body
	src.DB.Model(&e.shared).Updates(map[string]any{"body": "# Notes, revised\n", "version": 2})
	src.DB.Model(&model.Attendance{}).Where("session_id = ? AND person_id = ?", e.held.ID, e.ana.ID).Update("status", model.Present)
	src.DB.Model(&e.planned).Update("status", model.SessionHeld)
	src.Mark(e.planned, e.ana, model.Present)
	added := src.Session(e.circle, "2026-05-01T17:00", model.SessionHeld)
	src.Tag(added, e.custom)
	src.DB.Model(&added).UpdateColumn("number", 4) // the next number, as the sessions service gives it
	_, data = export(t, src.DB, e.circle.ID, true)

	res := load(t, dst.DB, data)
	want := map[string]bundle.Counts{
		"people":   {Updated: 1, Unchanged: 2},
		"sessions": {Created: 1, Updated: 2, Unchanged: 1},
		"notes":    {Updated: 1, Unchanged: 2},
		"marks":    {Created: 1, Updated: 1, Unchanged: 2},
		"tags":     {Created: 1, Unchanged: 3},
		"circle":   {Unchanged: 1},
	}
	got := map[string]bundle.Counts{"people": res.People, "sessions": res.Sessions, "notes": res.Notes,
		"marks": res.Attendance, "tags": res.SessionTopics, "circle": res.Circle}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("%s: %+v, want %+v", k, got[k], want[k])
		}
	}
	first, _ := export(t, src.DB, e.circle.ID, true)
	second, _ := export(t, dst.DB, res.CircleID, true)
	sameBundles(t, first, second)
	talliesAgree(t, dst.DB, res.CircleID)

	// The overwritten note's text is kept as a revision.
	var revs []model.NoteRevision
	dst.DB.Joins("JOIN notes n ON n.id = note_revisions.note_id").Where("n.uuid = ?", e.shared.UUID).Find(&revs)
	if len(revs) != 1 || revs[0].Body != oldBody || revs[0].Reason != model.RevisionBeforeRestore || !revs[0].CreatedAt.Equal(testdb.Today) {
		t.Errorf("revisions of the overwritten note: %+v", revs)
	}
	// Every session kept the number it was given, the earlier one added too.
	if got := sessionNumbers(t, dst.DB, res.CircleID); !slices.Equal(got, []int{4, 1, 2, 3}) {
		t.Errorf("session numbers in date order = %v, want [4 1 2 3]", got)
	}
}

// sessionNumbers returns the numbers of a circle's sessions in date order.
func sessionNumbers(t *testing.T, db *gorm.DB, circleID uint) []int {
	t.Helper()
	var out []int
	if err := db.Table("sessions").Where("circle_id = ?", circleID).Order("starts_at, id").Pluck("number", &out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

// An import keeps the numbers the bundle gives, as they were shown and
// exported where it was made. Only a session with no number, or with one
// another session here already has, takes the next number after the highest.
func TestImportKeepsSessionNumbers(t *testing.T) {
	src := newStore(t)
	e := buildEdge(t, src)
	_, data := export(t, src.DB, e.circle.ID, false)
	dst := newStore(t)
	res := load(t, dst.DB, data)

	// Here, a session is added as #4; there, a different #4 and one with no number.
	local := dst.Session(model.Circle{Base: model.Base{ID: res.CircleID}}, "2026-12-08T17:00", model.SessionPlanned)
	dst.DB.Model(&local).UpdateColumn("number", 4)
	theirs := src.Session(e.circle, "2026-06-05T17:00", model.SessionHeld)
	src.DB.Model(&theirs).UpdateColumn("number", 4)
	src.Session(e.circle, "2026-07-01T17:00", model.SessionPlanned) // number 0
	_, data = export(t, src.DB, e.circle.ID, false)

	res = load(t, dst.DB, data)
	if res.Sessions != (bundle.Counts{Created: 2, Unchanged: 3}) {
		t.Errorf("sessions: %+v, want 2 created, 3 unchanged", res.Sessions)
	}
	// Dates: 2 Jun #1, 5 Jun theirs, 12 Jun #2, 1 Jul no number, 1 Dec #3, 8 Dec local #4.
	want := []int{1, 5, 2, 6, 3, 4}
	if got := sessionNumbers(t, dst.DB, res.CircleID); !slices.Equal(got, want) {
		t.Errorf("session numbers in date order = %v, want %v", got, want)
	}
	if again := load(t, dst.DB, data); again.Sessions != (bundle.Counts{Unchanged: 5}) {
		t.Errorf("importing again: sessions %+v, want all unchanged", again.Sessions)
	}
	if got := sessionNumbers(t, dst.DB, res.CircleID); !slices.Equal(got, want) {
		t.Errorf("session numbers after importing again = %v, want %v", got, want)
	}
}

// A record edited here after the bundle was made keeps the local edit.
func TestLocalNewerWins(t *testing.T) {
	src := newStore(t)
	e := buildEdge(t, src)
	b, _ := export(t, src.DB, e.circle.ID, false)
	b.Circle.Name, b.Circle.UpdatedAt = "Renamed there", later(-time.Hour)
	src.DB.Model(&e.circle).Update("name", "Renamed here") // updated_at: now
	res := load(t, src.DB, encoded(t, b))
	if res.Circle != (bundle.Counts{Unchanged: 1}) {
		t.Errorf("circle: %+v, want unchanged", res.Circle)
	}
	var name string
	src.DB.Table("circles").Where("id = ?", e.circle.ID).Pluck("name", &name)
	if name != "Renamed here" {
		t.Errorf("name = %q, want the local edit kept", name)
	}
}

// A person whose UUID is unknown here but whose email is known is the
// person here: no duplicate, and the bundle's references point to them.
func TestPersonMatchedByEmail(t *testing.T) {
	src := newStore(t)
	e := buildEdge(t, src)
	_, data := export(t, src.DB, e.circle.ID, false)
	dst := newStore(t)
	here := dst.Person("Ana M.", func(p *model.Person) {
		p.Email, p.PrivateNote = "ana.munoz@EXAMPLE.org", "mine"
		p.CreatedAt, p.UpdatedAt = seedTime, seedTime // before the bundle's version of her
	})

	res := load(t, dst.DB, data)
	if res.People != (bundle.Counts{Created: 2, Updated: 1}) {
		t.Errorf("people: %+v, want Ana updated, two created", res.People)
	}
	var ana model.Person
	dst.DB.Take(&ana, here.ID)
	if ana.UUID != here.UUID || ana.Name != "Ana Muñoz" || ana.Email != "Ana.Munoz@example.org" || ana.PrivateNote != "mine" {
		t.Errorf("Ana here = %+v; want her UUID and private note kept, the rest from the bundle", ana)
	}
	var members int64
	dst.DB.Model(&model.Membership{}).Where("person_id = ? AND circle_id = ?", here.ID, res.CircleID).Count(&members)
	if members != 1 {
		t.Errorf("Ana has %d memberships in the imported circle, want 1", members)
	}
	before := dst.Fingerprint()
	if again := load(t, dst.DB, data); again.Total().Created+again.Total().Updated != 0 {
		t.Errorf("importing again: %+v", again.Total())
	}
	if after := dst.Fingerprint(); !before.Equal(after) {
		t.Errorf("importing again changed:%s", before.Diff(after))
	}
}

// A topic whose UUID is unknown but whose name is known (in any ASCII case)
// is that topic.
func TestTopicMatchedByName(t *testing.T) {
	src := newStore(t)
	e := buildEdge(t, src)
	_, data := export(t, src.DB, e.circle.ID, false)
	dst := newStore(t)
	here := dst.Topic("NEGOTIATION")
	res := load(t, dst.DB, data)
	var n int64
	dst.DB.Table("session_topics").Where("topic_id = ?", here.ID).Count(&n)
	if n != 2 || res.Topics.Created != 0 {
		t.Errorf("the local topic has %d tags, topics %+v; want the bundle's 2 tags on it, none created", n, res.Topics)
	}
}

func TestConflictsAreRefused(t *testing.T) {
	tests := []struct {
		name  string
		setup func(f testdb.Fixture, b *bundle.Bundle)
		code  apperr.Code
		msg   string
	}{
		{"email taken by someone else", func(f testdb.Fixture, b *bundle.Bundle) {
			f.Person("Someone", func(p *model.Person) { p.Email = "taken@example.org" })
			b.People[1].Email, b.People[1].UpdatedAt = "Taken@example.org", later(time.Hour)
		}, apperr.Conflict, "people[1].email: Someone here already has the email"},
		{"topic renamed onto another", func(f testdb.Fixture, b *bundle.Bundle) {
			b.Topics[1].Name, b.Topics[1].UpdatedAt = "career growth", later(time.Hour)
		}, apperr.Conflict, "topics[1].name: The topic"},
		{"session of another circle", func(f testdb.Fixture, b *bundle.Bundle) {
			other := f.Circle("Elsewhere")
			s := f.Session(other, "2026-01-01T10:00", model.SessionPlanned)
			b.Sessions[0].UUID = s.UUID
			for i := range b.Attendance {
				b.Attendance[i].Session = s.UUID
			}
		}, apperr.Conflict, "sessions[0].uuid: A session with this UUID belongs to another circle here."},
		{"a person twice, by UUID and by email", func(f testdb.Fixture, b *bundle.Bundle) {
			b.People[1].UUID = "00000000-0000-4000-8000-000000000001"
			b.People[1].Email = b.People[0].Email
			b.People[0].Email = ""
		}, apperr.Conflict, "people[1]: This is the same record here as people[0]"},
		{"reference to another circle's session", func(f testdb.Fixture, b *bundle.Bundle) {
			other := f.Circle("Elsewhere")
			b.Notes[0].Session = f.Session(other, "2026-01-01T10:00", model.SessionPlanned).UUID
		}, apperr.Invalid, "notes[0].session: There is no session of this circle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newStore(t)
			e := buildEdge(t, f)
			b, _ := export(t, f.DB, e.circle.ID, false)
			tt.setup(f, &b)
			before := f.Fingerprint()
			_, err := bundle.Import(f.DB, bytes.NewReader(encoded(t, b)), testdb.Today)
			ae := testdb.WantError(t, err, tt.code, bundle.Field)
			if !strings.HasPrefix(ae.Message, tt.msg) {
				t.Errorf("message = %q, want it to start %q", ae.Message, tt.msg)
			}
			if after := f.Fingerprint(); !before.Equal(after) {
				t.Errorf("a refused import changed the database:%s", before.Diff(after))
			}
		})
	}
}

// A failure while writing, after much was written, rolls everything back.
func TestFailureLateInTheWriteRollsBack(t *testing.T) {
	src := newStore(t)
	e := buildEdge(t, src)
	_, data := export(t, src.DB, e.circle.ID, false)
	dst := newStore(t)
	testdb.FailInserts(t, dst.DB, "pins", "no pins today")
	before := dst.Fingerprint()
	_, err := bundle.Import(dst.DB, bytes.NewReader(data), testdb.Today)
	ae := testdb.WantError(t, err, apperr.Internal, bundle.Field)
	if !strings.HasPrefix(ae.Message, "pins: ") {
		t.Errorf("message = %q, want it to name the pins", ae.Message)
	}
	if after := dst.Fingerprint(); !before.Equal(after) {
		t.Errorf("a failed import changed the database:%s", before.Diff(after))
	}
}

// Merge works inside the caller's transaction and validates first.
func TestMergeValidates(t *testing.T) {
	f := newStore(t)
	e := buildEdge(t, f)
	b, _ := export(t, f.DB, e.circle.ID, false)
	b.Sessions[0].Status = "done"
	_, err := bundle.Merge(f.DB, b, testdb.Today)
	ae := testdb.WantError(t, err, apperr.Invalid, bundle.Field)
	if !strings.HasPrefix(ae.Message, "sessions[0].status: Status must be one of") {
		t.Errorf("message = %q", ae.Message)
	}
}

// References may point at records already here rather than in the bundle.
func TestReferencesToRecordsHere(t *testing.T) {
	f := newStore(t)
	e := buildEdge(t, f)
	b, _ := export(t, f.DB, e.circle.ID, false)
	b.People = b.People[:1] // Ana only; Kwame and Lan are referred to by UUID
	res := load(t, f.DB, encoded(t, b))
	if res.Memberships.Unchanged != 3 || res.Attendance.Unchanged != 3 || res.Total().Created != 0 {
		t.Errorf("import = %+v", res)
	}
}

// Two laptops that both marked the same person at the same session have two
// marks with different UUIDs; the import takes them as one, newer wins.
func TestSameMarkMadeOnTwoLaptops(t *testing.T) {
	src := newStore(t)
	e := buildEdge(t, src)
	_, data := export(t, src.DB, e.circle.ID, false)
	dst := newStore(t)
	res := load(t, dst.DB, data)
	var planned, kwame model.Base
	dst.DB.Table("sessions").Where("uuid = ?", e.planned.UUID).Take(&planned)
	dst.DB.Table("people").Where("uuid = ?", e.kwame.UUID).Take(&kwame)
	here := dst.Mark(model.Session{Base: planned}, model.Person{Base: kwame}, model.Absent)
	there := src.Mark(e.planned, e.kwame, model.Present) // later
	_, data = export(t, src.DB, e.circle.ID, false)

	res = load(t, dst.DB, data)
	if res.Attendance != (bundle.Counts{Updated: 1, Unchanged: 3}) {
		t.Errorf("attendance: %+v, want the mark made on both updated", res.Attendance)
	}
	talliesAgree(t, dst.DB, res.CircleID)
	var got model.Attendance
	dst.DB.Take(&got, here.ID)
	if got.Status != model.Present || got.UUID != here.UUID || got.UUID == there.UUID {
		t.Errorf("the mark here = %+v; want it present, keeping its UUID", got)
	}
}
