package check_test

import (
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
)

func TestValidators(t *testing.T) {
	tests := []struct {
		name string
		err  error
		code apperr.Code // "" for valid
	}{
		{"email ok", check.Email("email", "ana.munoz@example.org"), ""},
		{"email empty is fine", check.Email("email", ""), ""},
		{"email without domain dot", check.Email("email", "ana@example"), apperr.Invalid},
		{"email with display name", check.Email("email", "Ana <ana@example.org>"), apperr.Invalid},
		{"email with spaces", check.Email("email", "ana @example.org"), apperr.Invalid},
		{"date ok", check.Date("d", "2028-02-29"), ""},
		{"date not in a leap year", check.Date("d", "2026-02-29"), apperr.Invalid},
		{"date in another layout", check.Date("d", "29/02/2028"), apperr.Invalid},
		{"date-time ok", check.DateTime("d", "2026-03-31T18:30"), ""},
		{"date-time required", check.DateTime("d", ""), apperr.Invalid},
		{"date-time with seconds", check.DateTime("d", "2026-03-31T18:30:00"), apperr.Invalid},
		{"clock ok", check.ClockTime("t", "09:05"), ""},
		{"clock 24:00", check.ClockTime("t", "24:00"), apperr.Invalid},
		{"zone ok", check.TimeZone("z", "America/Argentina/Buenos_Aires"), ""},
		{"zone UTC", check.TimeZone("z", "UTC"), ""},
		{"zone Local", check.TimeZone("z", "Local"), apperr.Invalid},
		{"zone unknown", check.TimeZone("z", "Europe/Gondor"), apperr.Invalid},
		{"colour ok", check.Color("c", "#3B82f6"), ""},
		{"colour without hash", check.Color("c", "3b82f6"), apperr.Invalid},
		{"colour with alpha", check.Color("c", "#3b82f6ff"), apperr.Invalid},
		{"order ok", check.Order("end", "2026-01-01", "2026-01-01"), ""},
		{"order reversed", check.Order("end", "2026-01-02", "2026-01-01"), apperr.Invalid},
		{"order open end", check.Order("end", "2026-01-02", ""), ""},
		{"range low", check.Range("n", "N", 0, 1, 3), apperr.Invalid},
		{"range high", check.Range("n", "N", 4, 1, 3), apperr.Invalid},
		{"range edge", check.Range("n", "N", 3, 1, 3), ""},
		{"text at limit", check.Text("x", strings.Repeat("字", check.MaxText)), ""},
		{"text over limit", check.Text("x", strings.Repeat("a", check.MaxText+1)), apperr.TooLong},
		{"required blank", check.Required("x", "X", "\u00a0 \t"), apperr.Invalid},
		{"one of", check.OneOf("k", "Kind", "Group", "group", "pair"), apperr.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.code == "" {
				if tt.err != nil {
					t.Errorf("got %v, want valid", tt.err)
				}
				return
			}
			ae, ok := tt.err.(*apperr.Error)
			if !ok || ae.Code != tt.code || ae.Field == "" {
				t.Errorf("got %#v, want an *apperr.Error with code %q and a field", tt.err, tt.code)
			}
		})
	}
}

func TestFirst(t *testing.T) {
	a, b := apperr.New(apperr.Invalid, "a", "A"), apperr.New(apperr.Invalid, "b", "B")
	if got := check.First(nil, a, b); got != error(a) {
		t.Errorf("First = %v, want the first failure", got)
	}
	if check.First(nil, nil) != nil {
		t.Error("First of no failures != nil")
	}
}
