package sessions_test

import (
	"fmt"
	"testing"

	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

// TestGetBoundsFollowUp lists at most MaxFollowUp of the circle's earlier
// open action items.
func TestGetBoundsFollowUp(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Long-lived")
	s := f.Session(c, "2026-11-25T17:00", model.SessionPlanned)
	for i := range sessions.MaxFollowUp + 2 {
		f.Action(c, fmt.Sprintf("Action %d", i))
	}
	page, err := svc.Get(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.FollowUp) != sessions.MaxFollowUp {
		t.Errorf("listed %d items to follow up, want %d", len(page.FollowUp), sessions.MaxFollowUp)
	}
}
