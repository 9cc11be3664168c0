package roster

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"circlebook/backend/check"
	"circlebook/backend/model"
)

// dateOrder says how a date like 03/04/2026 reads: day first or month first.
type dateOrder bool

const (
	dayFirst   dateOrder = false
	monthFirst dateOrder = true
)

// layouts are the unambiguous date forms a roster may use; slashed and
// dashed numeric dates are read by the column's dateOrder.
var layouts = []string{"2006-01-02", "2006/01/02", "2006.01.02", "2006-1-2", "2006/1/2",
	"2 Jan 2006", "2 January 2006", "Jan 2, 2006", "January 2, 2006", "Jan 2 2006", "2-Jan-2006", "2-Jan-06",
	"2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01"}

// parseDate reads v as a date, returning it as YYYY-MM-DD.
func parseDate(v string, order dateOrder) (string, bool) {
	v = strings.TrimSpace(v)
	for _, l := range layouts {
		if t, err := time.Parse(l, v); err == nil {
			return t.Format(check.DateLayout), true
		}
	}
	a, b, y, ok := numericDate(v)
	if !ok {
		return "", false
	}
	d, m := a, b
	if order == monthFirst {
		d, m = b, a
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d {
		return "", false
	}
	return t.Format(check.DateLayout), true
}

// serialDate reads a spreadsheet's day number (days since 1899-12-30, as
// Excel and LibreOffice count; a time of day after the point is dropped)
// as a date from 1927 to 2119.
func serialDate(v string) (string, bool) {
	day, _, _ := strings.Cut(strings.TrimSpace(v), ".")
	n, err := strconv.Atoi(day)
	if err != nil || n < 10_000 || n > 80_000 {
		return "", false
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format(check.DateLayout), true
}

// numericDate splits "a/b/y" or "a-b-y" or "a.b.y" (y of 2 or 4 digits).
func numericDate(v string) (a, b, y int, ok bool) {
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 || len(parts[2]) != 2 && len(parts[2]) != 4 {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil || x < 0 {
			return 0, 0, 0, false
		}
		n[i] = x
	}
	if len(parts[2]) == 2 {
		n[2] += 2000
		if n[2] > time.Now().Year()+1 {
			n[2] -= 100
		}
	}
	return n[0], n[1], n[2], true
}

// orderOf reads a date column's order from its values: month first when
// some value's second number is over 12 and none's first is, else day first.
func orderOf(values []string) dateOrder {
	dayEvidence, monthEvidence := false, false
	for _, v := range values {
		a, b, _, ok := numericDate(strings.TrimSpace(v))
		if !ok {
			continue
		}
		dayEvidence = dayEvidence || a > 12
		monthEvidence = monthEvidence || b > 12
	}
	if monthEvidence && !dayEvidence {
		return monthFirst
	}
	return dayFirst
}

// ambiguous reports a numeric date that reads either way (03/04/2024).
func ambiguous(values []string) bool {
	for _, v := range values {
		if a, b, _, ok := numericDate(strings.TrimSpace(v)); ok && a != b && a <= 12 && b <= 12 {
			return true
		}
	}
	return false
}

// roleWanted reads mentor, mentee or both (and their common spellings).
func roleWanted(v string) (string, bool) {
	k := headerKey(v)
	switch {
	case k == "":
		return "", true
	case k == "mentor" || k == "mentors" || k == "bementor" || k == "beamentor":
		return model.WantsMentor, true
	case k == "mentee" || k == "mentees" || k == "bementee" || k == "beamentee" || k == "protege":
		return model.WantsMentee, true
	case k == "both" || k == "either" || k == "mentorandmentee" || k == "mentormentee" || k == "menteementor" || k == "mentorormentee":
		return model.WantsBoth, true
	}
	return "", false
}

// capacity reads a whole number of mentees: "2", "2 mentees"; "" is 0.
func capacity(v string) (int, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, true
	}
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(v[:end])
	if err != nil || n > MaxCapacity || strings.TrimSpace(strings.Trim(v[end:], " .")) != "" && !strings.HasPrefix(strings.TrimSpace(v[end:]), "mentee") {
		return 0, false
	}
	return n, true
}

// MaxCapacity is the most mentees a roster may give one mentor.
const MaxCapacity = 100

// list tidies a list cell: items split by ; | or newlines are joined by ", ".
func list(v string) string {
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '|' || r == '\n' || r == ',' })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

// knownZones holds the zone names validZone has accepted: loading a zone
// reads the tz database each time (a third of a 10,000-row plan's CPU
// time), and a roster names a few zones over and over. Only valid names
// are kept, so a file of junk cannot grow it past the tz database.
var knownZones sync.Map

// validZone reports an IANA zone name.
func validZone(v string) bool {
	if _, ok := knownZones.Load(v); ok {
		return true
	}
	if check.TimeZone("", v) != nil {
		return false
	}
	knownZones.Store(v, struct{}{})
	return true
}
