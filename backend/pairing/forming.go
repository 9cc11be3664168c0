package pairing

import (
	"fmt"

	"circlebook/backend/apperr"
	"circlebook/backend/form"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// FormRequest asks to split the selection into circles.
type FormRequest struct {
	Selection
	Options form.Options `json:"options"` // K or a size range, leaders per circle, pins, seed
}

// Proposal is a proposed split, with the names of the people it names by
// ID and who of them lead.
type Proposal struct {
	form.Result
	Names map[string]string `json:"names"` // person ID -> name
	Leads []string          `json:"leads"` // the IDs of those who lead (leaders, mentors, and who may lead)
}

// Propose splits the selection into circles and writes nothing. Mentors
// (by role wanted, or by role in the circle) and leaders lead; someone who
// wants "both" may lead. Pairs who were in a circle together before are
// kept apart where the rules allow. Progress tells how far it is while it runs.
func (p *Pairing) Propose(req FormRequest) (Proposal, error) {
	in, out, err := p.input(req)
	if err != nil {
		return Proposal{}, err
	}
	defer p.track.stop()
	out.Result, err = form.Form(in, p.track.start("forming"))
	return out, err
}

// MoveRequest moves one person of a proposal to another of its circles.
type MoveRequest struct {
	FormRequest
	Circles [][]string `json:"circles"` // the proposal's circles as they are, by person ID
	Person  string     `json:"person"`
	To      int        `json:"to"` // the circle's index, from 0
}

// Move moves a person to another proposed circle when the rules allow it
// (sizes, leaders, pins), and explains every circle again; a move the
// rules forbid is refused with the reason, and changes nothing.
func (p *Pairing) Move(req MoveRequest) (Proposal, error) {
	in, out, err := p.input(req.FormRequest)
	if err != nil {
		return Proposal{}, err
	}
	circles := make([]form.Circle, len(req.Circles))
	for i, ids := range req.Circles {
		circles[i] = form.Circle{Members: ids}
	}
	out.Result, err = form.Move(in, circles, req.Person, req.To)
	return out, err
}

// input reads the selection's people and history as forming takes them.
func (p *Pairing) input(req FormRequest) (form.Input, Proposal, error) {
	var in form.Input
	var people []member
	err := p.db.Transaction(func(tx *gorm.DB) error {
		var err error
		if people, err = req.people(tx); err != nil {
			return err
		}
		in.History, err = history(tx, people)
		return err
	})
	if err != nil {
		return in, Proposal{}, err
	}
	out := Proposal{Names: names(people), Leads: []string{}}
	for _, m := range people {
		fp := formPerson(m)
		in.People = append(in.People, fp)
		if fp.Leads() {
			out.Leads = append(out.Leads, fp.ID)
		}
	}
	in.Options = req.Options
	if in.Options.AsOf.IsZero() {
		in.Options.AsOf = p.now()
	}
	return in, out, nil
}

// formPerson is a member as forming reads them.
func formPerson(m member) form.Person {
	fp := form.Person{ID: key(m.ID), Name: m.Name, Role: form.Mentee, Organization: m.Organization, TimeZone: m.TimeZone, StartDate: m.StartDate}
	switch {
	case m.Role == model.RoleLeader || m.Role == model.RoleCoLeader:
		fp.Role = form.Leader
	case m.RoleWanted == "mentor" || (m.RoleWanted == "" && m.Role == model.RoleMentor):
		fp.Role = form.Mentor
	case m.RoleWanted == "both":
		fp.CanLead = true
	}
	return fp
}

// history is every two of people who were in a circle together, with the circle's name.
func history(tx *gorm.DB, people []member) ([]form.Pair, error) {
	ids := make([]uint, len(people))
	for i, m := range people {
		ids[i] = m.ID
	}
	var rows []struct {
		A, B   uint
		Circle string
	}
	err := tx.Raw(`SELECT a.person_id AS a, b.person_id AS b, c.name AS circle
		FROM memberships a JOIN memberships b ON b.circle_id = a.circle_id AND b.person_id > a.person_id
		JOIN circles c ON c.id = a.circle_id
		WHERE a.person_id IN ? AND b.person_id IN ?`, ids, ids).Scan(&rows).Error
	out := make([]form.Pair, len(rows))
	for i, r := range rows {
		out[i] = form.Pair{A: key(r.A), B: key(r.B), Circle: r.Circle}
	}
	return out, err
}

// CreateRequest is the circles a leader accepted, to create.
type CreateRequest struct {
	Cohort       string     `json:"cohort"`       // the circles carry it and are named after it
	Circles      [][]string `json:"circles"`      // each circle's members by person ID, leaders first
	Leaders      []string   `json:"leaders"`      // who of them leads (mentors and leaders)
	FirstSession string     `json:"firstSession"` // YYYY-MM-DD; "" is a week from today
}

// Create makes the accepted circles in one transaction: each named after
// the cohort and its number ("2026 spring · Circle 3"), its leaders as
// leaders, the rest as mentees, and a first session proposed.
func (p *Pairing) Create(req CreateRequest) (Published, error) {
	day, err := firstDay(req.FirstSession, p.now())
	if err != nil {
		return Published{}, err
	}
	if len(req.Circles) == 0 {
		return Published{}, apperr.New(apperr.Invalid, "circles", "Choose the circles to create.")
	}
	leads := map[string]bool{}
	for _, l := range req.Leaders {
		leads[l] = true
	}
	out := Published{Circles: []uint{}, Skipped: []string{}}
	err = p.db.Transaction(func(tx *gorm.DB) error {
		seen := map[uint]bool{}
		for i, ids := range req.Circles {
			members := map[uint]string{}
			for _, k := range ids {
				id, err := idOf(k)
				if err != nil {
					return err
				}
				if seen[id] {
					return apperr.New(apperr.Invalid, "circles", "Someone is in two of the circles.")
				}
				seen[id] = true
				members[id] = model.RoleMentee
				if leads[k] {
					members[id] = model.RoleLeader
				}
			}
			if err := known(tx, members); err != nil {
				return err
			}
			name := fmt.Sprintf("Circle %d", i+1)
			if req.Cohort != "" {
				name = req.Cohort + " · " + name
			}
			c, err := newCircle(tx, model.Circle{Name: name, Kind: model.KindGroup, Cohort: req.Cohort}, members, day)
			if err != nil {
				return err
			}
			out.Circles = append(out.Circles, c.ID)
		}
		return nil
	})
	return out, err
}

// known refuses members who are not all people of the database.
func known(tx *gorm.DB, members map[uint]string) error {
	ids := make([]uint, 0, len(members))
	for id := range members {
		ids = append(ids, id)
	}
	var n int64
	if err := tx.Model(&model.Person{}).Where("id IN ?", ids).Count(&n).Error; err != nil {
		return err
	}
	if int(n) != len(ids) || len(ids) == 0 {
		return apperr.New(apperr.Invalid, "circles", "A circle names people who are not here, or nobody.")
	}
	return nil
}
