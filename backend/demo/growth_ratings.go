package demo

import (
	"circlebook/backend/growth"
	"circlebook/backend/model"
)

// ratings records each mentee's ratings on the Core skills at the circle's
// first held session and, where the circle has rated again, at its latest.
func (s *sample) ratings(spec circleSpec, items map[string]uint) error {
	held := s.held[spec.Name]
	svc := growth.NewSkills(s.tx, s.now)
	for _, m := range spec.Members {
		if m.Role != model.RoleMentee {
			continue
		}
		for _, item := range coreSkills.Items {
			k := rated{spec.Name, m.Name, item}
			before := 1 + pick(k.String(), 3)
			err := s.rate(svc, k, items[item], before, model.PhaseBefore, held[0].day())
			if err == nil && afterRatings[spec.Name] {
				after := min(5, before+pick(k.String()+"/after", 3))
				err = s.rate(svc, k, items[item], after, model.PhaseAfter, held[len(held)-1].day())
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// rated names a rating: whose, in which circle, on which skill.
type rated struct{ Circle, Person, Item string }

func (k rated) String() string { return k.Circle + "/" + k.Person + "/" + k.Item }

// rate records one rating and pins its UUID. An item missing from a
// framework of that name the user already had (id 0) is left unrated.
func (s *sample) rate(svc *growth.Skills, k rated, item uint, rating int, phase, on string) error {
	if item == 0 {
		return nil
	}
	in := growth.RatingInput{PersonID: s.people[k.Person], CircleID: s.circles[k.Circle], FrameworkItemID: item, Rating: rating, Phase: phase, RatedOn: on}
	if _, err := svc.Rate(in); err != nil {
		return err
	}
	var r model.SkillRating
	err := s.tx.Select("id").Where("circle_id = ? AND person_id = ? AND framework_item_id = ? AND phase = ?",
		in.CircleID, in.PersonID, item, phase).Take(&r).Error
	return firstErr(err, pin(s.tx, "skill_ratings", r.ID, id("skill-rating", k.String()+"/"+phase)))
}

// feedback gives the group's feedback after most held sessions, and some
// mentees' own.
func (s *sample) feedback(spec circleSpec) error {
	svc := growth.NewFeedback(s.tx, s.now)
	for _, ses := range s.held[spec.Name] {
		if pick(ses.UUID+"/feedback", 6) == 0 {
			continue
		}
		if err := s.give(svc, ses, ""); err != nil {
			return err
		}
		for _, m := range spec.Members {
			if m.Role == model.RoleMentee && attended(ses, m.Name) && pick(ses.UUID+"/"+m.Name, 3) == 0 {
				if err := s.give(svc, ses, m.Name); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// give records one feedback form on a session: the group's (person "") or
// one attendee's, and pins its UUID.
func (s *sample) give(svc *growth.Feedback, ses heldSession, person string) error {
	key := ses.UUID + "/" + person
	in := growth.FeedbackInput{SessionID: ses.ID, Usefulness: 3 + pick(key+"/useful", 3),
		Worked: workedLines[pick(key+"/worked", len(workedLines))], Change: changeLines[pick(key+"/change", len(changeLines))]}
	q := s.tx.Select("id").Where("session_id = ? AND person_id IS NULL", ses.ID)
	if person != "" {
		p := s.people[person]
		in.PersonID = &p
		q = s.tx.Select("id").Where("session_id = ? AND person_id = ?", ses.ID, p)
	}
	if _, err := svc.Give(in); err != nil {
		return err
	}
	var f model.SessionFeedback
	return firstErr(q.Take(&f).Error, pin(s.tx, "session_feedback", f.ID, id("feedback", key)))
}
