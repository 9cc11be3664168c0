package notes_test

import (
	"fmt"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
)

func items(t *testing.T, e env) []model.ActionItem {
	t.Helper()
	var all []model.ActionItem
	if err := e.f.DB.Order("id").Find(&all).Error; err != nil {
		t.Fatal(err)
	}
	return all
}

func TestRestore(t *testing.T) {
	e := setup(t)
	first := "Agreed:\n- [ ] @all read chapter 3\n"
	note := e.save(t, model.Shared, first)
	e.clock.Advance(time.Minute)
	e.save(t, model.Shared, "Agreed:\n- [ ] @all read chapter 4\n") // too soon for a revision
	old := revisions(t, e, note.ID)
	if len(old) != 1 || old[0].Body != first {
		t.Fatalf("revisions = %+v, want the first save's", old)
	}

	e.clock.Advance(time.Minute)
	got, err := e.svc.Restore(note.ID, old[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != note.ID || got.Body != first || got.Version != 3 {
		t.Errorf("Restore = %q v%d, want %q v3", got.Body, got.Version, first)
	}
	if stored := e.stored(t, model.Shared); stored.Body != first || stored.Version != 3 {
		t.Errorf("stored = %q v%d, want %q v3", stored.Body, stored.Version, first)
	}

	revs := revisions(t, e, note.ID)
	if len(revs) != 3 {
		t.Fatalf("revisions after Restore = %+v, want three", revs)
	}
	if r := revs[1]; r.Reason != model.RevisionBeforeRestore || r.Body != "Agreed:\n- [ ] @all read chapter 4\n" || r.Version != 2 {
		t.Errorf("revision before the restore = %q v%d %s, want the replaced text v2 before-restore", r.Body, r.Version, r.Reason)
	}
	if r := revs[0]; r.Reason != model.RevisionRestore || r.Body != first || r.Version != 3 || !r.CreatedAt.Equal(e.clock.Now()) {
		t.Errorf("newest revision = %q v%d %s at %v, want the restored text v3 restore at %v", r.Body, r.Version, r.Reason, r.CreatedAt, e.clock.Now())
	}

	its := items(t, e)
	if len(its) != 1 || its[0].Text != "read chapter 3" {
		t.Errorf("action items after Restore = %+v, want only the restored line's", its)
	}
}

func TestRestoreRejects(t *testing.T) {
	e := setup(t)
	shared := e.save(t, model.Shared, "shared text")
	private := e.save(t, model.Private, "private text")
	privateRev := revisions(t, e, private.ID)[0]
	before := e.f.LiveCounts()

	tests := []struct {
		name               string
		noteID, revisionID uint
	}{
		{"another note's revision", shared.ID, privateRev.ID},
		{"unknown revision", shared.ID, 999},
		{"unknown note", 999, privateRev.ID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.Restore(tt.noteID, tt.revisionID)
			testdb.WantError(t, err, apperr.NotFound, "")
			if after := e.f.LiveCounts(); !equalCounts(after, before) {
				t.Errorf("rows = %v, want %v", after, before)
			}
			if got := e.stored(t, model.Shared); got.Body != "shared text" || got.Version != 1 {
				t.Errorf("the shared note became %q v%d", got.Body, got.Version)
			}
		})
	}
}

func TestSnapshot(t *testing.T) {
	e := setup(t)
	shared := e.save(t, model.Shared, "shared")
	private := e.save(t, model.Private, "private")
	e.clock.Advance(time.Minute)
	e.save(t, model.Shared, "shared, more") // within RevisionEvery: no revision yet
	other := e.f.Session(e.circle, "2026-12-09T17:00", model.SessionPlanned)
	if _, err := e.svc.Save(other.ID, model.Shared, "next time"); err != nil {
		t.Fatal(err)
	}

	e.clock.Advance(time.Minute)
	if err := notes.Snapshot(e.f.DB, e.session.ID, e.clock.Now()); err != nil {
		t.Fatal(err)
	}
	for _, n := range []struct {
		id   uint
		body string
	}{{shared.ID, "shared, more"}, {private.ID, "private"}} {
		revs := revisions(t, e, n.id)
		if r := revs[0]; r.Reason != model.RevisionSessionEnd || r.Body != n.body || !r.CreatedAt.Equal(e.clock.Now()) {
			t.Errorf("note %d's newest revision = %q %s at %v, want %q session-end now", n.id, r.Body, r.Reason, r.CreatedAt, n.body)
		}
	}
	if n := e.f.Count("note_revisions"); n != 5 {
		t.Errorf("%d revisions, want 5: three first saves and two snapshots", n)
	}

	e.clock.Advance(time.Hour)
	if err := notes.Snapshot(e.f.DB, e.session.ID, e.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if n := e.f.Count("note_revisions"); n != 5 {
		t.Errorf("%d revisions after a second snapshot of unchanged notes, want still 5", n)
	}
}

func TestRestoreKeepsTextAlreadyInARevision(t *testing.T) {
	e := setup(t)
	note := e.save(t, model.Shared, "one")
	e.clock.Advance(notes.RevisionEvery)
	e.save(t, model.Shared, "two") // its own typing revision
	revs := revisions(t, e, note.ID)
	if len(revs) != 2 {
		t.Fatalf("revisions = %+v, want two", revs)
	}
	if _, err := e.svc.Restore(note.ID, revs[1].ID); err != nil {
		t.Fatal(err)
	}
	revs = revisions(t, e, note.ID)
	var reasons []string
	for _, r := range revs {
		reasons = append(reasons, r.Reason+":"+r.Body)
	}
	want := []string{"restore:one", "before-restore:two", "typing:two", "typing:one"}
	if len(reasons) != len(want) {
		t.Fatalf("revisions = %v, want %v", reasons, want)
	}
	for i := range want {
		if reasons[i] != want[i] {
			t.Errorf("revisions = %v, want %v", reasons, want)
			break
		}
	}
}

// TestRevisionsBounded keeps typing long enough to leave more revisions than
// the list shows: it lists the newest MaxRevisions, newest first.
func TestRevisionsBounded(t *testing.T) {
	e := setup(t)
	var note model.Note
	for i := range notes.MaxRevisions + 2 {
		note = e.save(t, model.Shared, fmt.Sprintf("draft %d\n", i))
		e.clock.Advance(notes.RevisionEvery)
	}
	revs, err := e.svc.Revisions(note.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != notes.MaxRevisions {
		t.Fatalf("Revisions listed %d, want %d", len(revs), notes.MaxRevisions)
	}
	if want := fmt.Sprintf("draft %d\n", notes.MaxRevisions+1); revs[0].Body != want {
		t.Errorf("newest listed = %q, want %q", revs[0].Body, want)
	}
}
