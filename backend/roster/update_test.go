package roster_test

import (
	"fmt"
	"strings"
	"testing"

	"circlebook/backend/model"
	"circlebook/backend/roster"
)

// An import updating 250 people writes them a batch at a time, not a
// statement a person, and each gets every changed field, fresh name and
// search keys and a new updated-at, while the people it leaves alone keep theirs.
func TestUpdatesAreBatchedAndComplete(t *testing.T) {
	s, f := setup(t)
	const n = 250
	var csv strings.Builder
	csv.WriteString("Name,Email,Title,Capacity,Cohort\n")
	for i := range n {
		f.Person(fmt.Sprintf("Person %d", i), func(p *model.Person) { p.Email = fmt.Sprintf("p%d@example.org", i); p.Title = "Old" })
		fmt.Fprintf(&csv, "Renamed Ñandú %d,P%d@Example.org,New title %d,%d,2026 spring\n", i, i, i, i%4)
	}
	untouched := f.Person("Left Alone", func(p *model.Person) { p.Email = "left@example.org" })
	before := person(t, f, "p7@example.org")
	stmts := statements(t, f.DB)
	res, err := s.Import(roster.Request{Source: roster.Source{Name: "r.csv", Data: []byte(csv.String())}})
	if err != nil || res.Updated != n || res.Created != 0 {
		t.Fatalf("updated %d, created %d, %v; want %d updates", res.Updated, res.Created, err, n)
	}
	if got := stmts.Load(); got > 20 {
		t.Errorf("%d statements for %d updates: want a few batches, not one a person", got, n)
	}
	p := person(t, f, "p7@example.org")
	nameKey, searchKey := model.PersonKeys("Renamed Ñandú 7", "p7@example.org", "", "New title 7")
	if p.Name != "Renamed Ñandú 7" || p.Title != "New title 7" || p.Capacity != 3 || p.Cohort != "2026 spring" ||
		p.NameKey != nameKey || p.SearchKey != searchKey || p.Email != before.Email || p.UUID != before.UUID {
		t.Errorf("person 7 after the import: %+v", p)
	}
	if !p.UpdatedAt.After(before.UpdatedAt) || !p.CreatedAt.Equal(before.CreatedAt) {
		t.Errorf("person 7 updated at %v (was %v), created at %v (was %v)", p.UpdatedAt, before.UpdatedAt, p.CreatedAt, before.CreatedAt)
	}
	if got := person(t, f, "left@example.org"); !got.UpdatedAt.Equal(untouched.UpdatedAt) || got.Name != "Left Alone" {
		t.Errorf("the person the file leaves out changed: %+v", got)
	}
	var found []model.Person
	if err := f.DB.Where("search_key LIKE ?", "%new title 24").Find(&found).Error; err != nil || len(found) != 1 {
		t.Errorf("searching the new title finds %d people, %v", len(found), err)
	}
}
