package roster_test

import (
	"strings"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/roster"
)

// people loads every person, times in UTC to the microsecond, for comparing.
func people(t *testing.T, f testdb.Fixture) []model.Person {
	t.Helper()
	var out []model.Person
	if err := f.DB.Order("id").Find(&out).Error; err != nil {
		t.Fatal(err)
	}
	for i := range out {
		out[i].CreatedAt = out[i].CreatedAt.UTC().Truncate(time.Microsecond)
		out[i].UpdatedAt = out[i].UpdatedAt.UTC().Truncate(time.Microsecond)
	}
	return out
}

// TestUndoRestoresExactly: undoing an import that created, updated and
// added people to a circle leaves people and memberships exactly as before.
func TestUndoRestoresExactly(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Spring cohort")
	ana := f.Person("Ana Lima", func(p *model.Person) { p.Email = "ana@example.org"; p.Title = "Analyst"; p.Capacity = 1 })
	f.Member(c, ana, model.RoleMentor)
	f.Person("Kwame Mensah", func(p *model.Person) { p.Title = "Engineer"; p.RoleWanted = "mentee" })
	_, err := svc.Undo()
	testdb.WantError(t, err, apperr.NotFound, "import")

	before, members := people(t, f), f.Count("memberships")
	counts, prefixes := f.Counts(), livePrefixes(t, f)
	csv := "Name,Email,Title,Capacity\nAna Lima,ANA@example.org,Lead analyst,3\nKwame Mensah,kwame@example.org,Engineer,\nNew Person,new@example.org,Chef,\n"
	res, err := svc.Import(roster.Request{Source: roster.Source{Name: "r.csv", Data: []byte(csv)}, Circle: "Spring cohort", Role: "mentee"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 1 || res.Updated != 2 || res.Joined != 2 {
		t.Fatalf("created %d, updated %d, joined %d", res.Created, res.Updated, res.Joined)
	}
	if person(t, f, "ana@example.org").Capacity != 3 {
		t.Error("Ana's capacity was not updated")
	}
	u, err := svc.Undo()
	if err != nil {
		t.Fatal(err)
	}
	if u.Deleted != 1 || u.Restored != 2 || u.Left != 2 {
		t.Errorf("undo %+v", u)
	}
	after := people(t, f)
	if len(after) != len(before) {
		t.Fatalf("%d people after undo, %d before", len(after), len(before))
	}
	for i := range before {
		b, a := before[i], after[i]
		b.Memberships, a.Memberships = nil, nil
		if !same(b, a) {
			t.Errorf("person %d\n before %+v\n after  %+v", b.ID, b, a)
		}
	}
	if n := f.Count("memberships"); n != members {
		t.Errorf("%d memberships after undo, %d before", n, members)
	}
	if got := f.Counts(); !equalCounts(got, counts) {
		t.Errorf("row counts after undo %v, before %v", got, counts)
	}
	if got := livePrefixes(t, f); got != prefixes {
		t.Errorf("name prefixes after undo %q, before %q", got, prefixes)
	}
	_, err = svc.Undo()
	testdb.WantError(t, err, apperr.NotFound, "import")
}

func same(a, b model.Person) bool {
	a.Memberships, b.Memberships, a.Attendance, b.Attendance = nil, nil, nil, nil
	return a.ID == b.ID && a.UUID == b.UUID && a.CreatedAt.Equal(b.CreatedAt) && a.UpdatedAt.Equal(b.UpdatedAt) &&
		a.Name == b.Name && a.Email == b.Email && a.Title == b.Title && a.Team == b.Team && a.Capacity == b.Capacity &&
		a.RoleWanted == b.RoleWanted && a.Organization == b.Organization && a.NameKey == b.NameKey && a.SearchKey == b.SearchKey &&
		a.StartDate == b.StartDate && a.Strengths == b.Strengths && a.Languages == b.Languages
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

// livePrefixes lists the people list's name prefixes that count someone
// (a prefix emptied stays, at 0).
func livePrefixes(t *testing.T, f testdb.Fixture) string {
	t.Helper()
	var rows []string
	if err := f.DB.Raw("SELECT prefix || ':' || n FROM name_prefixes WHERE list = 'people' AND n <> 0 ORDER BY depth, prefix").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	return strings.Join(rows, " ")
}
