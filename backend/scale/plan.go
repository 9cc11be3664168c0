package scale

import (
	"fmt"
	"time"

	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

// circlePlan is one circle to make: the circle, its members and its
// sessions' dates, drawn before anything is written.
type circlePlan struct {
	circle  model.Circle
	members []memberPlan
	dates   []string // the sessions' local start times, in order
}

// memberPlan is one membership to make.
type memberPlan struct {
	who      int // index into gen.people
	role     string
	leftAt   int  // the first session they were gone for; len(dates) when still in
	drifting bool // misses sessions more often than most
}

// plan draws every circle: its kind, status, cadence, size and members.
// Leaders lead about four circles each; everyone else is in one circle,
// and the people left over are waiting to be matched.
func (g *gen) plan() []circlePlan {
	n := g.size.Circles
	plans := make([]circlePlan, n)
	for i := range plans {
		plans[i].circle = g.circleFields()
	}
	counts := g.memberCounts(plans)
	order := g.rng.Perm(len(g.people))
	leaders, others := order[:max(n/4, 1)], order[max(n/4, 1):]
	next := 0
	names := map[string]int{}
	for i := range plans {
		p := &plans[i]
		p.dates = g.dates(p.circle)
		p.circle.StartDate = p.dates[0][:10]
		if p.circle.Status == model.CircleCompleted || p.circle.Status == model.CircleArchived {
			p.circle.EndDate = p.dates[len(p.dates)-1][:10]
		}
		p.members = append(p.members, g.member(leaders[i%len(leaders)], 0, p))
		for j := 1; j < counts[i]; j++ {
			p.members = append(p.members, g.member(others[next], j, p))
			next++
		}
		p.circle.Name = g.circleName(p, names)
	}
	return plans
}

// circleFields draws a circle's kind, status, cadence and the rest of its form.
func (g *gen) circleFields() model.Circle {
	c := model.Circle{Kind: model.KindGroup, Cadence: model.CadenceBiweekly, MeetingDay: 1 + g.rng.IntN(5),
		MeetingTime:     pick(g.rng, []string{"08:30", "09:00", "12:00", "13:30", "16:00", "17:00", "18:30"}),
		DurationMinutes: pick(g.rng, []int{45, 60, 60, 90}), Color: pick(g.rng, colors)}
	c.UUID = g.uuid()
	if g.chance(0.08) {
		c.Kind, c.DurationMinutes = model.KindPair, pick(g.rng, []int{30, 45})
	}
	switch r := g.rng.Float64(); {
	case r < 0.15:
		c.Cadence = model.CadenceWeekly
	case r < 0.35:
		c.Cadence = model.CadenceMonthly
	case r < 0.40:
		c.Cadence, c.CadenceDays = model.CadenceCustom, 21
	}
	switch r := g.rng.Float64(); {
	case r < 0.85:
		c.Status = model.CircleActive
	case r < 0.88:
		c.Status = model.CircleForming
	case r < 0.90:
		c.Status = model.CirclePaused
	case r < 0.95:
		c.Status = model.CircleCompleted
	default:
		c.Status = model.CircleArchived
	}
	place := pick(g.rng, places)
	c.TimeZone = place.zone
	if g.chance(0.5) {
		c.VideoLink = "https://meet.example.org/" + c.UUID[:8]
	} else {
		c.Place = fmt.Sprintf("%s, sala %d.%02d", place.city, 1+g.rng.IntN(6), 1+g.rng.IntN(20))
	}
	return c
}

// memberCounts gives pairs two members and groups 6 to 14, about 8 to 12,
// adding up to the size's memberships exactly.
func (g *gen) memberCounts(plans []circlePlan) []int {
	counts := make([]int, len(plans))
	sum := 0
	for i, p := range plans {
		counts[i] = 8 + g.rng.IntN(5)
		if p.circle.Kind == model.KindPair {
			counts[i] = 2
		}
		sum += counts[i]
	}
	for diff := g.size.Memberships - sum; diff != 0; {
		i := g.rng.IntN(len(counts))
		switch {
		case plans[i].circle.Kind == model.KindPair:
		case diff > 0 && counts[i] < 14:
			counts[i]++
			diff--
		case diff < 0 && counts[i] > 6:
			counts[i]--
			diff++
		}
	}
	return counts
}

// dates lays a circle's sessions on its cadence: an active circle has one
// or two from today on, a forming one all of them, and a paused, completed
// or archived one none, its series ending weeks or months ago.
func (g *gen) dates(c model.Circle) []string {
	count := g.size.SessionsPerCircle
	ahead := 1
	switch c.Status {
	case model.CircleActive:
		if g.chance(0.15) {
			ahead = 2
		}
	case model.CircleForming:
		ahead = count
	default:
		ahead = 0
	}
	from := g.today
	if ahead == 0 {
		from = from.AddDate(0, 0, -7*(2+g.rng.IntN(40)))
	}
	past := count - ahead
	switch c.Cadence {
	case model.CadenceMonthly:
		from = from.AddDate(0, -past, 0)
	case model.CadenceWeekly:
		from = from.AddDate(0, 0, -7*past)
	case model.CadenceCustom:
		from = from.AddDate(0, 0, -c.CadenceDays*past)
	default:
		from = from.AddDate(0, 0, -14*past)
	}
	from = from.AddDate(0, 0, (c.MeetingDay-int(from.Weekday())+7)%7) // forward to the meeting day
	// A monthly series keeps its weekday's place in the month, so its days
	// drift: move it a week at a time until exactly past sessions lie before today.
	var dates []string
	for range 10 {
		dates = sessions.Dates(c.Cadence, c.CadenceDays, from.Format("2006-01-02")+"T"+c.MeetingTime, count)
		before := 0
		for _, d := range dates {
			if d[:10] < g.day {
				before++
			}
		}
		switch {
		case before > past:
			from = from.AddDate(0, 0, 7)
		case before < past:
			from = from.AddDate(0, 0, -7)
		default:
			return dates
		}
	}
	return dates
}

// member draws the j-th member of a circle: the leader first (a pair's
// mentor), then a mentor or two, now and then a co-leader or a guest, and
// mentees; a few mentees left partway.
func (g *gen) member(who, j int, p *circlePlan) memberPlan {
	m := memberPlan{who: who, role: model.RoleMentee, leftAt: len(p.dates), drifting: g.chance(0.15)}
	switch {
	case p.circle.Kind == model.KindPair && j == 0:
		m.role = model.RoleMentor
	case j == 0:
		m.role = model.RoleLeader
	case p.circle.Kind == model.KindPair:
	case j == 1 || (j == 2 && g.chance(0.5)):
		m.role = model.RoleMentor
	case j == 3 && g.chance(0.2):
		m.role = model.RoleCoLeader
	case g.chance(0.02):
		m.role = model.RoleGuest
	case g.chance(0.03):
		m.leftAt = len(p.dates)/2 + g.rng.IntN(len(p.dates)/2)
	}
	return m
}

// circleName names a group by its theme and city, numbered within them,
// and a pair by its two first names.
func (g *gen) circleName(p *circlePlan, seen map[string]int) string {
	if p.circle.Kind == model.KindPair {
		return g.people[p.members[0].who].first + " & " + g.people[p.members[1].who].first
	}
	base := pick(g.rng, themes) + " · " + pick(g.rng, places).city
	seen[base]++
	return fmt.Sprintf("%s %d", base, seen[base])
}

// leftOn is the day a member left: the day of the first session they were gone for.
func (p *circlePlan) leftOn(m memberPlan) string {
	if m.leftAt >= len(p.dates) {
		return ""
	}
	return p.dates[m.leftAt][:10]
}

// sessionEnd is when a session ended, for the times its notes were saved.
func sessionEnd(startsAt string, minutes int) time.Time {
	t, err := time.Parse("2006-01-02T15:04", startsAt)
	if err != nil {
		return time.Time{}
	}
	return t.Add(time.Duration(minutes) * time.Minute)
}
