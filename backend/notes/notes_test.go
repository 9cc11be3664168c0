package notes_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
	"circlebook/backend/store"
)

// env is a store with one circle and session, the notes service over it on
// a clock the test moves, and the journal folder it drafts into.
type env struct {
	st      *store.Store
	f       testdb.Fixture
	clock   *testdb.Clock
	svc     *notes.Notes
	drafts  string
	circle  model.Circle
	session model.Session
}

func setup(t *testing.T) env {
	t.Helper()
	st, f := testdb.New(t)
	e := env{st: st, f: f, clock: testdb.NewClock(), drafts: filepath.Join(t.TempDir(), "drafts")}
	e.svc = notes.New(st.DB, e.clock.Now, notes.NewJournal(e.drafts))
	e.circle = f.Circle("Leaders")
	e.session = f.Session(e.circle, "2026-11-25T17:00", model.SessionPlanned)
	return e
}

func (e env) save(t *testing.T, visibility, body string) model.Note {
	t.Helper()
	r, err := e.svc.Save(e.session.ID, visibility, body)
	if err != nil {
		t.Fatalf("Save(%s, %q): %v", visibility, body, err)
	}
	return r.Note
}

// stored reads a note back from the database.
func (e env) stored(t *testing.T, visibility string) model.Note {
	t.Helper()
	var n model.Note
	if err := e.f.DB.Where("session_id = ? AND visibility = ?", e.session.ID, visibility).Take(&n).Error; err != nil {
		t.Fatalf("read %s note: %v", visibility, err)
	}
	return n
}

// journaled lists the files in the draft journal.
func (e env) journaled(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(e.drafts)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, en := range entries {
		out = append(out, en.Name())
	}
	return out
}

func TestSaveBumpsVersion(t *testing.T) {
	e := setup(t)
	for i, body := range []string{"a", "ab", "ab", ""} {
		n := e.save(t, model.Shared, body)
		if n.Version != i+1 || n.Body != body || n.SessionID != e.session.ID || n.Visibility != model.Shared || n.ID == 0 || n.UUID == "" {
			t.Errorf("save %d returned %+v, want version %d, body %q", i+1, n, i+1, body)
		}
		if got := e.stored(t, model.Shared); got.Version != i+1 || got.Body != body {
			t.Errorf("save %d stored version %d body %q", i+1, got.Version, got.Body)
		}
	}
}

func TestSharedAndPrivateAreSeparate(t *testing.T) {
	e := setup(t)
	shared := e.save(t, model.Shared, "for everyone")
	private := e.save(t, model.Private, "for me")
	shared = e.save(t, model.Shared, "for everyone, edited")
	if shared.ID == private.ID {
		t.Fatal("shared and private notes share a row")
	}
	if n := e.f.Count("notes"); n != 2 {
		t.Errorf("%d notes, want 2", n)
	}
	if got := e.stored(t, model.Private); got.Body != "for me" || got.Version != 1 {
		t.Errorf("private note = %q v%d, want %q v1", got.Body, got.Version, "for me")
	}
	if got := e.stored(t, model.Shared); got.Body != "for everyone, edited" || got.Version != 2 {
		t.Errorf("shared note = %q v%d", got.Body, got.Version)
	}
}

func TestSaveTakesTheLongestNote(t *testing.T) {
	e := setup(t)
	body := strings.Repeat("é", check.MaxNote) // characters, not bytes
	if n := e.save(t, model.Shared, body); n.Body != body {
		t.Errorf("saved %d characters back, want %d", len([]rune(n.Body)), check.MaxNote)
	}
}

