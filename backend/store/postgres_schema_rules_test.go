package store

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

// wantRefused runs op on every engine and fails unless each refuses it with
// want (nil: any error, for CHECK constraints, which SQLite's driver does
// not translate).
func wantRefused(t *testing.T, es []engine, what string, want error, op func(db *gorm.DB) error) {
	t.Helper()
	for _, e := range es {
		err := op(e.db)
		switch {
		case err == nil:
			t.Errorf("%s on %s: accepted, want it refused", what, e.name)
		case want != nil && !errors.Is(err, want):
			t.Errorf("%s on %s: %v, want %v", what, e.name, err, want)
		}
	}
}

// wantAccepted runs op on every engine and fails unless each accepts it.
func wantAccepted(t *testing.T, es []engine, what string, op func(db *gorm.DB) error) {
	t.Helper()
	for _, e := range es {
		if err := op(e.db); err != nil {
			t.Errorf("%s on %s: %v", what, e.name, err)
		}
	}
}

// TestPostgresRules: the baseline's unique indexes, CHECK constraints and
// foreign keys accept and refuse what SQLite's do, with the errors GORM
// translates alike; text compares, sorts and lower()s as on SQLite; and
// GORM's bools and times go in and come back alike.
func TestPostgresRules(t *testing.T) {
	es := engines(t)
	// Made first: a refused insert uses up a key on PostgreSQL (a sequence
	// never goes back), not on SQLite, and newCircle and the like want the
	// engines' keys equal.
	circle := newCircle(t, es, "Rules", model.CircleActive)
	session := newSession(t, es, circle, model.SessionHeld)
	owner := newPerson(t, es, "Owner")
	person := func(name, email string) func(db *gorm.DB) error {
		return func(db *gorm.DB) error { return db.Create(&model.Person{Name: name, Email: email}).Error }
	}
	wantAccepted(t, es, "a person with an e-mail", person("Ana", "Ana@Example.org"))
	wantRefused(t, es, "the same e-mail in another case", gorm.ErrDuplicatedKey, person("Ana Two", "ana@EXAMPLE.org"))
	wantAccepted(t, es, "people without e-mails", func(db *gorm.DB) error {
		return errors.Join(person("No Mail", "")(db), person("No Mail Either", "")(db))
	})
	// lower() folds ASCII letters only, on both: Ä and ä are two addresses.
	wantAccepted(t, es, "e-mails that differ in a non-ASCII letter's case", func(db *gorm.DB) error {
		return errors.Join(person("Ärla", "Ärla@example.org")(db), person("ärla", "ärla@example.org")(db))
	})
	wantRefused(t, es, "a topic named as a seeded one in another case", gorm.ErrDuplicatedKey, func(db *gorm.DB) error {
		return db.Create(&model.Topic{Name: "FEEDBACK"}).Error
	})

	wantRefused(t, es, "a circle of an unknown status", nil, func(db *gorm.DB) error {
		return db.Exec("UPDATE circles SET status = 'bogus' WHERE id = ?", circle).Error
	})
	wantRefused(t, es, "a mark of an unknown status", nil, func(db *gorm.DB) error {
		return db.Create(&model.Attendance{SessionID: session, PersonID: owner, Status: "maybe"}).Error
	})
	wantRefused(t, es, "a mark at no session", gorm.ErrForeignKeyViolated, func(db *gorm.DB) error {
		return db.Create(&model.Attendance{SessionID: 9999, PersonID: owner, Status: model.Present}).Error
	})
	wantRefused(t, es, "a second shared note of a session", gorm.ErrDuplicatedKey, func(db *gorm.DB) error {
		return errors.Join(db.Create(&model.Note{SessionID: session, Visibility: model.Shared}).Error,
			db.Create(&model.Note{SessionID: session, Visibility: model.Shared}).Error)
	})

	wantRoundTrips(t, es, session)
	wantDeletesFollowSQLite(t, es, circle, session, owner)
	wantTextOrder(t, es)
}

