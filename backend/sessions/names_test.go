package sessions_test

import (
	"slices"
	"testing"

	"circlebook/backend/model"
)

// TestRosterSortsAsAPersonReads: within a role, a session's roster goes by
// name with case and accents aside, as the circle page does.
func TestRosterSortsAsAPersonReads(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Names")
	want := []string{"Ana Gil", "Élodie Roux", "Íñigo Sáenz", "Łukasz Wróbel", "Ömer Yılmaz", "van der Berg", "Zoë Walker"}
	for _, i := range []int{6, 2, 0, 5, 3, 1, 4} {
		f.Member(c, f.Person(want[i]), model.RoleMentee)
	}
	page, err := svc.Get(f.Session(c, "2026-11-24T17:00", model.SessionHeld).ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range page.Roster {
		got = append(got, r.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("roster %q\nwant %q", got, want)
	}
}
