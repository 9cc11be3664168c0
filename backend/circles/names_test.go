package circles_test

import (
	"slices"
	"testing"

	"circlebook/backend/model"
)

// readingOrder is a roster in the order a person reads it; it is added to
// circles shuffled.
var readingOrder = []string{"Ana Gil", "Élodie Roux", "Íñigo Sáenz", "Łukasz Wróbel", "Ömer Yılmaz", "van der Berg", "Zoë Walker"}

// TestMembersAndGridSortAsAPersonReads: within a role, members and the
// attendance grid's rows go by name with case and accents aside.
func TestMembersAndGridSortAsAPersonReads(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Names")
	for _, i := range []int{6, 2, 0, 5, 3, 1, 4} {
		f.Member(c, f.Person(readingOrder[i]), model.RoleMentee)
	}
	page, err := svc.Get(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var members, rows []string
	for i := range page.Members {
		members, rows = append(members, page.Members[i].Name), append(rows, page.Grid[i].Name)
	}
	if !slices.Equal(members, readingOrder) || !slices.Equal(rows, readingOrder) {
		t.Errorf("members %q\ngrid rows %q\nwant %q", members, rows, readingOrder)
	}
}

// TestListSortsCirclesAsAPersonReads: circle names follow the same rule.
func TestListSortsCirclesAsAPersonReads(t *testing.T) {
	svc, f := setup(t)
	for _, name := range []string{"Zeta", "Équipe Norte", "alpha", "Ñandú", "Órbita", "Beta"} {
		f.Circle(name)
	}
	list := listed(t, svc, false)
	var got []string
	for _, c := range list {
		got = append(got, c.Name)
	}
	if want := []string{"alpha", "Beta", "Équipe Norte", "Ñandú", "Órbita", "Zeta"}; !slices.Equal(got, want) {
		t.Errorf("circles %q\nwant %q", got, want)
	}
}
