// Package check validates user input field by field. Each function returns
// nil or an *apperr.Error naming the field, so the page can show the message
// beside it.
package check

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"circlebook/backend/apperr"
)

// MaxText is the longest text any field accepts, in characters.
const MaxText = 100_000

// DateLayout is how dates travel: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// DateTimeLayout is how local wall-clock times travel: YYYY-MM-DDTHH:MM.
const DateTimeLayout = "2006-01-02T15:04"

// First returns the first non-nil error, so a validator reads as a list.
func First(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Text rejects text over MaxText characters.
func Text(field, v string) error {
	if n := utf8.RuneCountInString(v); n > MaxText {
		return apperr.New(apperr.TooLong, field, "This is %d characters; the limit is %d.", n, MaxText)
	}
	return nil
}

// Required rejects blank text, then text over the limit.
func Required(field, label, v string) error {
	if strings.TrimSpace(v) == "" {
		return apperr.New(apperr.Invalid, field, "%s is required.", label)
	}
	return Text(field, v)
}

// OneOf rejects a value outside the allowed set.
func OneOf(field, label, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return apperr.New(apperr.Invalid, field, "%s must be one of: %s.", label, strings.Join(allowed, ", "))
}

// Date accepts "" or a real calendar date in YYYY-MM-DD form.
func Date(field, v string) error {
	if v == "" {
		return nil
	}
	if _, err := time.Parse(DateLayout, v); err != nil {
		return apperr.New(apperr.Invalid, field, "Use a date like 2026-03-31.")
	}
	return nil
}

// DateTime accepts a local time in YYYY-MM-DDTHH:MM form; it is required.
func DateTime(field, v string) error {
	if _, err := time.Parse(DateTimeLayout, v); err != nil {
		return apperr.New(apperr.Invalid, field, "Use a date and time like 2026-03-31T18:30.")
	}
	return nil
}

// ClockTime accepts "" or HH:MM.
func ClockTime(field, v string) error {
	if v == "" {
		return nil
	}
	if _, err := time.Parse("15:04", v); err != nil {
		return apperr.New(apperr.Invalid, field, "Use a time like 18:30.")
	}
	return nil
}

// Order rejects an end date before a start date; either may be empty.
func Order(field, start, end string) error {
	if start != "" && end != "" && end < start {
		return apperr.New(apperr.Invalid, field, "The end date is before the start date.")
	}
	return nil
}

// Email accepts "" or one plain address.
func Email(field, v string) error {
	if v == "" {
		return nil
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || !strings.Contains(v[strings.LastIndex(v, "@"):], ".") {
		return apperr.New(apperr.Invalid, field, "That does not look like an email address.")
	}
	return nil
}

// TimeZone accepts "" or an IANA zone name such as Europe/Madrid.
func TimeZone(field, v string) error {
	if v == "" {
		return nil
	}
	if _, err := time.LoadLocation(v); err != nil || v == "Local" {
		return apperr.New(apperr.Invalid, field, "Use a time zone like Europe/Madrid or America/Chicago.")
	}
	return nil
}

var colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Color accepts "" or #RRGGBB.
func Color(field, v string) error {
	if v != "" && !colorRE.MatchString(v) {
		return apperr.New(apperr.Invalid, field, "Use a colour like #3b82f6.")
	}
	return nil
}

// Range rejects a whole number outside [lo, hi].
func Range(field, label string, v, lo, hi int) error {
	if v < lo || v > hi {
		return apperr.New(apperr.Invalid, field, "%s must be between %d and %d.", label, lo, hi)
	}
	return nil
}

// MaxNote is the longest note, in characters: room for a 50,000-word session.
const MaxNote = 1_000_000

// Note rejects a note over MaxNote characters.
func Note(field, v string) error {
	if n := utf8.RuneCountInString(v); n > MaxNote {
		return apperr.New(apperr.TooLong, field, "This note is %d characters; the limit is %d.", n, MaxNote)
	}
	return nil
}