// wantDeletesFollowSQLite deletes a note, a session and a person with
// things pointing at them: each engine clears or deletes the same rows.
func wantDeletesFollowSQLite(t *testing.T, es []engine, circle, session, owner uint) {
	t.Helper()
	for _, e := range es {
		var note model.Note
		if err := e.db.Where("session_id = ?", session).First(&note).Error; err != nil {
			t.Fatal(err)
		}
		for _, rec := range []any{
			&model.ActionItem{CircleID: circle, SessionID: &session, OwnerID: &owner, NoteID: &note.ID, Text: "Call", Status: model.ActionOpen, Source: model.SourceNotes},
			&model.ActionItem{CircleID: circle, OwnerID: &owner, Text: "Write", Status: model.ActionOpen, Source: model.SourceManual},
			&model.Pin{PersonID: owner, CircleID: &circle, SessionID: &session, Body: "Likes maps", Visibility: model.Private},
			&model.AgendaItem{SessionID: session, Title: "Welcome"},
			&model.NoteRevision{NoteID: note.ID, Version: 1, Body: "x", Reason: model.RevisionTyping},
		} {
			if err := e.db.Create(rec).Error; err != nil {
				t.Fatalf("%s: %T: %v", e.name, rec, err)
			}
		}
	}
	state := func(db *gorm.DB) []string {
		return append(append(rowStrings(t, db, "SELECT text, session_id, owner_id, note_id FROM action_items"),
			rowStrings(t, db, "SELECT body, circle_id, session_id FROM pins")...),
			rowStrings(t, db, "SELECT (SELECT COUNT(*) FROM notes), (SELECT COUNT(*) FROM note_revisions), (SELECT COUNT(*) FROM agenda_items)")...)
	}
	for _, del := range []string{"DELETE FROM notes", "DELETE FROM sessions", "DELETE FROM people WHERE name = 'Owner'"} {
		step(t, es, del, func(db *gorm.DB) error { return db.Exec(del).Error })
		sameOnAll(t, es, "after "+del, state)
	}
	if got := state(es[0].db); fmt.Sprint(got) != "[Call | <nil> | <nil> | <nil> Write | <nil> | <nil> | <nil> 0 | 0 | 0]" {
		t.Errorf("after the deletes: %v", got)
	}
}

// wantTextOrder: names sort by their keys, and by themselves, byte by
// byte on both engines (SQLite's BINARY; COLLATE "C" on PostgreSQL), range
// conditions on them read the same rows, and lower() folds ASCII letters only.
func wantTextOrder(t *testing.T, es []engine) {
	t.Helper()
	for _, name := range []string{"ana munoz", "Anabel", "Ana-María", "ana_b", "Zoë", "émile", "Émile", "ÉMILE", "Émile ",
		"zed", "1 a", "李明", "Ωmega", "Ana Muñoz", "a c", "ab"} {
		newCircle(t, es, name, model.CircleActive)
	}
	for _, where := range []string{
		"true ORDER BY name_key, name, id",
		"true ORDER BY name, id",
		"(name_key, name) > ('ana', 'Ana') ORDER BY name_key, name, id",
		"lower(name) = 'Émile' ORDER BY id", // Émile and ÉMILE, not émile
	} {
		sameOnAll(t, es, where, func(db *gorm.DB) []string {
			var names []string
			if err := db.Raw("SELECT name FROM circles WHERE " + where).Scan(&names).Error; err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			return names
		})
	}
	var names []string
	if err := es[0].db.Raw("SELECT name FROM circles WHERE lower(name) = 'Émile' ORDER BY id").Scan(&names).Error; err != nil || len(names) != 2 {
		t.Errorf("lower(name) = 'Émile' finds %q (%v), want Émile and ÉMILE", names, err)
	}
}

// wantRoundTrips: a bool and the created/updated times GORM writes read
// back as written, and a query on a bool with a bool argument (as
// sessions.page does) finds the same rows.
func wantRoundTrips(t *testing.T, es []engine, session uint) {
	t.Helper()
	when := time.Date(2026, 11, 25, 17, 30, 15, 123456000, time.UTC)
	for _, e := range es {
		item := model.AgendaItem{SessionID: session, Title: "Done already", Done: true}
		item.CreatedAt, item.UpdatedAt = when, when
		if err := e.db.Create(&item).Error; err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		var back model.AgendaItem
		if err := e.db.First(&back, item.ID).Error; err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if !back.Done || !back.CreatedAt.Equal(when) || !back.UpdatedAt.Equal(when) {
			t.Errorf("%s: wrote done %v at %v, read back done %v created %v updated %v", e.name, true, when, back.Done, back.CreatedAt, back.UpdatedAt)
		}
	}
	sameOnAll(t, es, "agenda items not done", func(db *gorm.DB) []string {
		return rowStrings(t, db, "SELECT COUNT(*) FROM agenda_items WHERE done = ?", false)
	})
}
