// Package export turns a circle's history into a Summary, and a Summary into
// the files a leader hands on: Markdown, HTML, CSV and iCalendar. Build does
// every query and applies every privacy rule; the renderers only read the
// Summary, so a new format (PDF, say) needs no new query and cannot leak what
// Build left out.
package export

import (
	"fmt"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
)

// Options say which part of a circle's history a summary covers and what it may show.
type Options struct {
	From        string `json:"from"`        // first day, YYYY-MM-DD, inclusive; "" for no limit
	To          string `json:"to"`          // last day, YYYY-MM-DD, inclusive; "" for no limit
	Anonymize   bool   `json:"anonymize"`   // members become "Member 1", "Member 2", ... everywhere
	FiguresOnly bool   `json:"figuresOnly"` // numbers only: no notes, no action item texts
}

func (o Options) validate() error {
	return check.All(check.Date("from", o.From), check.Date("to", o.To), check.Order("to", o.From, o.To))
}

// Period names the UI and CLI offer.
const (
	AllTime     = "all"
	ThisQuarter = "this-quarter"
	LastQuarter = "last-quarter"
)

// Periods lists the period names Period understands.
var Periods = []string{AllTime, ThisQuarter, LastQuarter}

// Period returns the first and last day (YYYY-MM-DD) of a named period
// around today's date: the whole history for "all" (both ""), the calendar
// quarter today is in, or the one before it. An unknown name gives ("", "")
// too; check it against Periods first where that matters.
func Period(name string, today time.Time) (from, to string) {
	y, m, _ := today.Date()
	start := time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, time.UTC)
	switch name {
	case ThisQuarter:
	case LastQuarter:
		start = start.AddDate(0, -3, 0)
	default:
		return "", ""
	}
	return start.Format(check.DateLayout), start.AddDate(0, 3, -1).Format(check.DateLayout)
}

// CheckPeriod rejects a period name Period does not know.
func CheckPeriod(name string) error {
	return check.OneOf("period", "Period", name, Periods...)
}

// label describes a period for people: "Q3 2026 (1 Jul – 30 Sep 2026)",
// "1 Jul 2026 – 15 Aug 2026", "from 1 Jul 2026", "until …" or "all sessions".
func label(from, to string) string {
	f, errF := time.Parse(check.DateLayout, from)
	t, errT := time.Parse(check.DateLayout, to)
	switch {
	case errF != nil && errT != nil:
		return "All sessions"
	case errT != nil:
		return "From " + day(f)
	case errF != nil:
		return "Until " + day(t)
	case f.Day() == 1 && (f.Month()-1)%3 == 0 && t.Equal(f.AddDate(0, 3, -1)):
		return fmt.Sprintf("Q%d %d (%s – %s)", (f.Month()-1)/3+1, f.Year(), f.Format("2 Jan"), day(t))
	}
	return day(f) + " – " + day(t)
}

func day(t time.Time) string { return t.Format("2 Jan 2006") }

// invalid wraps a rule an export's input breaks.
func invalid(field, format string, args ...any) error {
	return apperr.New(apperr.Invalid, field, format, args...)
}
