package match

// Weights are the points each part of a score is worth at most; a pair
// scores a part's full weight when it fully meets it (every growth area
// covered, a tenure gap of FullTenureYears or more, a full working day of
// overlap) and a proportional, rounded share otherwise.
type Weights struct {
	GrowthAreas       int `json:"growthAreas"`       // mentee's growth areas met by the mentor's strengths
	CrossOrganization int `json:"crossOrganization"` // the pair's organizations fit both preferences
	TenureGap         int `json:"tenureGap"`         // the mentor's tenure is longer
	SharedLanguage    int `json:"sharedLanguage"`    // at least one language in common
	TimeZoneOverlap   int `json:"timeZoneOverlap"`   // hours of 09:00-17:00 local in common on 14 January 2026
}

// FullTenureYears is the tenure gap that earns the whole TenureGap weight.
const FullTenureYears = 4

// DefaultWeights are the weights a run starts from: 100 points in all.
func DefaultWeights() Weights {
	return Weights{GrowthAreas: 40, CrossOrganization: 15, TenureGap: 15, SharedLanguage: 10, TimeZoneOverlap: 20}
}

// Constraints are the hard rules of a run. Banned pairs never match; pinned
// pairs are kept as given (whatever the other rules say) and take a place of
// their mentor's capacity.
type Constraints struct {
	Banned            []Pair  `json:"banned"`
	Pinned            []Pair  `json:"pinned"`
	MustShareLanguage bool    `json:"mustShareLanguage"` // pairs without a common language are excluded
	MustFitOrgPref    bool    `json:"mustFitOrgPref"`    // pairs that break either person's organization preference are excluded
	MinOverlapHours   float64 `json:"minOverlapHours"`   // pairs with less working-time overlap (or an unknown zone) are excluded
}
