package roster_test

import (
	"testing"

	"circlebook/backend/roster"
)

// A cohort given with the import goes to every row without one of its own;
// a Cohort column wins for its rows, and a second import changes nothing.
func TestImportSetsTheCohort(t *testing.T) {
	s, f := setup(t)
	csv := "Name,Email,Cohort\nAna Gil,ana@example.org,\nBo Li,bo@example.org,2025 fall\n"
	req := roster.Request{Source: roster.Source{Path: file(t, "roster.csv", []byte(csv))}, Cohort: "2026 spring"}
	if _, err := s.Import(req); err != nil {
		t.Fatal(err)
	}
	if got := person(t, f, "ana@example.org").Cohort; got != "2026 spring" {
		t.Errorf("Ana's cohort %q, want the import's", got)
	}
	if got := person(t, f, "bo@example.org").Cohort; got != "2025 fall" {
		t.Errorf("Bo's cohort %q, want the row's", got)
	}
	p, err := s.DryRun(req)
	if err != nil {
		t.Fatal(err)
	}
	for n, a := range actions(p) {
		if a != roster.ActionSkip {
			t.Errorf("row %d: %s the second time", n, a)
		}
	}
}

// Undo gives an updated person their cohort back with their other fields.
func TestUndoRestoresTheCohort(t *testing.T) {
	s, f := setup(t)
	first := "Name,Email,Cohort\nAna Gil,ana@example.org,2025 fall\n"
	if _, err := s.Import(roster.Request{Source: roster.Source{Path: file(t, "first.csv", []byte(first))}}); err != nil {
		t.Fatal(err)
	}
	second := "Name,Email,Cohort\nAna Gil,ana@example.org,2026 spring\n"
	if _, err := s.Import(roster.Request{Source: roster.Source{Path: file(t, "second.csv", []byte(second))}}); err != nil {
		t.Fatal(err)
	}
	if got := person(t, f, "ana@example.org").Cohort; got != "2026 spring" {
		t.Fatalf("Ana's cohort %q after the second import", got)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := person(t, f, "ana@example.org").Cohort; got != "2025 fall" {
		t.Errorf("Ana's cohort %q after undoing the second import, want %q back", got, "2025 fall")
	}
}
