package circles_test

import (
	"testing"

	"circlebook/backend/model"
)

// A list row's next session is read in the circle's zone, and one earlier
// today that has passed is not next (issue 11, item 7). At 09:00 UTC on 25
// Nov it is 22:00 in Auckland and 01:00 in Los Angeles.
func TestListNextSessionInTheCirclesZone(t *testing.T) {
	svc, f := setup(t)
	nz := f.Circle("Auckland", func(c *model.Circle) { c.TimeZone = "Pacific/Auckland" })
	f.Session(nz, "2026-11-25T21:00", model.SessionPlanned) // passed an hour ago there
	nzNext := f.Session(nz, "2026-11-26T06:00", model.SessionPlanned)
	la := f.Circle("Los Angeles", func(c *model.Circle) { c.TimeZone = "America/Los_Angeles" })
	laPassed := f.Session(la, "2026-11-25T00:30", model.SessionPlanned) // half an hour ago there
	laLater := f.Session(la, "2026-11-25T03:00", model.SessionPlanned)
	got := byName(t, listed(t, svc, false))
	if n := got[nz.Name].NextSession; n == nil || n.ID != nzNext.ID {
		t.Errorf("Auckland: NextSession %+v, want %d (the 21:00 one has passed)", n, nzNext.ID)
	}
	if n := got[la.Name].NextSession; n == nil || n.ID != laLater.ID {
		t.Errorf("Los Angeles: NextSession %+v, want %d, not %d", n, laLater.ID, laPassed.ID)
	}
}
