package circles_test

import (
	"fmt"
	"slices"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/circles"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func sidebarNames(t *testing.T, svc *circles.Circles, recent ...uint) ([]string, int) {
	t.Helper()
	list, err := svc.Sidebar(recent)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range list.Circles {
		names = append(names, c.Name)
	}
	return names, list.Total
}

func pin(t *testing.T, svc *circles.Circles, c model.Circle) {
	t.Helper()
	if _, err := svc.SetPinned(c.ID, true); err != nil {
		t.Fatal(err)
	}
}

// TestSidebarFewCircles: with 20 circles or fewer (archived aside), the
// sidebar lists them all, the pinned first, each part by name.
func TestSidebarFewCircles(t *testing.T) {
	svc, f := setup(t)
	f.Circle("gamma")
	beta := f.Circle("Beta")
	f.Circle("Ágora")
	f.Circle("Old", func(c *model.Circle) { c.Status = model.CircleArchived })
	zeta := f.Circle("Zeta", func(c *model.Circle) { c.Status = model.CirclePaused })
	pin(t, svc, zeta)
	pin(t, svc, beta)

	names, total := sidebarNames(t, svc, 999)
	if want := []string{"Beta", "Zeta", "Ágora", "gamma"}; !slices.Equal(names, want) || total != 4 {
		t.Errorf("sidebar %q (total %d), want %q (total 4)", names, total, want)
	}
	for i := range circles.SidebarMax - 4 {
		f.Circle(fmt.Sprintf("More %02d", i))
	}
	if names, total := sidebarNames(t, svc); len(names) != circles.SidebarMax || total != circles.SidebarMax || names[0] != "Beta" {
		t.Errorf("with %d circles: %q (total %d), want all of them, the pinned first", circles.SidebarMax, names, total)
	}
}

// TestSidebarManyCircles: with more than 20, the pinned ones by name, then
// the recent ones that still exist and are not archived, in the order given,
// 20 in all.
func TestSidebarManyCircles(t *testing.T) {
	svc, f := setup(t)
	var cs []model.Circle
	for i := range 40 {
		cs = append(cs, f.Circle(fmt.Sprintf("Circle %02d", i)))
	}
	old := f.Circle("Old", func(c *model.Circle) { c.Status = model.CircleArchived })
	pin(t, svc, cs[30])
	pin(t, svc, cs[5])
	pin(t, svc, old) // archived: never in the sidebar

	names, total := sidebarNames(t, svc, cs[7].ID, 4242, old.ID, cs[30].ID, cs[2].ID, cs[7].ID)
	if want := []string{"Circle 05", "Circle 30", "Circle 07", "Circle 02"}; !slices.Equal(names, want) || total != 40 {
		t.Errorf("sidebar %q (total %d), want %q (total 40)", names, total, want)
	}

	var recent []uint
	for i := 39; i >= 10; i-- { // 30 recent circles, most recent first
		recent = append(recent, cs[i].ID)
	}
	names, _ = sidebarNames(t, svc, recent...)
	want := []string{"Circle 05", "Circle 30"}
	for i := 39; len(want) < circles.SidebarMax; i-- {
		if i != 30 {
			want = append(want, cs[i].Name)
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("sidebar %q\nwant %q", names, want)
	}

	if _, err := svc.Archive(cs[39].ID); err != nil {
		t.Fatal(err)
	}
	if names, total := sidebarNames(t, svc, cs[39].ID, cs[38].ID); !slices.Equal(names, []string{"Circle 05", "Circle 30", "Circle 38"}) || total != 39 {
		t.Errorf("after archiving a recent circle: %q (total %d)", names, total)
	}
}

// TestSetPinned pins and unpins in the circle's record, leaves its
// updatedAt alone (a local preference must not win a bundle merge), and
// answers a circle that is not there with not_found.
func TestSetPinned(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Pinned one")
	got, err := svc.SetPinned(c.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	var stored model.Circle
	f.DB.Take(&stored, c.ID)
	if !got.Pinned || !stored.Pinned || !stored.UpdatedAt.Equal(c.UpdatedAt) || got.Name != c.Name {
		t.Errorf("after SetPinned(true): returned %+v, stored pinned %v updated %v (was %v)", got, stored.Pinned, stored.UpdatedAt, c.UpdatedAt)
	}
	if page, _ := svc.Get(c.ID); !page.Circle.Pinned {
		t.Error("the circle page does not say pinned")
	}
	if _, err := svc.Update(c.ID, validInput()); err != nil {
		t.Fatal(err)
	}
	if f.DB.Take(&stored, c.ID); !stored.Pinned {
		t.Error("editing the circle unpinned it")
	}
	if got, err = svc.SetPinned(c.ID, false); err != nil || got.Pinned {
		t.Errorf("SetPinned(false) = %+v, %v", got, err)
	}
	if f.DB.Take(&stored, c.ID); stored.Pinned {
		t.Error("still pinned in the database")
	}
	_, err = svc.SetPinned(4242, true)
	testdb.WantError(t, err, apperr.NotFound, "")
}
