package export

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"circlebook/backend/attendance"
	"circlebook/backend/check"
	"circlebook/backend/model"
)

// Wording the text formats (Markdown, HTML) share.

// title is the document's title.
func (s Summary) title() string { return s.Circle.Name + " — circle summary" }

// generated says when and how the summary was made.
func (s Summary) generated() string {
	out := s.Period + " · generated " + s.GeneratedAt.Format("2 Jan 2006 15:04 MST")
	if s.Anonymized {
		out += " · members anonymized"
	}
	if s.FiguresOnly {
		out += " · figures only"
	}
	return out
}

// meets describes when the circle usually meets: "Weekly, Tuesday at 18:30, 90 minutes (Europe/Madrid)".
func (p Profile) meets() string {
	out := p.Cadence
	if p.MeetingDay != "" {
		out += ", " + p.MeetingDay
	}
	if p.MeetingTime != "" {
		out += " at " + p.MeetingTime
	}
	if p.DurationMinutes > 0 {
		out += fmt.Sprintf(", %d minutes", p.DurationMinutes)
	}
	return out + " (" + p.TimeZone + ")"
}

// runs gives the circle's start and end dates.
func (p Profile) runs() string {
	switch {
	case p.StartDate != "" && p.EndDate != "":
		return longDate(p.StartDate) + " – " + longDate(p.EndDate)
	case p.StartDate != "":
		return "since " + longDate(p.StartDate)
	case p.EndDate != "":
		return "until " + longDate(p.EndDate)
	}
	return ""
}

// longDate turns YYYY-MM-DD into "6 Jan 2026", leaving anything else alone.
func longDate(d string) string {
	t, err := time.Parse(check.DateLayout, d)
	if err != nil {
		return d
	}
	return t.Format("2 Jan 2006")
}

// when is a session's local start, "Tue 6 Jan 2026, 18:30".
func (s Session) when() string { return s.Start.Format("Mon 2 Jan 2006, 15:04") }

// percent is a rate as a whole percentage, or "–" when nothing counts yet.
func percent(rate *float64) string {
	if rate == nil {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", *rate*100)
}

// marks spells out a tally: "38 present, 2 late, 1 excused, 4 absent".
func marks(t attendance.Tally) string {
	return fmt.Sprintf("%d present, %d late, %d excused, %d absent", t.Present, t.Late, t.Excused, t.Absent)
}

// counts sums up an owner's items: "3 open (1 overdue), 5 done".
func (o OwnerActions) counts() string {
	out := fmt.Sprintf("%d open", o.Open)
	if o.Overdue > 0 {
		out += fmt.Sprintf(" (%d overdue)", o.Overdue)
	}
	return out + fmt.Sprintf(", %d done", o.Done)
}

// ownerName names an owner group.
func (o OwnerActions) ownerName() string {
	if o.Owner == "" {
		return "The whole circle"
	}
	return o.Owner
}

// detail is what follows an action's text: "due 1 Mar 2026, overdue · session 3".
func (a Action) detail() string {
	var parts []string
	switch {
	case a.Status == model.ActionDone && a.DoneOn != "":
		parts = append(parts, "done "+longDate(a.DoneOn))
	case a.Overdue:
		parts = append(parts, "due "+longDate(a.DueOn)+", overdue")
	case a.DueOn != "":
		parts = append(parts, "due "+longDate(a.DueOn))
	}
	if a.SessionNumber > 0 {
		parts = append(parts, fmt.Sprintf("session %d", a.SessionNumber))
	}
	return strings.Join(parts, " · ")
}

// glance is the summary's headline figures, one line each.
func (s Summary) glance() []string {
	open, overdue := s.OpenActions()
	done := 0
	for _, o := range s.Actions {
		done += o.Done
	}
	return []string{
		fmt.Sprintf("Sessions: %d held, %d planned, %d cancelled", s.HeldCount(), s.PlannedCount(), s.CancelledCount()),
		fmt.Sprintf("Attendance: %s (%s)", percent(s.Attendance.Rate), marks(s.Attendance)),
		fmt.Sprintf("Members: %d", len(s.Members)),
		fmt.Sprintf("Action items: %d open (%d overdue), %d done", open, overdue, done),
	}
}

// labels name the values the app stores (a circle's kind and status, a
// member's role, a session's status) as people read them; the page uses the
// same words (frontend/js/lib/labels.js).
var labels = map[string]string{
	model.KindGroup: "Group circle", model.KindPair: "1:1 pair",
	model.CircleForming: "Forming", model.CircleActive: "Active", model.CirclePaused: "Paused",
	model.CircleCompleted: "Completed", model.CircleArchived: "Archived",
	model.RoleLeader: "Leader", model.RoleCoLeader: "Co-leader", model.RoleMentor: "Mentor",
	model.RoleMentee: "Mentee", model.RoleGuest: "Guest",
	model.SessionPlanned: "Planned", model.SessionHeld: "Held", model.SessionCancelled: "Cancelled",
	model.GoalAtRisk: "At risk",
}

// human is a stored value as people read it: "Co-leader" for "co-leader";
// a value with no label is capitalised.
func human(v string) string {
	if l, ok := labels[v]; ok {
		return l
	}
	if v == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(v)
	return string(unicode.ToUpper(r)) + v[size:]
}

// oneLine folds a multi-line text into one line for a list item or a cell.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// label heads a highlight: "Session 3 · 20 Jan 2026 · Topic".
func (h Highlight) label() string {
	out := fmt.Sprintf("Session %d · %s", h.SessionNumber, longDate(h.Date))
	if t := oneLine(h.Topic); t != "" {
		out += " · " + t
	}
	return out
}
