package find_test

import (
	"slices"
	"testing"

	"circlebook/backend/find"
	"circlebook/backend/model"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// checkAgainstScan compares search's notes, actions and people for q with a
// scan of every row, folded here from its own text.
func checkAgainstScan(t *testing.T, db *gorm.DB, f *find.Find, q string, step int) {
	t.Helper()
	terms := search.ParseTerms(q)
	want := map[string][]uint{}
	var ns []model.Note
	var as []model.ActionItem
	var ps []model.Person
	if err := db.Find(&ns).Error; err != nil {
		t.Fatal(err)
	}
	db.Find(&as)
	db.Find(&ps)
	for _, n := range ns {
		if terms.Match(model.SearchKey(n.Body)) {
			want["notes"] = append(want["notes"], n.ID)
		}
	}
	for _, a := range as {
		if terms.Match(model.SearchKey(a.Text)) {
			want["actions"] = append(want["actions"], a.ID)
		}
	}
	for _, p := range ps {
		if _, key := model.PersonKeys(p.Name, p.Email, p.Team, p.Title); terms.Match(key) {
			want["people"] = append(want["people"], p.ID)
		}
	}
	res, err := f.Search(find.Request{Query: q, Kinds: []string{"notes", "actions", "people"}, Limit: find.MaxLimit})
	if err != nil {
		t.Fatalf("step %d: Search(%q): %v", step, q, err)
	}
	got := map[string][]uint{}
	for _, g := range res.Groups {
		if g.More {
			t.Fatalf("step %d: %q: more than %d %s", step, q, find.MaxLimit, g.Kind)
		}
		for _, h := range g.Hits {
			got[g.Kind] = append(got[g.Kind], h.ID)
		}
	}
	for _, k := range []string{"notes", "actions", "people"} {
		slices.Sort(got[k])
		slices.Sort(want[k])
		if !slices.Equal(got[k], want[k]) {
			t.Errorf("step %d: %q: %s = %v, scan finds %v", step, q, k, got[k], want[k])
		}
	}
}
