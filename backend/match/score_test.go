package match

import (
	"context"
	"testing"
	"time"
)

func TestScoreExplainsEachPart(t *testing.T) {
	mentee := Candidate{ID: "e", Name: "Íñigo", GrowthAreas: []string{"Public Speaking", "hiring", "budgeting"}, Organization: "Acme",
		TimeZone: "Europe/Madrid", TenureStart: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), Languages: []string{"Spanish", "English"}}
	mentor := Candidate{ID: "m", Strengths: []string{"présenting", "HIRING", "sales"}, Organization: "Globex", TimeZone: "Europe/London",
		TenureStart: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), Languages: []string{"spanish", "Polish"}}
	v := Vocabulary{"public speaking": {"presenting"}}
	got, err := Score(mentee, mentor, DefaultWeights(), v)
	if err != nil {
		t.Fatal(err)
	}
	want := []Part{
		{PartGrowth, 27, 40, "Strengths cover 2 of 3 growth areas: public speaking, hiring"},
		{PartOrganization, 15, 15, "Different organizations"},
		{PartTenure, 13, 15, "Tenure gap 3.5 years"},
		{PartLanguage, 10, 10, "Share Spanish"},
		{PartTimeZone, 18, 20, "7 h of working-time overlap"},
	}
	if len(got.Parts) != len(want) || got.Total != 27+15+13+10+18 {
		t.Fatalf("got %+v", got)
	}
	for i, p := range want {
		if got.Parts[i] != p {
			t.Errorf("part %d: got %+v, want %+v", i, got.Parts[i], p)
		}
	}
	mentor.Organization, mentee.OrgPref = "ACME", DifferentOrg
	got, _ = Score(mentee, mentor, DefaultWeights(), v)
	if p := got.Parts[1]; p.Points != 0 || p.Text != "Same organization; Íñigo prefers a different organization" {
		t.Errorf("same organization: %+v", p)
	}
}

func TestWorkingOverlapAcrossZonesAndTheDateLine(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"Europe/Madrid", "Europe/Madrid", 480},
		{"Europe/Madrid", "Europe/London", 420},
		{"Europe/Madrid", "Asia/Kolkata", 210},
		{"America/New_York", "Europe/Madrid", 120},
		{"Asia/Tokyo", "America/Los_Angeles", 60},
		{"Pacific/Auckland", "Pacific/Honolulu", 420},
		{"Europe/Madrid", "Pacific/Auckland", 0},
	}
	for _, tc := range cases {
		o, err := overlaps([]string{tc.a, tc.b})
		if err != nil {
			t.Fatal(err)
		}
		if o[0][1] != tc.want || o[1][0] != tc.want {
			t.Errorf("%s ~ %s: %d and %d minutes, want %d", tc.a, tc.b, o[0][1], o[1][0], tc.want)
		}
	}
}

func TestScorePartsAddUpOnRandomPairs(t *testing.T) {
	for seed := range uint64(20) {
		p := randomProblem(seed, shape{mentees: 30, mentors: 30, orgs: 3})
		p.Weights = Weights{GrowthAreas: int(seed * 7 % 50), CrossOrganization: 13, TenureGap: int(seed % 11), SharedLanguage: 3, TimeZoneOverlap: 29}
		c, err := compile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i := range c.mentees {
			for j := range c.mentors {
				x, fast := c.explain(&c.mentees[i], &c.mentors[j]), c.score(&c.mentees[i], &c.mentors[j])
				sum := 0
				for _, part := range x.Parts {
					sum += part.Points
					if part.Points < 0 || part.Points > part.Max || part.Text == "" {
						t.Fatalf("part %+v", part)
					}
				}
				if sum != x.Total || x.Total != fast {
					t.Fatalf("parts %d, total %d, fast score %d", sum, x.Total, fast)
				}
			}
		}
	}
}

func TestSolveExplainsPairsAsScoreDoes(t *testing.T) {
	p := randomProblem(11, shape{mentees: 20, mentors: 10, orgs: 3})
	r, err := Solve(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Candidate{}
	for _, c := range p.People {
		byID[c.ID] = c
	}
	for _, m := range r.Matches {
		x, err := Score(byID[m.Mentee], byID[m.Mentor], p.Weights, p.Vocabulary)
		if err != nil || x.Total != m.Explanation.Total {
			t.Fatalf("%v: Score %d (%v), Solve %d", m, x.Total, err, m.Explanation.Total)
		}
	}
}
