package testdb

import (
	"errors"
	"testing"

	"circlebook/backend/apperr"
)

// WantError fails the test unless err is (or wraps) an *apperr.Error with the
// given code and field, and returns it.
func WantError(t testing.TB, err error, code apperr.Code, field string) *apperr.Error {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) {
		t.Fatalf("error = %v (%T), want *apperr.Error{Code: %q, Field: %q}", err, err, code, field)
	}
	if ae.Code != code || ae.Field != field {
		t.Fatalf("error = {Code: %q, Field: %q, Message: %q}, want {Code: %q, Field: %q}", ae.Code, ae.Field, ae.Message, code, field)
	}
	if ae.Message == "" {
		t.Errorf("error {Code: %q, Field: %q} has no message for the page", ae.Code, ae.Field)
	}
	return ae
}