func TestSaveRejects(t *testing.T) {
	e := setup(t)
	e.save(t, model.Shared, "before")
	before := e.f.LiveCounts()

	tests := []struct {
		name       string
		sessionID  uint
		visibility string
		body       string
		code       apperr.Code
		field      string
	}{
		{"too long", e.session.ID, model.Shared, strings.Repeat("a", check.MaxNote+1), apperr.TooLong, "body"},
		{"bad visibility", e.session.ID, "public", "text", apperr.Invalid, "visibility"},
		{"no visibility", e.session.ID, "", "text", apperr.Invalid, "visibility"},
		{"unknown session", 999, model.Shared, "text", apperr.NotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.Save(tt.sessionID, tt.visibility, tt.body)
			testdb.WantError(t, err, tt.code, tt.field)
			if after := e.f.LiveCounts(); !equalCounts(after, before) {
				t.Errorf("rows = %v, want %v: nothing written", after, before)
			}
			if got := e.stored(t, model.Shared); got.Body != "before" || got.Version != 1 {
				t.Errorf("the note became %q v%d", got.Body, got.Version)
			}
			if files := e.journaled(t); len(files) != 0 {
				t.Errorf("journaled %v for a refused input, want nothing: only storage failures journal", files)
			}
		})
	}
}

func equalCounts(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func revisions(t *testing.T, e env, noteID uint) []model.NoteRevision {
	t.Helper()
	revs, err := e.svc.Revisions(noteID)
	if err != nil {
		t.Fatal(err)
	}
	return revs
}

func TestTypingLeavesARevisionEveryFewMinutes(t *testing.T) {
	e := setup(t)
	type step struct {
		after time.Duration // since the previous step
		body  string
		revs  int // revisions after the save
	}
	steps := []step{
		{0, "one", 1}, // the first save makes one
		{time.Minute, "one two", 1},
		{RevisionEvery() - time.Minute - time.Second, "one two three", 1}, // a second short of the interval since the first
		{time.Second, "one two three four", 2},                            // the interval since the first
		{time.Hour, "one two three four", 2},                              // identical text makes none
		{time.Second, "five", 3},                                          // long after the last
		{time.Minute, "five six", 3},                                      // too soon after the last
		{RevisionEvery(), "five six", 4},                                  // same text, but the last revision holds older text
	}
	var noteID uint
	for i, s := range steps {
		e.clock.Advance(s.after)
		noteID = e.save(t, model.Shared, s.body).ID
		if revs := revisions(t, e, noteID); len(revs) != s.revs {
			t.Fatalf("step %d (%q): %d revisions, want %d", i, s.body, len(revs), s.revs)
		}
	}
	revs := revisions(t, e, noteID)
	for i, w := range []struct {
		body    string
		version int
	}{{"five six", 8}, {"five", 6}, {"one two three four", 4}, {"one", 1}} {
		r := revs[i]
		if r.Body != w.body || r.Version != w.version || r.Reason != model.RevisionTyping || r.NoteID != noteID {
			t.Errorf("revision %d (newest first) = %q v%d %s, want %q v%d typing", i, r.Body, r.Version, r.Reason, w.body, w.version)
		}
	}
	if !revs[3].CreatedAt.Equal(testdb.Today) || !revs[2].CreatedAt.Equal(testdb.Today.Add(RevisionEvery())) {
		t.Errorf("revision times = %v, %v; want the clock's %v, %v", revs[3].CreatedAt, revs[2].CreatedAt, testdb.Today, testdb.Today.Add(RevisionEvery()))
	}
}

// RevisionEvery is notes.RevisionEvery, named short for the table above.
func RevisionEvery() time.Duration { return notes.RevisionEvery }

func TestRevisionsOfUnknownNote(t *testing.T) {
	e := setup(t)
	_, err := e.svc.Revisions(999)
	testdb.WantError(t, err, apperr.NotFound, "")
}

// TestSaveStampsUpdatedAt keeps the note's created time and moves its
// updated time to each save's, in the reply and in the file: Recover
// compares a draft's time with it.
func TestSaveStampsUpdatedAt(t *testing.T) {
	e := setup(t)
	first := e.save(t, model.Shared, "a")
	e.clock.Advance(time.Minute)
	second := e.save(t, model.Shared, "ab")
	stored := e.stored(t, model.Shared)
	for _, n := range []model.Note{second, stored} {
		if !n.UpdatedAt.Equal(e.clock.Now()) || !n.CreatedAt.Equal(first.CreatedAt) || n.UUID != first.UUID {
			t.Errorf("note after the second save: created %v, updated %v, uuid %s; want created %v, updated %v, uuid %s",
				n.CreatedAt, n.UpdatedAt, n.UUID, first.CreatedAt, e.clock.Now(), first.UUID)
		}
	}
}
