package pairing_test

import (
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/pairing"
)

// The saved vocabulary's synonyms meet strengths and growth areas written
// differently, and two people never to match are never suggested, whatever
// their score.
func TestVocabularyAndNeverMatch(t *testing.T) {
	st, f := testdb.New(t)
	p := pairing.New(st.DB, testdb.Now)
	in := func(p *model.Person) { p.Cohort = "c" }
	speaker := f.Person("Speaker", in, func(p *model.Person) { p.RoleWanted, p.Capacity, p.Strengths = "mentor", 1, "Public speaking" })
	f.Person("Other", in, func(p *model.Person) { p.RoleWanted, p.Capacity, p.Strengths = "mentor", 1, "hiring" })
	mentee := f.Person("Mentee", in, func(p *model.Person) { p.RoleWanted, p.GrowthAreas = "mentee", "presenting" })
	run := func() pairing.Suggestion {
		t.Helper()
		s, err := p.Suggest(pairing.MatchRequest{Selection: pairing.Selection{Cohort: "c"}})
		if err != nil || len(s.Matches) != 1 {
			t.Fatalf("suggest: %+v %v", s, err)
		}
		return s
	}
	if s := run(); strings.Contains(explain(s.Matches[0]), "Strengths cover 1 of 1") {
		t.Fatalf("without the vocabulary, presenting met public speaking: %s", explain(s.Matches[0]))
	}
	saved, err := p.SaveVocabulary([]model.MatchTag{{Tag: "public speaking", Synonyms: "presenting, talks"}})
	if err != nil || len(saved) != 1 {
		t.Fatalf("save: %v %v", saved, err)
	}
	s := run()
	if s.Names[s.Matches[0].Mentor] != "Speaker" || !strings.Contains(explain(s.Matches[0]), "Strengths cover 1 of 1") {
		t.Errorf("with the vocabulary: %s ← %s: %s", s.Names[s.Matches[0].Mentee], s.Names[s.Matches[0].Mentor], explain(s.Matches[0]))
	}
	if err := p.NeverMatch(mentee.ID, speaker.ID, true); err != nil {
		t.Fatal(err)
	}
	if s := run(); s.Names[s.Matches[0].Mentor] != "Other" {
		t.Errorf("never to match, yet %s was suggested", s.Names[s.Matches[0].Mentor])
	}
	if err := p.NeverMatch(speaker.ID, mentee.ID, false); err != nil {
		t.Fatal(err)
	}
	if s := run(); s.Names[s.Matches[0].Mentor] != "Speaker" {
		t.Errorf("forgotten, yet %s was suggested", s.Names[s.Matches[0].Mentor])
	}
	_, err = p.SaveVocabulary([]model.MatchTag{{Tag: "a", Synonyms: "x"}, {Tag: "b", Synonyms: "X"}})
	testdb.WantError(t, err, apperr.Invalid, "vocabulary.1.synonyms")
	if v, _ := p.Vocabulary(); len(v) != 1 {
		t.Errorf("a refused vocabulary changed the saved one: %v", v)
	}
	testdb.WantError(t, p.NeverMatch(mentee.ID, mentee.ID, true), apperr.Invalid, "people")
}
