package notes_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"circlebook/backend/actions"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
	"circlebook/backend/store"
)

// ack is one save a writer was told succeeded.
type ack struct {
	writer, base, version int
	body                  string
}

// race is one database opened by two programs, with the notes service of each.
type race struct {
	stores [2]*store.Store
	svcs   [2]*notes.Notes
	f      testdb.Fixture
	circle model.Circle
}

func newRace(t *testing.T) race {
	t.Helper()
	a, b := testdb.Twice(t)
	r := race{stores: [2]*store.Store{a, b}, f: testdb.With(t, a.DB)}
	for i, st := range r.stores {
		r.svcs[i] = notes.New(st.DB, testdb.Now, notes.NewJournal(filepath.Join(t.TempDir(), "drafts")))
	}
	r.circle = r.f.Circle("Leaders")
	return r
}

// raceRounds and raceSaves size the races: a fresh session each round
// (so the note's first save races too), each writer saving that many times.
const (
	raceRounds = 25
	raceSaves  = 8
)

// body is what writer w types on its i-th save: its own task line, so the
// action items show whose reconcile won.
func body(w, i int) string {
	return fmt.Sprintf("Writer %d, save %d.\n- [ ] @all follow up %d-%d\n", w, i, w, i)
}

// Two programs saving the same note at once, as two coordinators typing in
// the same session on a program database. Save takes the whole text and
// the last save wins, but no save may be lost in between: each acknowledged
// save has a version of its own, the note holds the text of the highest
// one, and the action items are exactly the final text's task lines.
func TestTwoWritersSaveOneNote(t *testing.T) {
	r := newRace(t)
	for round := range raceRounds {
		ses := r.f.Session(r.circle, "2026-11-25T08:00", model.SessionPlanned)
		acks := r.run(t, func(w, i int) (notes.SaveResult, error) {
			return r.svcs[w].Save(ses.ID, model.Shared, body(w, i))
		})
		r.check(t, round, ses, acks)
		if t.Failed() {
			return
		}
	}
}

// run has both writers save raceSaves times at once, and returns what each was told.
func (r race) run(t *testing.T, save func(w, i int) (notes.SaveResult, error)) []ack {
	t.Helper()
	var mu sync.Mutex
	var acks []ack
	var wg sync.WaitGroup
	start := make(chan struct{})
	for w := range 2 {
		wg.Go(func() {
			<-start
			for i := range raceSaves {
				res, err := save(w, i)
				if err != nil {
					t.Errorf("writer %d, save %d: %v", w, i, err)
					continue
				}
				mu.Lock()
				acks = append(acks, ack{writer: w, version: res.Note.Version, body: body(w, i)})
				mu.Unlock()
			}
		})
	}
	close(start)
	wg.Wait()
	return acks
}

// check compares the note and its items with what the writers were told.
func (r race) check(t *testing.T, round int, ses model.Session, acks []ack) {
	t.Helper()
	var note model.Note
	if err := r.f.DB.Where("session_id = ? AND visibility = ?", ses.ID, model.Shared).Take(&note).Error; err != nil {
		t.Fatalf("round %d: read the note: %v", round, err)
	}
	last, seen := ack{}, map[int]ack{}
	for _, a := range acks {
		if other, dup := seen[a.version]; dup {
			t.Errorf("round %d: writers %d and %d were both told version %d: one save was lost", round, other.writer, a.writer, a.version)
		}
		seen[a.version] = a
		if a.version > last.version {
			last = a
		}
	}
	if note.Version != last.version || note.Body != last.body {
		t.Errorf("round %d: the note is version %d %q; the last acknowledged save was version %d %q",
			round, note.Version, note.Body, last.version, last.body)
	}
	items := r.items(t, note)
	want := []string{}
	for _, l := range actions.ParseLines(note.Body, testdb.Today) {
		want = append(want, l.Text)
	}
	if !slices.Equal(items, want) {
		t.Errorf("round %d: the note's action items are %q; its text's task lines are %q", round, items, want)
	}
}

// items lists the texts of the action items a note made, sorted.
func (r race) items(t *testing.T, note model.Note) []string {
	t.Helper()
	out := []string{}
	if err := r.f.DB.Model(&model.ActionItem{}).Where("note_id = ?", note.ID).Order("text").Pluck("text", &out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}
