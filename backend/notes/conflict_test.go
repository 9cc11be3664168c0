package notes_test

import (
	"errors"
	"sync"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
)

// A save from the version the text was typed on is written; one from a
// version someone else has since saved over is refused with a Conflict on
// the body, and writes nothing; the same text sent again (its first answer
// lost) is no conflict.
func TestSaveFromAVersion(t *testing.T) {
	e := setup(t)
	first, err := e.svc.SaveFrom(e.session.ID, model.Shared, 0, "Ana's notes.")
	if err != nil || first.Note.Version != 1 {
		t.Fatalf("the first save from version 0 = version %d, %v; want version 1", first.Note.Version, err)
	}
	next, err := e.svc.SaveFrom(e.session.ID, model.Shared, 1, "Ana's notes, longer.")
	if err != nil || next.Note.Version != 2 {
		t.Fatalf("a save from version 1 = version %d, %v; want version 2", next.Note.Version, err)
	}
	before := e.f.LiveCounts()

	for _, base := range []int{0, 1, 3} {
		_, err = e.svc.SaveFrom(e.session.ID, model.Shared, base, "Ben's notes, typed on an older version.")
		testdb.WantError(t, err, apperr.Conflict, "body")
	}
	if n := e.stored(t, model.Shared); n.Version != 2 || n.Body != "Ana's notes, longer." {
		t.Errorf("after the conflicts the note is version %d %q; want version 2, Ana's", n.Version, n.Body)
	}
	if after := e.f.LiveCounts(); !equalCounts(before, after) {
		t.Errorf("a refused save wrote rows: %v, then %v", before, after)
	}
	if j := e.journaled(t); len(j) != 0 {
		t.Errorf("a conflict went to the draft journal (%v): the text is the page's to show, not a draft", j)
	}

	again, err := e.svc.SaveFrom(e.session.ID, model.Shared, 1, "Ana's notes, longer.")
	if err != nil || again.Note.Version != 2 {
		t.Errorf("the same text sent again from version 1 = version %d, %v; want version 2, no error", again.Note.Version, err)
	}
	_, err = e.svc.SaveFrom(e.session.ID, model.Shared, -1, "x")
	testdb.WantError(t, err, apperr.Invalid, "version")
}

// Two programs saving the same note at once, each from the version it last
// saw, as two coordinators' pages do. A save from a version the other has
// saved over is refused; the writer then reads the note's version (the page
// shows the other text) and saves again from it. Every acknowledged save
// was made on the version just before it, so no text is replaced by a
// writer that had not seen it: each one is the final text or the base of
// the next save, and the versions run 1, 2, ... with none skipped.
func TestTwoWritersSaveOneNoteFromTheirVersions(t *testing.T) {
	r := newRace(t)
	for round := range raceRounds {
		ses := r.f.Session(r.circle, "2026-11-25T08:00", model.SessionPlanned)
		var mu sync.Mutex
		bases := map[int]int{} // version -> the base it was saved on
		acks := r.run(t, r.fromVersions(ses, func(a ack) {
			mu.Lock()
			defer mu.Unlock()
			bases[a.version] = a.base
		}))
		r.check(t, round, ses, acks)
		for v := 1; v <= len(acks); v++ {
			if base, ok := bases[v]; !ok || base != v-1 {
				t.Errorf("round %d: version %d was saved on version %d (acknowledged %v); want %d", round, v, base, ok, v-1)
			}
		}
		if t.Failed() {
			return
		}
	}
}

// fromVersions is a writer that saves from the version it last saw and,
// refused, reads the note's version and saves its text again from there;
// told is called with each save acknowledged.
func (r race) fromVersions(ses model.Session, told func(ack)) func(w, i int) (notes.SaveResult, error) {
	var mu sync.Mutex
	seen := [2]int{}
	return func(w, i int) (notes.SaveResult, error) {
		mu.Lock()
		base := seen[w]
		mu.Unlock()
		for {
			res, err := r.svcs[w].SaveFrom(ses.ID, model.Shared, base, body(w, i))
			if errors.Is(err, apperr.ErrConflict) {
				var n model.Note
				if err := r.stores[w].DB.Where("session_id = ? AND visibility = ?", ses.ID, model.Shared).Take(&n).Error; err != nil {
					return res, err
				}
				base = n.Version
				continue
			}
			if err == nil {
				mu.Lock()
				seen[w] = res.Note.Version
				mu.Unlock()
				told(ack{writer: w, base: base, version: res.Note.Version, body: body(w, i)})
			}
			return res, err
		}
	}
}
