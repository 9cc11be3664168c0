package demo_test

import (
	"testing"

	"circlebook/backend/demo"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// The sample cohort is 40 people, 12 of them mentors, of several
// organizations and zones; loading it twice adds nobody.
func TestLoadCohort(t *testing.T) {
	st, f := testdb.New(t)
	d := demo.New(st.DB, testdb.Now)
	r, err := d.LoadCohort()
	if err != nil || !r.Created || r.People != 40 {
		t.Fatalf("first load: %+v %v", r, err)
	}
	var people []model.Person
	st.DB.Where("cohort = ?", demo.SampleCohort).Find(&people)
	mentors, orgs, zones := 0, map[string]bool{}, map[string]bool{}
	for _, p := range people {
		if p.RoleWanted == model.WantsMentor {
			mentors++
			if p.Capacity < 2 || p.Strengths == "" {
				t.Errorf("mentor %s: capacity %d, strengths %q", p.Name, p.Capacity, p.Strengths)
			}
		} else if p.GrowthAreas == "" {
			t.Errorf("mentee %s has no growth areas", p.Name)
		}
		orgs[p.Organization], zones[p.TimeZone] = true, true
	}
	if len(people) != 40 || mentors != 12 || len(orgs) < 5 || len(zones) < 5 {
		t.Errorf("%d people, %d mentors, %d organizations, %d zones", len(people), mentors, len(orgs), len(zones))
	}
	r, err = d.LoadCohort()
	if err != nil || r.Created || f.Count("people") != 40 {
		t.Errorf("second load: %+v %v, %d people", r, err, f.Count("people"))
	}
}
