package testdb

import (
	"slices"
	"strings"
	"testing"

	"circlebook/backend/apperr"
)

// WantFields fails the test unless err carries a problem for exactly the
// given fields, in order, as the page receives them (apperr.Format).
func WantFields(t testing.TB, err error, fields ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("error = nil, want problems with %v", fields)
	}
	p, _ := apperr.Format(err).(apperr.Payload)
	got := []string{p.Field}
	if len(p.Fields) > 0 {
		got = got[:0]
		for _, f := range p.Fields {
			got = append(got, f.Field)
		}
	}
	if !slices.Equal(got, fields) {
		t.Fatalf("error %v names fields %s, want %s", err, strings.Join(got, ","), strings.Join(fields, ","))
	}
}
