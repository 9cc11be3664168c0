package pairing

import (
	"context"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/match"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// MatchRequest is a matching run: whom, the weights (nil for the
// defaults) and the hard rules, with the pairs the leader pinned or
// rejected in earlier runs.
type MatchRequest struct {
	Selection
	Weights     *match.Weights    `json:"weights"`
	Constraints match.Constraints `json:"constraints"`
}

// Suggestion is a run's answer, with the names of the people it names by ID.
type Suggestion struct {
	match.Result
	Names   map[string]string `json:"names"`   // person ID -> name
	Skipped []string          `json:"skipped"` // people left out, and why
	Mentors int               `json:"mentors"`
	Mentees int               `json:"mentees"`
}

// Suggest matches the selection's mentees with its mentors, maximizing the
// total score, and writes nothing. A person's role wanted decides their
// side (a circle's members without one go by their role in it); "both"
// mentors when they have capacity, else is mentored. Progress tells how
// far it is while it runs.
func (p *Pairing) Suggest(req MatchRequest) (Suggestion, error) {
	var people []member
	prob := match.Problem{Weights: match.DefaultWeights(), Constraints: req.Constraints}
	if err := p.db.Transaction(func(tx *gorm.DB) error {
		var err error
		if people, err = req.people(tx); err != nil {
			return err
		}
		prob.Vocabulary, err = savedVocabulary(tx)
		return err
	}); err != nil {
		return Suggestion{}, err
	}
	out := Suggestion{Names: names(people), Skipped: []string{}}
	if req.Weights != nil {
		prob.Weights = *req.Weights
	}
	for _, m := range people {
		c, ok := candidate(m)
		if !ok {
			out.Skipped = append(out.Skipped, m.Name+": no role wanted (mentor or mentee)")
			continue
		}
		if c.Role == match.Mentor {
			out.Mentors++
		} else {
			out.Mentees++
		}
		prob.People = append(prob.People, c)
	}
	if out.Mentors == 0 || out.Mentees == 0 {
		return Suggestion{}, apperr.New(apperr.Invalid, "cohort",
			"A run needs mentors and mentees: this one has %d mentors and %d mentees.", out.Mentors, out.Mentees)
	}
	never, err := neverPairs(p.db, prob.People)
	if err != nil {
		return Suggestion{}, err
	}
	prob.Constraints.Banned = append(prob.Constraints.Banned, never...)
	defer p.track.stop()
	res, err := match.Solve(context.Background(), prob, p.track.start("matching"))
	out.Result = res
	return out, err
}

// candidate is a person as the matching engine reads them; ok is false
// for someone with no side to take.
func candidate(m member) (match.Candidate, bool) {
	role := m.RoleWanted
	if role == "" && (m.Role == model.RoleMentor || m.Role == model.RoleMentee) {
		role = m.Role
	}
	c := match.Candidate{ID: key(m.ID), Name: m.Name, Capacity: m.Capacity, Strengths: tags(m.Strengths),
		GrowthAreas: tags(m.GrowthAreas), Organization: m.Organization, TimeZone: m.TimeZone, Languages: tags(m.Languages),
		OrgPref: match.OrgPreference(m.OrgPref)}
	if t, err := time.Parse(time.DateOnly, m.StartDate); err == nil {
		c.TenureStart = t
	}
	switch {
	case role == "mentor" || (role == "both" && m.Capacity > 0):
		c.Role = match.Mentor
	case role == "mentee" || role == "both":
		c.Role = match.Mentee
	default:
		return c, false
	}
	return c, true
}

// PublishRequest is the pairs a leader accepted, to make circles of two.
type PublishRequest struct {
	Cohort       string       `json:"cohort"`       // the pairs' circles carry it
	Pairs        []match.Pair `json:"pairs"`        // by person ID
	FirstSession string       `json:"firstSession"` // YYYY-MM-DD; "" is a week from today
}

// Published is what publishing made.
type Published struct {
	Circles []uint   `json:"circles"` // the new circles' IDs, in the order asked
	Skipped []string `json:"skipped"` // what was already there, and why
}

// Publish makes each pair a circle of two (a 1:1 pair: the mentor and the
// mentee, named after them both) with a first session proposed, all in one
// transaction: every pair or none. A pair already a current pair circle is
// skipped and said so, so publishing twice makes nothing new.
func (p *Pairing) Publish(req PublishRequest) (Published, error) {
	day, err := firstDay(req.FirstSession, p.now())
	if err != nil {
		return Published{}, err
	}
	if len(req.Pairs) == 0 || len(req.Pairs) > MaxPeople {
		return Published{}, apperr.New(apperr.Invalid, "pairs", "Choose the pairs to publish.")
	}
	out := Published{Circles: []uint{}, Skipped: []string{}}
	err = p.db.Transaction(func(tx *gorm.DB) error {
		for _, pair := range req.Pairs {
			id, err := p.publishPair(tx, req.Cohort, pair, day)
			if err != nil {
				return err
			}
			if id == 0 {
				out.Skipped = append(out.Skipped, pair.Mentor+" & "+pair.Mentee)
				continue
			}
			out.Circles = append(out.Circles, id)
		}
		return nil
	})
	return out, err
}

// publishPair makes one pair's circle in tx, or returns 0 when the two
// already share a current pair circle.
func (p *Pairing) publishPair(tx *gorm.DB, cohort string, pair match.Pair, day string) (uint, error) {
	mentorID, err := idOf(pair.Mentor)
	if err != nil {
		return 0, err
	}
	menteeID, err := idOf(pair.Mentee)
	if err != nil {
		return 0, err
	}
	var people []model.Person
	if err := tx.Where("id IN ?", []uint{mentorID, menteeID}).Find(&people).Error; err != nil {
		return 0, err
	}
	if len(people) != 2 || mentorID == menteeID {
		return 0, apperr.New(apperr.Invalid, "pairs", "A pair names a mentor and a mentee who are not both here.")
	}
	var n int64
	err = tx.Table("circles c").Where("c.kind = ? AND c.status <> ?", model.KindPair, model.CircleArchived).
		Where("EXISTS (SELECT 1 FROM memberships m WHERE m.circle_id = c.id AND m.person_id = ? AND m.left_on = '')", mentorID).
		Where("EXISTS (SELECT 1 FROM memberships m WHERE m.circle_id = c.id AND m.person_id = ? AND m.left_on = '')", menteeID).
		Count(&n).Error
	if err != nil || n > 0 {
		return 0, err
	}
	mentor, mentee := people[0], people[1]
	if mentor.ID != mentorID {
		mentor, mentee = mentee, mentor
	}
	zone := mentee.TimeZone
	if zone == "" {
		zone = mentor.TimeZone
	}
	c, err := newCircle(tx, model.Circle{Name: mentor.Name + " & " + mentee.Name, Kind: model.KindPair, TimeZone: zone, Cohort: cohort},
		map[uint]string{mentorID: model.RoleMentor, menteeID: model.RoleMentee}, day)
	return c.ID, err
}
