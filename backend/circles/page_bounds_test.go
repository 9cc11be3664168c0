package circles_test

import (
	"fmt"
	"testing"

	"circlebook/backend/circles"
)

// TestGetBoundsOpenActions lists the circle's open action items up to
// MaxOpenActions, and counts them all.
func TestGetBoundsOpenActions(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Long-lived")
	for i := range circles.MaxOpenActions + 2 {
		f.Action(c, fmt.Sprintf("Action %d", i))
	}
	page, err := svc.Get(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Actions) != circles.MaxOpenActions || page.OpenCount != circles.MaxOpenActions+2 {
		t.Errorf("listed %d of %d open items, want %d of %d", len(page.Actions), page.OpenCount, circles.MaxOpenActions, circles.MaxOpenActions+2)
	}
}
