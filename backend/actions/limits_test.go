package actions_test

import (
	"strings"
	"testing"

	"circlebook/backend/actions"
	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/internal/testdb"
)

func TestActionLimits(t *testing.T) {
	st, f := testdb.New(t)
	svc := actions.New(st.DB, testdb.Now)
	c := f.Circle("Craft")
	_, err := svc.Create(c.ID, actions.Input{Text: strings.Repeat("a", check.MaxProse+1), DueOn: "2999-01-01"})
	testdb.WantFields(t, err, "text", "dueOn")
	it, err := svc.Create(c.ID, actions.Input{Text: strings.Repeat("a", check.MaxProse)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.Update(it.ID, actions.Input{Text: "Send the deck", DueOn: "1850-01-01"})
	testdb.WantError(t, err, apperr.Invalid, "dueOn")
}
