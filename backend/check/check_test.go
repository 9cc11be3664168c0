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
		{"date in 1900", check.Date("d", "1900-01-01"), ""},
		{"date in 2100", check.Date("d", "2100-12-31"), ""},
		{"date in 1899", check.Date("d", "1899-12-31"), apperr.Invalid},
		{"date in 2999", check.Date("d", "2999-01-01"), apperr.Invalid},
		{"date-time in 2101", check.DateTime("d", "2101-01-01T10:00"), apperr.Invalid},
		{"up to at limit", check.UpTo("x", strings.Repeat("ñ", check.MaxName), check.MaxName), ""},
		{"up to over limit", check.UpTo("x", strings.Repeat("a", check.MaxName+1), check.MaxName), apperr.TooLong},
		{"required up to blank", check.RequiredUpTo("x", "X", " ", check.MaxName), apperr.Invalid},
		{"required up to 5000", check.RequiredUpTo("x", "X", strings.Repeat("a", 5000), check.MaxName), apperr.TooLong},
		{"required up to ok", check.RequiredUpTo("x", "X", "Íñigo", check.MaxName), ""},
		{"lines ok", check.Lines("agenda", []string{"Check-in", "Demo"}, check.MaxTitle), ""},
		{"lines one too long", check.Lines("agenda", []string{"Check-in", strings.Repeat("a", check.MaxTitle+1)}, check.MaxTitle), apperr.TooLong},
		{"not future today", check.NotFuture("d", "2026-12-01", "2026-12-01"), ""},
		{"not future empty", check.NotFuture("d", "", "2026-12-01"), ""},
		{"not future tomorrow", check.NotFuture("d", "2026-12-02", "2026-12-01"), apperr.Invalid},
		{"web https", check.WebURL("u", "https://meet.example.org/abc-defg?pwd=1"), ""},
		{"web http", check.WebURL("u", "http://example.org"), ""},
		{"web empty", check.WebURL("u", ""), ""},
		{"web javascript", check.WebURL("u", "javascript:alert(1)"), apperr.Invalid},
		{"web javascript upper", check.WebURL("u", "JaVaScRiPt:alert(1)"), apperr.Invalid},
		{"web data", check.WebURL("u", "data:text/html,<b>x</b>"), apperr.Invalid},
		{"web no scheme", check.WebURL("u", "meet.example.org/abc"), apperr.Invalid},
		{"web no host", check.WebURL("u", "https:///path"), apperr.Invalid},
		{"web with spaces", check.WebURL("u", "https://example.org/a b"), apperr.Invalid},
		{"web too long", check.WebURL("u", "https://example.org/"+strings.Repeat("a", check.MaxURL)), apperr.TooLong},
		{"email too long", check.Email("email", strings.Repeat("a", 250)+"@example.org"), apperr.TooLong},
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

func TestAllShowsEveryProblem(t *testing.T) {
	err := check.All(
		check.RequiredUpTo("name", "Name", "", check.MaxName),
		check.WebURL("videoLink", "javascript:alert(1)"),
		check.Date("startDate", "2026-01-01"),
		check.NotFuture("startDate", "2999-01-01", "2026-12-01"),
	)
	p, _ := apperr.Format(err).(apperr.Payload)
	var fields []string
	for _, f := range p.Fields {
		fields = append(fields, f.Field)
	}
	if strings.Join(fields, ",") != "name,videoLink,startDate" {
		t.Errorf("fields = %v, want name, videoLink and startDate", fields)
	}
	if check.All(nil, nil) != nil {
		t.Error("All of no failures != nil")
	}
}

// The messages name the limit the page shows beside the field.
func TestLimitMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{check.RequiredUpTo("name", "Name", strings.Repeat("a", 5000), check.MaxName), "This is 5000 characters; the limit is 200."},
		{check.Date("d", "2999-01-01"), "Use a date between 1900 and 2100."},
		{check.NotFuture("d", "2999-01-01", "2026-12-01"), "Use a date no later than today."},
		{check.WebURL("u", "javascript:alert(1)"), "Use a web address that starts with https:// or http://."},
		{check.Lines("agenda", []string{"a", strings.Repeat("b", 201)}, check.MaxTitle), "Line 2 is 201 characters; the limit is 200."},
	}
	for _, tt := range tests {
		ae, _ := tt.err.(*apperr.Error)
		if ae == nil || ae.Message != tt.want {
			t.Errorf("got %v, want %q", tt.err, tt.want)
		}
	}
}
