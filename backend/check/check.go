// Package check validates user input field by field. Each function returns
// nil or an *apperr.Error naming the field, so the page can show the message
// beside it.
package check

import (
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"circlebook/backend/apperr"
)

// MaxText is the longest text any field accepts, in characters.
const MaxText = 100_000

// Limits of the form fields, in characters. The page states the same numbers
// (frontend/js/lib/limits.js, compared by a test) and refuses the same input
// before it is sent.
const (
	MaxName  = 200    // a person's, circle's or topic's name
	MaxTitle = 200    // one line: a session's topic, a place, an agenda item, a job title
	MaxProse = 10_000 // free text: a purpose, strengths, a pinned note, an action item
	MaxEmail = 254    // the longest address mail servers take
	MaxURL   = 2_000  // a video link
)

// The years a date may fall in.
const (
	MinYear = 1900
	MaxYear = 2100
)

// Messages shared with the page, which formats them the same way.
const (
	tooLong     = "This is %d characters; the limit is %d."
	lineTooLong = "Line %d is %d characters; the limit is %d."
	required    = "%s is required."
	yearRange   = "Use a date between %d and %d."
	notFuture   = "Use a date no later than today."
	webAddress  = "Use a web address that starts with https:// or http://."
	between     = "%s must be between %d and %d."
)

// All returns every failure of an input's fields as one error (nil when
// there is none), so the page shows them all at once; see apperr.Join.
func All(errs ...error) error { return apperr.Join(errs...) }

// UpTo rejects text over limit characters.
func UpTo(field, v string, limit int) error {
	if n := utf8.RuneCountInString(v); n > limit {
		return apperr.New(apperr.TooLong, field, tooLong, n, limit)
	}
	return nil
}

// RequiredUpTo rejects blank text, then text over limit characters.
func RequiredUpTo(field, label, v string, limit int) error {
	if strings.TrimSpace(v) == "" {
		return apperr.New(apperr.Invalid, field, required, label)
	}
	return UpTo(field, v, limit)
}

// Lines rejects the first of several one-line texts (a textarea's lines)
// that is over limit characters, naming its line.
func Lines(field string, lines []string, limit int) error {
	for i, l := range lines {
		if n := utf8.RuneCountInString(l); n > limit {
			return apperr.New(apperr.TooLong, field, lineTooLong, i+1, n, limit)
		}
	}
	return nil
}

// NotFuture rejects a YYYY-MM-DD date after today (also YYYY-MM-DD); "" passes.
func NotFuture(field, date, today string) error {
	if date != "" && date > today {
		return apperr.New(apperr.Invalid, field, notFuture)
	}
	return nil
}

// WebURL accepts "" or an absolute http or https address, the only links the
// app opens (in the system browser).
func WebURL(field, v string) error {
	if v == "" {
		return nil
	}
	if err := UpTo(field, v, MaxURL); err != nil {
		return err
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(v, " \t\n\r<>\"") {
		return apperr.New(apperr.Invalid, field, webAddress)
	}
	return nil
}

// inYears rejects a parsed date outside MinYear..MaxYear.
func inYears(field string, t time.Time) error {
	if t.Year() < MinYear || t.Year() > MaxYear {
		return apperr.New(apperr.Invalid, field, yearRange, MinYear, MaxYear)
	}
	return nil
}

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
		return apperr.New(apperr.Invalid, field, required, label)
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

// Date accepts "" or a real calendar date in YYYY-MM-DD form, in MinYear..MaxYear.
func Date(field, v string) error {
	if v == "" {
		return nil
	}
	t, err := time.Parse(DateLayout, v)
	if err != nil {
		return apperr.New(apperr.Invalid, field, "Use a date like 2026-03-31.")
	}
	return inYears(field, t)
}

// DateTime accepts a local time in YYYY-MM-DDTHH:MM form, in MinYear..MaxYear; it is required.
func DateTime(field, v string) error {
	t, err := time.Parse(DateTimeLayout, v)
	if err != nil {
		return apperr.New(apperr.Invalid, field, "Use a date and time like 2026-03-31T18:30.")
	}
	return inYears(field, t)
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
	if err := UpTo(field, v, MaxEmail); err != nil {
		return err
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
		return apperr.New(apperr.Invalid, field, between, label, lo, hi)
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
