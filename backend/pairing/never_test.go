package pairing_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/pairing"
)

// A person's never-match people are listed newest first whichever side of
// the pair they were written on, a forgotten pair leaves the list, someone
// else's pairs never show, and an unknown person is NotFound.
func TestNeverList(t *testing.T) {
	st, f := testdb.New(t)
	clock := testdb.NewClock()
	p := pairing.New(st.DB, clock.Now)
	ana := f.Person("Ana")
	bo, cy, di := f.Person("Bo"), f.Person("Cy"), f.Person("Di")
	for _, other := range []model.Person{bo, cy, di} {
		clock.Advance(time.Minute)
		// Ana is the lower id: Bo and Di are written as b_id; Cy's pair is added from Cy's side.
		a, b := ana.ID, other.ID
		if other.ID == cy.ID {
			a, b = b, a
		}
		if err := p.NeverMatch(a, b, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.NeverMatch(bo.ID, cy.ID, true); err != nil {
		t.Fatal(err)
	}
	got, err := p.NeverList(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if names := neverNames(got); names != "Di, Cy, Bo" || got[0].ID != di.ID || !strings.HasPrefix(got[0].Since, "2026-") {
		t.Errorf("Ana's never-match people: %s (%+v)", names, got)
	}
	if got, _ := p.NeverList(cy.ID); neverNames(got) != "Bo, Ana" {
		t.Errorf("Cy's, from both sides of the pair: %s", neverNames(got))
	}
	if err := p.NeverMatch(cy.ID, ana.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.NeverList(ana.ID); neverNames(got) != "Di, Bo" {
		t.Errorf("after forgetting Cy: %s", neverNames(got))
	}
	if err := p.NeverMatch(ana.ID, di.ID, true); err != nil {
		t.Fatalf("recording a pair again: %v", err)
	}
	if got, _ := p.NeverList(di.ID); neverNames(got) != "Ana" {
		t.Errorf("a pair recorded twice is listed %s", neverNames(got))
	}
	if got, err := p.NeverList(f.Person("Ed").ID); err != nil || got == nil || len(got) != 0 {
		t.Errorf("someone with no pairs: %v %v", got, err)
	}
	_, err = p.NeverList(999999)
	testdb.WantError(t, err, apperr.NotFound, "")
}

// One person is kept from at most MaxNever people, so NeverList shows them
// all; the refused pair is not written, and a pair already there is no new one.
func TestNeverListIsBounded(t *testing.T) {
	st, f := testdb.New(t)
	p := pairing.New(st.DB, testdb.Now)
	ana := f.Person("Ana")
	others := make([]model.Person, pairing.MaxNever+1)
	for i := range others {
		others[i] = f.Person(fmt.Sprintf("Other %03d", i))
	}
	rows := make([]model.NeverMatch, pairing.MaxNever)
	for i := range rows {
		rows[i] = model.NeverMatch{AID: ana.ID, BID: others[i].ID, CreatedAt: fmt.Sprintf("2026-11-01T10:%02d:%02dZ", i/60, i%60)}
	}
	if err := st.DB.Create(&rows).Error; err != nil {
		t.Fatal(err)
	}
	got, err := p.NeverList(ana.ID)
	if err != nil || len(got) != pairing.MaxNever || got[0].ID != others[pairing.MaxNever-1].ID {
		t.Fatalf("NeverList: %d people, first %+v, %v", len(got), got[0], err)
	}
	if err := p.NeverMatch(ana.ID, others[0].ID, true); err != nil {
		t.Errorf("a pair already there, at the limit: %v", err)
	}
	ae := testdb.WantError(t, p.NeverMatch(others[pairing.MaxNever].ID, ana.ID, true), apperr.Invalid, "people")
	if !strings.Contains(ae.Message, "Ana") {
		t.Errorf("the refusal says %q", ae.Message)
	}
	if n := f.Count("never_match"); n != pairing.MaxNever {
		t.Errorf("%d pairs after a refused one", n)
	}
}

// neverNames joins the names of a NeverList.
func neverNames(ps []pairing.NeverPerson) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return strings.Join(out, ", ")
}

// A refused vocabulary names each bad row's field and row: an empty tag, a
// tag there twice (in another case), a synonym of two tags, a tag that is
// another's synonym; nothing is written, and a good one saves.
func TestSaveVocabularyNamesTheRow(t *testing.T) {
	st, _ := testdb.New(t)
	p := pairing.New(st.DB, testdb.Now)
	_, err := p.SaveVocabulary([]model.MatchTag{
		{Tag: "public speaking", Synonyms: "presenting, talks"},
		{Tag: "  ", Synonyms: "x"},
		{Tag: "Public Speaking"},
		{Tag: "hiring", Synonyms: "recruiting, Présenting"},
		{Tag: "talks"},
		{Tag: "coaching", Synonyms: "coaching, mentoring"},
	})
	testdb.WantFields(t, err, "vocabulary.1.tag", "vocabulary.2.tag", "vocabulary.3.synonyms", "vocabulary.4.tag")
	ae := testdb.WantError(t, err, apperr.Invalid, "vocabulary.1.tag")
	for i, want := range []string{"Row 2 needs a tag.", "Row 3 repeats the tag “public speaking” of row 1.",
		"Row 4: “Présenting” already stands for “public speaking” (row 1)", "Row 5: “talks” is already a synonym of “public speaking” (row 1)."} {
		if !strings.HasPrefix(ae.Problems[i].Message, want) {
			t.Errorf("problem %d says %q, want %q", i, ae.Problems[i].Message, want)
		}
	}
	if v, _ := p.Vocabulary(); len(v) != 0 {
		t.Errorf("a refused vocabulary was written: %v", v)
	}
	saved, err := p.SaveVocabulary([]model.MatchTag{{Tag: " hiring ", Synonyms: "recruiting"}, {Tag: "coaching", Synonyms: "Coaching, mentoring"}})
	if err != nil || len(saved) != 2 || saved[1].Tag != "hiring" {
		t.Errorf("a good vocabulary: %+v %v", saved, err)
	}
}
