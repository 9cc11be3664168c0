package notes_test

import (
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// The text a conflict's loser chose not to keep becomes a revision of the
// note (listed by Revisions, restorable) and the note itself is untouched;
// setting the same text aside twice keeps one copy; a note not yet written
// has nothing to keep a text beside.
func TestSetAsideKeepsTextAsARevision(t *testing.T) {
	e := setup(t)
	_, err := e.svc.SetAside(e.session.ID, model.Shared, "Ben's words.")
	testdb.WantError(t, err, apperr.NotFound, "")

	e.save(t, model.Shared, "Ana's words.")
	e.clock.Advance(time.Second)
	rev, err := e.svc.SetAside(e.session.ID, model.Shared, "Ben's words.")
	if err != nil {
		t.Fatal(err)
	}
	if rev.Body != "Ben's words." || rev.Version != 1 || rev.ID == 0 {
		t.Errorf("set aside %+v, want Ben's words at version 1", rev)
	}
	again, err := e.svc.SetAside(e.session.ID, model.Shared, "Ben's words.")
	if err != nil || again.ID != rev.ID {
		t.Errorf("setting the same text aside again = revision %d, %v; want %d", again.ID, err, rev.ID)
	}
	if n := e.stored(t, model.Shared); n.Body != "Ana's words." || n.Version != 1 {
		t.Errorf("the note is version %d %q; want version 1, Ana's, untouched", n.Version, n.Body)
	}
	revs, err := e.svc.Revisions(rev.NoteID)
	if err != nil || len(revs) == 0 || revs[0].Body != "Ben's words." {
		t.Fatalf("revisions %+v, %v; want Ben's words first", revs, err)
	}
	restored, err := e.svc.Restore(rev.NoteID, rev.ID)
	if err != nil || restored.Body != "Ben's words." {
		t.Errorf("restoring the set-aside text = %q, %v", restored.Body, err)
	}
	_, err = e.svc.SetAside(e.session.ID, "public", "x")
	testdb.WantError(t, err, apperr.Invalid, "visibility")
}
