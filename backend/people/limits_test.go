package people_test

import (
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/people"
)

func TestPersonLimits(t *testing.T) {
	tests := []struct {
		name  string
		in    people.PersonInput
		code  apperr.Code // "" for accepted
		field string
	}{
		{"name at the limit", people.PersonInput{Name: strings.Repeat("Í", check.MaxName)}, "", ""},
		{"name of 5000 characters", people.PersonInput{Name: strings.Repeat("a", 5000)}, apperr.TooLong, "name"},
		{"title over the limit", people.PersonInput{Name: "Ana", Title: strings.Repeat("a", check.MaxTitle+1)}, apperr.TooLong, "title"},
		{"pronouns over the limit", people.PersonInput{Name: "Ana", Pronouns: strings.Repeat("a", check.MaxTitle+1)}, apperr.TooLong, "pronouns"},
		{"strengths over the limit", people.PersonInput{Name: "Ana", Strengths: strings.Repeat("a", check.MaxProse+1)}, apperr.TooLong, "strengths"},
		{"tenure from today", people.PersonInput{Name: "Ana", StartDate: testdb.Today.Format(check.DateLayout)}, "", ""},
		{"tenure from tomorrow", people.PersonInput{Name: "Ana", StartDate: "2026-11-26"}, apperr.Invalid, "startDate"},
		{"tenure from 2999", people.PersonInput{Name: "Ana", StartDate: "2999-01-01"}, apperr.Invalid, "startDate"},
		{"tenure from 1850", people.PersonInput{Name: "Ana", StartDate: "1850-01-01"}, apperr.Invalid, "startDate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			_, err := svc.Create(tt.in)
			if tt.code == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			testdb.WantError(t, err, tt.code, tt.field)
			if n := f.Count("people"); n != 0 {
				t.Errorf("people = %d, want 0", n)
			}
		})
	}
}

func TestPersonShowsEveryError(t *testing.T) {
	svc, f := setup(t)
	bad := people.PersonInput{Name: strings.Repeat("a", 5000), Email: "ana@", StartDate: "2999-01-01", GrowthAreas: strings.Repeat("g", check.MaxProse+1)}
	_, err := svc.Create(bad)
	testdb.WantFields(t, err, "name", "email", "startDate", "growthAreas")
	p := f.Person("Ana Muñoz")
	_, err = svc.Update(p.ID, bad)
	testdb.WantFields(t, err, "name", "email", "startDate", "growthAreas")
}

// What matching reads goes through the form and is checked: a role that is
// none, a capacity out of range, a cohort too long; good values are kept.
func TestMatchingFields(t *testing.T) {
	svc, _ := setup(t)
	bad := people.PersonInput{Name: "Ana", RoleWanted: "sponsor", Capacity: people.MaxCapacity + 1, Cohort: strings.Repeat("c", check.MaxTitle+1), OrgPref: "mine"}
	_, err := svc.Create(bad)
	testdb.WantFields(t, err, "cohort", "roleWanted", "capacity", "orgPref")
	p, err := svc.Create(people.PersonInput{Name: "Ana", RoleWanted: "both", Capacity: 3, Cohort: " 2026 spring ", Organization: "Acme", Languages: "Spanish, English"})
	if err != nil {
		t.Fatal(err)
	}
	if p.RoleWanted != "both" || p.Capacity != 3 || p.Cohort != "2026 spring" || p.Organization != "Acme" || p.Languages != "Spanish, English" {
		t.Errorf("kept %+v", p)
	}
}
