package find_test

import (
	"fmt"
	"slices"
	"testing"

	"circlebook/backend/find"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// TestCircleAndPersonFiltersAtTheirEdges: circle: keeps to the circles
// whose folded name starts with its value, up to the last such name and
// not one past it (Atlas, Atlas2 but not Atlat; Łódź by lodz), and
// person: keeps circles, and the notes in them, to those with a member of
// that name, a circle's own hit included. A separator in circle: stands
// for any ("product-craft" finds Product Craft).
func TestCircleAndPersonFiltersAtTheirEdges(t *testing.T) {
	st, fx := testdb.New(t)
	ana, bjorn := fx.Person("Ana Muñoz"), fx.Person("Björn Çelik")
	for i, name := range []string{"Atlas North", "Atlas2 South", "Atlat East", "Łódź Circle", "Atla West", "Product Craft", "Data-Guild"} {
		c := fx.Circle(name, func(c *model.Circle) { c.Purpose = "budget plans" })
		switch i {
		case 0:
			fx.Member(c, ana, model.RoleMentee)
		case 2:
			fx.Member(c, bjorn, model.RoleMentee)
		}
		fx.Note(fx.Session(c, fmt.Sprintf("2026-10-%02dT10:00", 10+i), model.SessionHeld), model.Shared, "the budget review")
	}
	f := find.New(st.DB, testdb.Now)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"budget circle:atlas", []string{"Atlas North", "Atlas2 South"}},
		{"budget circle:atla", []string{"Atla West", "Atlas North", "Atlas2 South", "Atlat East"}},
		{"budget circle:lodz", []string{"Łódź Circle"}},
		{"budget circle:atlas2", []string{"Atlas2 South"}},
		{"budget circle:atlaz", nil},
		{"budget circle:PRODUCT-CRAFT", []string{"Product Craft"}},
		{"budget circle:data_guild", []string{"Data-Guild"}},
		{"budget circle:data.g", []string{"Data-Guild"}},
		{"budget circle:product-crafty", nil},
		{"budget person:ana", []string{"Atlas North"}},
		{"budget person:bjorn", []string{"Atlat East"}},
		{"budget person:ana circle:atlat", nil}, {"budget person:munoz", nil},
	} {
		res, err := f.Search(find.Request{Query: tt.query, Kinds: []string{"circles", "notes"}, Limit: find.MaxLimit})
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		got := map[string][]string{}
		for _, g := range res.Groups {
			for _, h := range g.Hits {
				got[g.Kind] = append(got[g.Kind], h.Circle)
			}
		}
		for _, kind := range []string{"circles", "notes"} {
			slices.Sort(got[kind])
			if !slices.Equal(got[kind], tt.want) {
				t.Errorf("%q: %s in %v, want %v", tt.query, kind, got[kind], tt.want)
			}
		}
	}
}
