// Package actions keeps action items: captured with a form, or written in a
// session's notes as "- [ ] @Name text due:YYYY-MM-DD" (or due:friday).
package actions

import (
	"regexp"
	"strings"
	"time"

	names "circlebook/backend/fold"
)

// Line is an action item written as a task line in notes.
type Line struct {
	Key   string // the line's identity within its note: owner, text and due as written
	Owner string // the @name, without the @; "" when none
	Text  string
	Due   string // YYYY-MM-DD, or "" when none or not understood
	Done  bool   // the box is ticked
	// Typing marks the note's last line when no line break follows it: it
	// may still be being typed, so it makes no new item until it is finished.
	Typing bool
}

var taskLine = regexp.MustCompile(`^\s*[-*+]\s+\[([ xX])\]\s+(.+?)\s*$`)

// ParseLines finds the task lines of a note. The last line, when no line
// break follows it, comes marked Typing: it may still be being typed, and
// Reconcile makes no item of it letter by letter. Relative dues count from
// the session's date.
func ParseLines(body string, sessionDate time.Time) []Line {
	var out []Line
	raws := strings.Split(body, "\n")
	fence := ""
	for i, raw := range raws {
		line := strings.TrimRight(raw, "\r")
		if fenced(line, &fence) || fence != "" {
			continue
		}
		m := taskLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if l, ok := parseTask(m[2], sessionDate); ok {
			l.Done = m[1] != " "
			l.Typing = i == len(raws)-1
			out = append(out, l)
		}
	}
	return out
}

var fenceLine = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")

// fenced tracks fenced code blocks (``` or ~~~, CommonMark's rule: closed by
// a run of the same character at least as long): it reports whether line
// opens or closes one, updating *open, the fence now open ("" when none).
// Task lines inside a fence are code, not action items.
func fenced(line string, open *string) bool {
	m := fenceLine.FindStringSubmatch(line)
	switch {
	case m == nil:
		return false
	case *open == "":
		*open = m[1]
		return true
	case m[1][0] == (*open)[0] && len(m[1]) >= len(*open) && strings.TrimSpace(line[len(m[0]):]) == "":
		*open = ""
		return true
	}
	return false
}

func parseTask(rest string, day time.Time) (Line, bool) {
	var l Line
	var words []string
	dueRaw := ""
	for i, w := range strings.Fields(rest) {
		switch {
		case i == 0 && strings.HasPrefix(w, "@") && len(w) > 1:
			l.Owner = w[1:]
		case strings.HasPrefix(strings.ToLower(w), "due:") && dueRaw == "":
			if due, ok := Due(w[4:], day); ok {
				dueRaw, l.Due = w[4:], due
				continue
			}
			words = append(words, w)
		default:
			words = append(words, w)
		}
	}
	l.Text = strings.Join(words, " ")
	if l.Text == "" {
		return l, false
	}
	l.Key = strings.ToLower(l.Owner) + "|" + l.Text + "|" + strings.ToLower(dueRaw)
	return l, true
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "sun": time.Sunday, "monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "wednesday": time.Wednesday, "wed": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday,
}

// Due resolves a due word against a day: YYYY-MM-DD, today, tomorrow, or a
// weekday name meaning the next such day after it.
func Due(word string, day time.Time) (string, bool) {
	w := strings.ToLower(strings.TrimRight(word, ".,;"))
	if t, err := time.Parse("2006-01-02", w); err == nil {
		return t.Format("2006-01-02"), true
	}
	switch w {
	case "today":
		return day.Format("2006-01-02"), true
	case "tomorrow":
		return day.AddDate(0, 0, 1).Format("2006-01-02"), true
	}
	if wd, ok := weekdays[w]; ok {
		ahead := (int(wd)-int(day.Weekday())+6)%7 + 1 // 1..7 days later
		return day.AddDate(0, 0, ahead).Format("2006-01-02"), true
	}
	return "", false
}

// Member is someone an @name can refer to.
type Member struct {
	PersonID uint
	Name     string
	Email    string
}

// everyone are the @names that mean the whole circle.
var everyone = map[string]bool{"all": true, "circle": true, "everyone": true, "team": true}

// ResolveOwner finds the member an @name means: a first name, the full name
// without spaces, or the email's local part, ignoring case and accents.
// It returns 0 for the whole circle, and false when no member matches.
func ResolveOwner(name string, members []Member) (uint, bool) {
	want := fold(name)
	if want == "" || everyone[want] {
		return 0, true
	}
	for _, m := range members {
		first, _, _ := strings.Cut(m.Name, " ")
		local, _, _ := strings.Cut(m.Email, "@")
		if fold(first) == want || fold(strings.ReplaceAll(m.Name, " ", "")) == want || (local != "" && fold(local) == want) {
			return m.PersonID, true
		}
	}
	return 0, false
}

// fold folds a name by the app's one rule (backend/fold): "Muñoz" -> "munoz".
func fold(s string) string { return names.Key(s) }
