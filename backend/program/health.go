package program

import (
	"fmt"
	"time"

	"circlebook/backend/check"
	"circlebook/backend/model"
)

// Health levels, from best to worst; inactive is a circle not meeting now
// (forming, paused or completed), which no rule judges.
const (
	HealthGood     = "good"
	HealthWatch    = "watch"
	HealthAtRisk   = "at-risk"
	HealthInactive = "inactive"
)

// The rules' thresholds. A circle is judged against its own cadence: a
// monthly circle is not late after three weeks.
const (
	watchGaps   = 2    // cadences since the last held session before watch
	riskGaps    = 3    // ... before at risk
	minMarks    = 10   // attendance marks counted before a rate is judged
	watchRate   = 0.70 // attendance below this: watch
	riskRate    = 0.50 // below this: at risk
	defaultDays = 14   // a custom cadence without its days
)

// health judges an active circle by its row and figures at now: the
// worst level any rule reaches, and each rule's reason.
func health(r Row, f figs, now time.Time) (string, []string) {
	reasons := []string{}
	if r.Status != model.CircleActive {
		return HealthInactive, reasons
	}
	level := HealthGood
	raise := func(to, reason string, args ...any) {
		if to == HealthAtRisk || level == HealthGood {
			level = to
		}
		reasons = append(reasons, fmt.Sprintf(reason, args...))
	}
	today := now.In(zone(f.TimeZone, now))
	every := cadenceDays(f.Cadence, f.CadenceDays)
	if since, ok := daysSince(today, f.lastHeldDate(), f.StartDate); ok {
		switch {
		case since > riskGaps*every && f.Held == 0:
			raise(HealthAtRisk, "No session held since it started %d days ago", since)
		case since > riskGaps*every:
			raise(HealthAtRisk, "No session held in %d days", since)
		case since > watchGaps*every:
			raise(HealthWatch, "No session held in %d days", since)
		}
	}
	a := r.Attendance
	if a.Present+a.Late+a.Absent >= minMarks && a.Rate != nil {
		switch pct := int(*a.Rate*100 + 0.5); {
		case *a.Rate < riskRate:
			raise(HealthAtRisk, "Attendance %d%%", pct)
		case *a.Rate < watchRate:
			raise(HealthWatch, "Attendance %d%%", pct)
		}
	}
	if r.NextSession == nil {
		raise(HealthWatch, "No next session planned")
	}
	if f.Overdue > 0 {
		raise(HealthWatch, "%s overdue", plural(f.Overdue, "action item"))
	}
	if f.AtRisk > 0 {
		raise(HealthWatch, "%s at risk", plural(f.AtRisk, "goal"))
	}
	return level, reasons
}

// daysSince counts the days from the last held session (else the start,
// when it has passed) to today; ok is false when neither says anything.
func daysSince(today time.Time, lastHeld, start string) (int, bool) {
	from := lastHeld
	if from == "" {
		from = start
	}
	day, err := time.Parse(check.DateLayout, from)
	if err != nil {
		return 0, false
	}
	now, _ := time.Parse(check.DateLayout, today.Format(check.DateLayout))
	days := int(now.Sub(day).Hours() / 24)
	return days, days >= 0
}

// cadenceDays is how many days a cadence means.
func cadenceDays(cadence string, custom int) int {
	switch cadence {
	case model.CadenceWeekly:
		return 7
	case model.CadenceBiweekly:
		return 14
	case model.CadenceMonthly:
		return 30
	}
	if custom > 0 {
		return custom
	}
	return defaultDays
}

// plural writes n and a noun, with an s when n is not 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
