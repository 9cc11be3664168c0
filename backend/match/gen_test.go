package match

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// testZones are the zones random cohorts draw from: most of the world's
// offices, half-hour zones and both sides of the date line.
var testZones = []string{"Europe/Madrid", "Europe/London", "Europe/Warsaw", "America/New_York", "America/Chicago",
	"America/Los_Angeles", "America/Sao_Paulo", "America/Mexico_City", "Asia/Kolkata", "Asia/Tokyo", "Asia/Singapore",
	"Australia/Sydney", "Pacific/Auckland", "Africa/Lagos", "Africa/Nairobi", "Asia/Dubai", "Pacific/Honolulu", "UTC"}

// testTags are tag spellings; the vocabulary folds some of them together.
var testTags = []string{"Public speaking", "presenting", "Hiring", "recruiting", "budgeting", "Négociation", "negotiation",
	"career change", "management", "Leadership", "writing", "data analysis", "product", "design", "sales", "coaching",
	"feedback", "strategy", "fundraising", "mentoring", "time management", "delegation", "conflict", "networking"}

// testVocabulary folds a few of testTags into canonical tags.
var testVocabulary = Vocabulary{"public speaking": {"presenting", "talks"}, "hiring": {"recruiting"}, "negotiation": {}}

// testLanguages are the languages random people speak.
var testLanguages = []string{"English", "Spanish", "español", "Polish", "Portuguese", "Japanese", "Hindi", "French"}

// shape says how a random cohort is drawn.
type shape struct {
	mentees, mentors int
	orgs             int     // organizations to draw from
	banRate, pinRate float64 // chance of a banned pair per mentee, of a pin per mentee
	rules            bool    // add hard constraints
}

// randomProblem draws a cohort of the given shape from seed.
func randomProblem(seed uint64, s shape) Problem {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	pick := func(list []string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = list[r.IntN(len(list))]
		}
		return out
	}
	person := func(role Role, i int) Candidate {
		c := Candidate{ID: fmt.Sprintf("%s-%05d", role, i), Role: role, Capacity: 1 + r.IntN(3),
			Organization: fmt.Sprintf("Org %d", r.IntN(max(s.orgs, 1))), TimeZone: testZones[r.IntN(len(testZones))],
			TenureStart: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(8*365)),
			Languages:   pick(testLanguages, 1+r.IntN(2)), OrgPref: []OrgPreference{"", AnyOrg, SameOrg, DifferentOrg}[r.IntN(4)]}
		if r.IntN(10) == 0 {
			c.TimeZone = ""
		}
		if r.IntN(10) == 0 {
			c.TenureStart = time.Time{}
		}
		if role == Mentee {
			c.GrowthAreas = pick(testTags, 1+r.IntN(4))
		} else {
			c.Strengths = pick(testTags, 1+r.IntN(6))
		}
		return c
	}
	p := Problem{Vocabulary: testVocabulary, Weights: DefaultWeights()}
	for i := range s.mentees {
		p.People = append(p.People, person(Mentee, i))
	}
	for i := range s.mentors {
		p.People = append(p.People, person(Mentor, i))
	}
	if s.rules {
		p.Constraints = Constraints{MustShareLanguage: r.IntN(2) == 0, MustFitOrgPref: r.IntN(3) == 0, MinOverlapHours: float64(r.IntN(5))}
	}
	used := map[string]int{}
	for i := range s.mentees {
		if s.mentors == 0 {
			break
		}
		mentee := p.People[i].ID
		if r.Float64() < s.banRate {
			p.Constraints.Banned = append(p.Constraints.Banned, Pair{mentee, p.People[s.mentees+r.IntN(s.mentors)].ID})
		}
		if r.Float64() < s.pinRate {
			m := p.People[s.mentees+r.IntN(s.mentors)]
			pair := Pair{mentee, m.ID}
			if used[m.ID] < m.Capacity && !contains(p.Constraints.Banned, pair) {
				used[m.ID]++
				p.Constraints.Pinned = append(p.Constraints.Pinned, pair)
			}
		}
	}
	return p
}

// contains reports whether list has p.
func contains(list []Pair, p Pair) bool {
	for _, q := range list {
		if q == p {
			return true
		}
	}
	return false
}
