// Package match pairs mentees with mentors: it scores every feasible pair
// with an explanation, and assigns a whole cohort at once so that the most
// mentees get a mentor and, among those assignments, the total score is the
// highest (an exact min-cost flow). It is pure Go: plain structs in, plain
// structs out, no database.
package match

import "time"

// Role says which side of a pair a candidate is on.
type Role string

// The roles a candidate may have in a matching run.
const (
	Mentor Role = "mentor"
	Mentee Role = "mentee"
)

// OrgPreference is whether a person wants a partner from their own
// organization; the empty preference counts as Different, since the program
// mixes organizations.
type OrgPreference string

// The organization preferences.
const (
	SameOrg      OrgPreference = "same"
	DifferentOrg OrgPreference = "different"
	AnyOrg       OrgPreference = "any"
)

// Candidate is one person of the cohort, as matching sees them.
type Candidate struct {
	ID           string        `json:"id"`           // stable and unique in the cohort; ties break by it
	Name         string        `json:"name"`         // shown in explanations, the ID when empty
	Role         Role          `json:"role"`         // mentor or mentee
	Capacity     int           `json:"capacity"`     // mentees a mentor takes; 0 counts as 1
	Strengths    []string      `json:"strengths"`    // tags a mentor can help with
	GrowthAreas  []string      `json:"growthAreas"`  // tags a mentee wants to grow in
	Organization string        `json:"organization"` // compared folded; empty is unknown
	TimeZone     string        `json:"timeZone"`     // IANA name; empty is unknown
	TenureStart  time.Time     `json:"tenureStart"`  // zero is unknown
	Languages    []string      `json:"languages"`    // compared folded
	OrgPref      OrgPreference `json:"orgPref"`      // same, different (the default) or any
}

// Pair names a mentee and a mentor by ID.
type Pair struct {
	Mentee string `json:"mentee"`
	Mentor string `json:"mentor"`
}

// Problem is one matching run: the cohort, the tag vocabulary, the weights
// and the hard constraints.
type Problem struct {
	People      []Candidate `json:"people"`
	Vocabulary  Vocabulary  `json:"vocabulary"`
	Weights     Weights     `json:"weights"`
	Constraints Constraints `json:"constraints"`
}

// Match is one suggested pair and why it scores what it does.
type Match struct {
	Mentee      string      `json:"mentee"`
	Mentor      string      `json:"mentor"`
	Pinned      bool        `json:"pinned"` // kept as the leader pinned it
	Explanation Explanation `json:"explanation"`
}

// Unmatched is a mentee left without a mentor, and why.
type Unmatched struct {
	Mentee string `json:"mentee"`
	Reason string `json:"reason"`
}

// Result is a run's answer: pairs sorted by mentee ID, the mentees left
// over, and the sum of the pairs' scores.
type Result struct {
	Matches   []Match     `json:"matches"`
	Unmatched []Unmatched `json:"unmatched"`
	Total     int         `json:"total"`
}
