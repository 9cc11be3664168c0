package notes_test

import (
	"testing"
	"time"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"

	"gorm.io/gorm"
)

// bulkBody has a finished task line for a member, a ticked one, one for
// nobody in the circle, and a last line still being typed.
const bulkBody = "## Notes\n\n- [ ] @Ana send the brief due:2026-12-02\n- [x] @ana book the room\n- [ ] @Zed call back\n- [ ] @Ana half-typed"

// rows is what a note's save leaves, without keys and times that differ.
type rows struct {
	version   int
	revisions []string // reason|version|body
	items     []string // text|owner|due|status|source|line key
}

func leftBy(t *testing.T, db *gorm.DB, sessionID uint, visibility string) rows {
	t.Helper()
	var n model.Note
	if err := db.Where("session_id = ? AND visibility = ?", sessionID, visibility).Take(&n).Error; err != nil {
		t.Fatal(err)
	}
	var r rows
	r.version = n.Version
	db.Raw("SELECT reason || '|' || version || '|' || body FROM note_revisions WHERE note_id = ? ORDER BY id", n.ID).Scan(&r.revisions)
	db.Raw("SELECT text || '|' || coalesce(owner_id, 0) || '|' || due_on || '|' || status || '|' || source || '|' || line_key FROM action_items WHERE note_id = ? ORDER BY line_key", n.ID).Scan(&r.items)
	return r
}

// SaveFirsts leaves, note for note, what SaveTx (and so Save) leaves.
func TestSaveFirstsLeavesWhatSaveTxLeaves(t *testing.T) {
	_, f := testdb.New(t)
	c := f.Circle("Bulk circle")
	f.Member(c, f.Person("Ana Muñoz"), model.RoleMentee)
	var one, two model.Session
	for _, s := range []*model.Session{&one, &two} {
		*s = model.Session{CircleID: c.ID, StartsAt: "2026-11-24T17:00", Status: model.SessionHeld}
		if err := f.DB.Create(s).Error; err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, 11, 24, 18, 0, 0, 0, time.UTC)
	err := f.DB.Transaction(func(tx *gorm.DB) error {
		for _, v := range []string{model.Shared, model.Private} {
			if _, err := notes.SaveTx(tx, one, v, bulkBody, at); err != nil {
				return err
			}
		}
		return notes.SaveFirsts(tx, []notes.First{{two, model.Shared, bulkBody, at}, {two, model.Private, bulkBody, at}})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{model.Shared, model.Private} {
		want, got := leftBy(t, f.DB, one.ID, v), leftBy(t, f.DB, two.ID, v)
		if want.version != got.version || len(got.revisions) != 1 || got.revisions[0] != want.revisions[0] ||
			len(got.items) != len(want.items) {
			t.Fatalf("%s: SaveFirsts left %+v, SaveTx %+v", v, got, want)
		}
		for i := range want.items {
			if got.items[i] != want.items[i] {
				t.Errorf("%s: item %q, SaveTx made %q", v, got.items[i], want.items[i])
			}
		}
	}
	if shared := leftBy(t, f.DB, two.ID, model.Shared); len(shared.items) != 3 {
		t.Errorf("shared note made %d items, want 3 (the half-typed line makes none yet): %v", len(shared.items), shared.items)
	}
	var revAt time.Time
	f.DB.Raw("SELECT created_at FROM note_revisions ORDER BY id DESC LIMIT 1").Scan(&revAt)
	if !revAt.Equal(at) {
		t.Errorf("revision stamped %v, want %v", revAt, at)
	}
	err = f.DB.Transaction(func(tx *gorm.DB) error {
		return notes.SaveFirsts(tx, []notes.First{{two, model.Shared, "again", at}})
	})
	if err == nil {
		t.Error("SaveFirsts saved a second shared note for one session")
	}
}
