package notes_test

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
	"circlebook/backend/store"
)

// readOnly makes the database refuse writes, or take them again. SQLite's
// pool holds one connection, so the pragma holds for every later
// statement; PostgreSQL's is cut to one for the setting to hold the same way.
func readOnly(t *testing.T, e env, on bool) {
	t.Helper()
	set := "PRAGMA query_only = " + map[bool]string{false: "0", true: "1"}[on]
	if store.DialectOf(e.st.DB) == store.Postgres {
		sqlDB, err := e.st.DB.DB()
		if err != nil {
			t.Fatal(err)
		}
		sqlDB.SetMaxOpenConns(1)
		set = "SET default_transaction_read_only = " + map[bool]string{false: "off", true: "on"}[on]
	}
	if err := e.st.DB.Exec(set).Error; err != nil {
		t.Fatal(err)
	}
}

func recovered(t *testing.T, e env) []notes.Draft {
	t.Helper()
	ds, err := e.svc.Recover()
	if err != nil {
		t.Fatal(err)
	}
	if ds == nil {
		t.Fatal("Recover returned nil, want an empty list")
	}
	slices.SortFunc(ds, func(a, b notes.Draft) int {
		return cmp.Or(cmp.Compare(a.SessionID, b.SessionID), strings.Compare(a.Visibility, b.Visibility))
	})
	return ds
}

func TestRefusedWriteIsJournaledUntilASaveSucceeds(t *testing.T) {
	e := setup(t)
	e.save(t, model.Shared, "first")
	e.clock.Advance(time.Minute)

	readOnly(t, e, true)
	_, err := e.svc.Save(e.session.ID, model.Shared, "first, and a second thought")
	ae := testdb.WantError(t, err, apperr.Internal, "")
	if !strings.HasPrefix(ae.Message, "Not saved") {
		t.Errorf("message = %q, want it to start with \"Not saved\"", ae.Message)
	}
	readOnly(t, e, false)

	if got := e.stored(t, model.Shared); got.Body != "first" || got.Version != 1 {
		t.Errorf("the database holds %q v%d, want the last saved text", got.Body, got.Version)
	}
	ds := recovered(t, e)
	want := notes.Draft{SessionID: e.session.ID, Visibility: model.Shared, Body: "first, and a second thought", SavedAt: e.clock.Now()}
	if len(ds) != 1 || ds[0].SessionID != want.SessionID || ds[0].Visibility != want.Visibility || ds[0].Body != want.Body || !ds[0].SavedAt.Equal(want.SavedAt) {
		t.Fatalf("Recover = %+v, want [%+v]", ds, want)
	}
	for _, name := range e.journaled(t) {
		info, err := os.Stat(filepath.Join(e.drafts, name))
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("draft %s has mode %v, want 0600: private notes go in drafts too", name, info.Mode().Perm())
		}
	}
	if again := recovered(t, e); len(again) != 1 {
		t.Errorf("a second Recover = %+v, want the draft still offered", again)
	}

	e.clock.Advance(time.Minute)
	if n := e.save(t, model.Shared, "first, and a second thought"); n.Version != 2 {
		t.Errorf("the save after the disk came back has version %d, want 2", n.Version)
	}
	if ds := recovered(t, e); len(ds) != 0 {
		t.Errorf("Recover after a good save = %+v, want nothing", ds)
	}
	if files := e.journaled(t); len(files) != 0 {
		t.Errorf("journal holds %v after a good save, want nothing", files)
	}
}

func TestRefusedFirstWriteIsJournaled(t *testing.T) {
	e := setup(t)
	readOnly(t, e, true)
	_, err := e.svc.Save(e.session.ID, model.Private, "- [ ] @Ana private thought\n")
	testdb.WantError(t, err, apperr.Internal, "")
	readOnly(t, e, false)

	if counts := e.f.LiveCounts(); counts["notes"] != 0 || counts["action_items"] != 0 || counts["note_revisions"] != 0 {
		t.Errorf("rows after a refused write = %v, want none", counts)
	}
	if ds := recovered(t, e); len(ds) != 1 || ds[0].Body != "- [ ] @Ana private thought\n" || ds[0].Visibility != model.Private {
		t.Errorf("Recover = %+v, want the private draft", ds)
	}
}

