package topics_test

import (
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/internal/testdb"
)

func TestTopicLimits(t *testing.T) {
	svc, _ := setup(t)
	_, err := svc.Create(strings.Repeat("t", check.MaxName+1))
	testdb.WantError(t, err, apperr.TooLong, "name")
	tp, err := svc.Create(strings.Repeat("t", check.MaxName))
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.Rename(tp.ID, strings.Repeat("u", check.MaxName+1))
	testdb.WantError(t, err, apperr.TooLong, "name")
}
