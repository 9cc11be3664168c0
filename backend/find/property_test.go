package find_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"circlebook/backend/actions"
	"circlebook/backend/find"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
	"circlebook/backend/people"
)

// vocabulary makes the random texts and queries: accents, shared prefixes,
// a CJK run and punctuation, so folding, prefixes and phrases all matter.
var vocabulary = []string{"Muñoz", "munoz", "demo", "demos", "Dąbrowska", "Łódź", "lodz", "Nguyễn", "cap", "capacity",
	"plan", "planning", "会議", "今日の会議は", "review", "day", "Day-one", "ana", "O'Brien", "x"}

func phrase(r *rand.Rand, n int) string {
	ws := make([]string, 1+r.IntN(n))
	for i := range ws {
		ws[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	return strings.Join(ws, " ")
}

// TestSearchEqualsBruteForce writes, edits and deletes random notes, action
// items and people through their services, and after each step checks
// that search finds exactly what a scan of the database finds, applying
// the query rule (search.Terms.Match) to keys folded here from the rows'
// own text.
func TestSearchEqualsBruteForce(t *testing.T) {
	st, fx := testdb.New(t)
	c := fx.Circle("Circle")
	var sessions []model.Session
	for i := range 3 {
		sessions = append(sessions, fx.Session(c, fmt.Sprintf("2026-10-%02dT10:00", 10+i), model.SessionHeld))
	}
	ns := notes.New(st.DB, testdb.Now, notes.NewJournal(t.TempDir()))
	as, ps := actions.New(st.DB, testdb.Now), people.New(st.DB, testdb.Now)
	f := find.New(st.DB, testdb.Now)
	r := rand.New(rand.NewPCG(1, 2))
	var actionIDs, personIDs []uint
	for step := range 120 {
		switch r.IntN(6) {
		case 0, 1:
			s := sessions[r.IntN(len(sessions))]
			vis := []string{model.Shared, model.Private}[r.IntN(2)]
			if _, err := ns.Save(s.ID, vis, phrase(r, 12)); err != nil {
				t.Fatal(err)
			}
		case 2:
			if len(actionIDs) > 0 && r.IntN(3) == 0 {
				i := r.IntN(len(actionIDs))
				if err := as.Delete(actionIDs[i]); err != nil {
					t.Fatal(err)
				}
				actionIDs = slices.Delete(actionIDs, i, i+1)
			} else if len(actionIDs) > 0 && r.IntN(2) == 0 {
				if _, err := as.Update(actionIDs[r.IntN(len(actionIDs))], actions.Input{Text: phrase(r, 6)}); err != nil {
					t.Fatal(err)
				}
			} else if len(actionIDs) < 30 {
				it, err := as.Create(c.ID, actions.Input{Text: phrase(r, 6)})
				if err != nil {
					t.Fatal(err)
				}
				actionIDs = append(actionIDs, it.ID)
			}
		case 3:
			if len(personIDs) > 0 && r.IntN(3) == 0 {
				i := r.IntN(len(personIDs))
				if err := ps.Delete(personIDs[i]); err != nil {
					t.Fatal(err)
				}
				personIDs = slices.Delete(personIDs, i, i+1)
			} else if len(personIDs) > 0 && r.IntN(2) == 0 {
				if _, err := ps.Update(personIDs[r.IntN(len(personIDs))], people.PersonInput{Name: phrase(r, 3), Title: phrase(r, 2)}); err != nil {
					t.Fatal(err)
				}
			} else if len(personIDs) < 30 {
				p, err := ps.Create(people.PersonInput{Name: phrase(r, 3), Team: phrase(r, 2)})
				if err != nil {
					t.Fatal(err)
				}
				personIDs = append(personIDs, p.ID)
			}
		default:
			q := randomQuery(r)
			checkAgainstScan(t, st.DB, f, q, step)
		}
	}
}

// randomQuery is one to three words, a phrase or an exclusion, sometimes cut to a prefix.
func randomQuery(r *rand.Rand) string {
	var parts []string
	for range 1 + r.IntN(3) {
		w := vocabulary[r.IntN(len(vocabulary))]
		if rs := []rune(w); len(rs) > 2 && r.IntN(2) == 0 {
			w = string(rs[:2+r.IntN(len(rs)-2)])
		}
		switch r.IntN(5) {
		case 0:
			w = "-" + w
		case 1:
			w = `"` + w + " " + vocabulary[r.IntN(len(vocabulary))] + `"`
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}