func TestDiscardDraft(t *testing.T) {
	e := setup(t)
	readOnly(t, e, true)
	for _, v := range []string{model.Shared, model.Private} {
		if _, err := e.svc.Save(e.session.ID, v, v+" text"); err == nil {
			t.Fatal("Save on a read-only database succeeded")
		}
	}
	readOnly(t, e, false)
	if err := e.svc.DiscardDraft(e.session.ID, model.Shared); err != nil {
		t.Fatal(err)
	}
	if ds := recovered(t, e); len(ds) != 1 || ds[0].Visibility != model.Private {
		t.Errorf("Recover after discarding the shared draft = %+v, want only the private one", ds)
	}
	if err := e.svc.DiscardDraft(e.session.ID, model.Shared); err != nil {
		t.Errorf("discarding a draft twice: %v, want no error", err)
	}
}

func TestDiscardDraftStaysInTheJournal(t *testing.T) {
	e := setup(t)
	outside := filepath.Join(filepath.Dir(e.drafts), "keep.json")
	if err := os.WriteFile(outside, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, visibility := range []string{"/../../keep", "../../keep", "public", ""} {
		err := e.svc.DiscardDraft(1, visibility)
		testdb.WantError(t, err, apperr.Invalid, "visibility")
		if _, err := os.Stat(outside); err != nil {
			t.Fatalf("DiscardDraft(1, %q) removed a file outside the journal: %v", visibility, err)
		}
	}
}

func TestRecoverDropsDraftsTheDatabaseHas(t *testing.T) {
	e := setup(t)
	later := e.f.Session(e.circle, "2026-12-09T17:00", model.SessionPlanned)
	unsaved := e.f.Session(e.circle, "2026-12-23T17:00", model.SessionPlanned)
	e.save(t, model.Shared, "saved text")
	e.save(t, model.Private, "same text")
	if _, err := e.svc.Save(later.ID, model.Shared, "saved text"); err != nil {
		t.Fatal(err)
	}
	now := e.clock.Now()

	j := notes.NewJournal(e.drafts)
	drafts := []notes.Draft{
		{SessionID: e.session.ID, Visibility: model.Shared, Body: "older text", SavedAt: now.Add(-time.Minute)}, // dropped: older than the save
		{SessionID: e.session.ID, Visibility: model.Private, Body: "same text", SavedAt: now.Add(time.Minute)},  // dropped: the same text
		{SessionID: later.ID, Visibility: model.Shared, Body: "newer text", SavedAt: now.Add(time.Minute)},      // kept
		{SessionID: unsaved.ID, Visibility: model.Shared, Body: "never saved", SavedAt: now.Add(-time.Hour)},    // kept: no note yet
	}
	for _, d := range drafts {
		if err := j.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(e.drafts, "session-77-shared.json"), []byte("not json"), 0o600); err != nil {
		t.Fatal(err)
	}

	var bodies []string
	for _, d := range recovered(t, e) {
		bodies = append(bodies, d.Body)
	}
	slices.Sort(bodies)
	if want := []string{"never saved", "newer text"}; !slices.Equal(bodies, want) {
		t.Errorf("Recover = %v, want %v", bodies, want)
	}
	files := e.journaled(t)
	slices.Sort(files)
	want := []string{fmt.Sprintf("session-%d-shared.json", later.ID), fmt.Sprintf("session-%d-shared.json", unsaved.ID), "session-77-shared.json"}
	if !slices.Equal(files, want) {
		t.Errorf("journal files = %v, want %v: the dropped drafts' files removed, the unreadable one left", files, want)
	}
}

func TestRecoverWithNoJournal(t *testing.T) {
	e := setup(t)
	if ds := recovered(t, e); len(ds) != 0 {
		t.Errorf("Recover = %+v, want nothing", ds)
	}
}
