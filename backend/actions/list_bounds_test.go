package actions_test

import (
	"fmt"
	"testing"

	"circlebook/backend/actions"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// TestListBounded returns at most MaxList items, the open ones first.
func TestListBounded(t *testing.T) {
	st, f := testdb.New(t)
	svc := actions.New(st.DB, testdb.Now)
	c := f.Circle("Long-lived")
	for i := range actions.MaxList + 2 {
		f.Action(c, fmt.Sprintf("Done %d", i), func(a *model.ActionItem) { a.Status = model.ActionDone })
	}
	f.Action(c, "Still open")
	items, err := svc.List(c.ID, "all")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != actions.MaxList || items[0].Text != "Still open" {
		t.Errorf("listed %d items starting with %q, want %d starting with the open one", len(items), items[0].Text, actions.MaxList)
	}
}
