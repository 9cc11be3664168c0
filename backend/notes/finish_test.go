package notes_test

import (
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"

	"gorm.io/gorm"
)

// Finish counts the shared note's last line, though no line break follows
// it: what ending the session and closing the window do with the final text.
func TestFinishCountsTheLastLine(t *testing.T) {
	e := setup(t)
	zoe := e.f.Person("Zoë Durand")
	e.f.Member(e.circle, zoe, model.RoleMentee)
	e.save(t, model.Shared, "Notas\n- [ ] @Zoë preparar la demo due:2026-12-15")
	e.save(t, model.Private, "- [ ] @Zoë algo privado")
	if n := e.f.Count("action_items"); n != 0 {
		t.Fatalf("%d items while the line is being typed, want none", n)
	}

	r, err := e.svc.Finish(e.session.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Actions) != 1 || r.Actions[0].Text != "preparar la demo" || r.Actions[0].OwnerName != "Zoë Durand" ||
		r.Actions[0].DueOn != "2026-12-15" || r.Note.Visibility != model.Shared || r.Note.ID == 0 {
		t.Fatalf("Finish = %+v, want the shared note and Zoë's item from its last line only", r)
	}
	item := r.Actions[0].ID

	// Editing the notes afterwards keeps the item while the line stays as it is.
	e.save(t, model.Shared, "Notas, revisadas\n- [ ] @Zoë preparar la demo due:2026-12-15")
	var items []model.ActionItem
	e.f.DB.Find(&items)
	if len(items) != 1 || items[0].ID != item {
		t.Errorf("after an edit above it: %+v, want item %d kept", items, item)
	}
	// Finishing again changes nothing.
	if r, err := e.svc.Finish(e.session.ID); err != nil || len(r.Actions) != 1 || r.Actions[0].ID != item {
		t.Errorf("Finish again = %+v, %v; want the same one item", r, err)
	}
}

func TestFinishWithoutNotes(t *testing.T) {
	e := setup(t)
	r, err := e.svc.Finish(e.session.ID)
	if err != nil || len(r.Actions) != 0 || r.Note.ID != 0 {
		t.Errorf("Finish of a session with no notes = %+v, %v; want nothing", r, err)
	}
	_, err = e.svc.Finish(999)
	testdb.WantError(t, err, apperr.NotFound, "")
}

// The in-transaction form is what Sessions.End calls.
func TestFinishInsideATransaction(t *testing.T) {
	e := setup(t)
	e.save(t, model.Shared, "- [ ] call the venue")
	err := e.f.DB.Transaction(func(tx *gorm.DB) error { return notes.Finish(tx, e.session.ID, e.clock.Now()) })
	if err != nil {
		t.Fatal(err)
	}
	if n := e.f.Count("action_items"); n != 1 {
		t.Errorf("%d items, want the last line's", n)
	}
}
