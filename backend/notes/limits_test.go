package notes_test

import (
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestPinLimits(t *testing.T) {
	e := setup(t)
	svc, p := e.svc, e.f.Person("Ana Muñoz")
	_, err := svc.Pin(p.ID, 0, strings.Repeat("a", check.MaxProse+1), "sideways")
	testdb.WantFields(t, err, "body", "visibility")
	_, err = svc.Pin(p.ID, 0, strings.Repeat("a", check.MaxProse+1), model.Private)
	testdb.WantError(t, err, apperr.TooLong, "body")
	if _, err := svc.Pin(p.ID, 0, strings.Repeat("a", check.MaxProse), model.Private); err != nil {
		t.Errorf("a pin at the limit: %v", err)
	}
}
