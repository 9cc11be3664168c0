package people

import (
	"circlebook/backend/actions"
	"circlebook/backend/attendance"
	"circlebook/backend/fold"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// The person page's lists are bounded: a person may have years of visits,
// pins and action items. Each list says how many there are in all.
const (
	MaxPersonCircles = 100 // their latest circles
	MaxVisits        = 200 // their latest marks
	MaxPins          = 100 // the latest notes pinned to them
	MaxPersonActions = 100 // their open action items due first
)

// PersonCircle is one of a person's circles, as their page shows it.
type PersonCircle struct {
	CircleID   uint             `json:"circleId"`
	Name       string           `json:"name"`
	Kind       string           `json:"kind"`
	Status     string           `json:"status"`
	Color      string           `json:"color"`
	Role       string           `json:"role"`
	JoinedOn   string           `json:"joinedOn"`
	LeftOn     string           `json:"leftOn"`
	Attendance attendance.Tally `gorm:"-" json:"attendance"` // filled from the tallies, not scanned
}

// Visit is one of a person's attendance marks.
type Visit struct {
	SessionID  uint   `json:"sessionId"`
	CircleID   uint   `json:"circleId"`
	CircleName string `json:"circleName"`
	Number     int    `json:"number"`
	StartsAt   string `json:"startsAt"`
	Status     string `json:"status"`
}

// Page is everything the person page shows.
type Page struct {
	Person      model.Person     `json:"person"`
	Circles     []PersonCircle   `json:"circles"` // by name; the MaxPersonCircles they joined last
	CircleCount int64            `json:"circleCount"`
	Visits      []Visit          `json:"visits"` // newest first, at most MaxVisits
	VisitCount  int64            `json:"visitCount"`
	Attendance  attendance.Tally `json:"attendance"` // every circle's, not only the circles listed
	Pins        []Pin            `json:"pins"`       // notes pinned to them, newest first, at most MaxPins
	PinCount    int64            `json:"pinCount"`
	Actions     []actions.Item   `json:"actions"` // their open action items, at most MaxPersonActions
	ActionCount int64            `json:"actionCount"`
}

// Pin is a note pinned to the person, with the circle it was taken in.
type Pin struct {
	model.Pin
	CircleName string `json:"circleName"`
}

// Get returns a person's page.
func (s *People) Get(id uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &p.Person); err != nil {
			return err
		}
		for _, step := range []func(*gorm.DB, uint, *Page) error{counts, personCircles, visits, pins, openActions} {
			if err := step(tx, id, &p); err != nil {
				return err
			}
		}
		return nil
	})
	return p, err
}

// counts reads how many circles, marks, pins and open action items the
// person has, in one statement: each statement is a round trip to a
// PostgreSQL program database.
func counts(tx *gorm.DB, id uint, p *Page) error {
	return tx.Raw(`SELECT (SELECT COUNT(*) FROM memberships WHERE person_id = ?),
		(SELECT COUNT(*) FROM attendance WHERE person_id = ?),
		(SELECT COUNT(*) FROM pins WHERE person_id = ?),
		(SELECT COUNT(*) FROM action_items WHERE owner_id = ? AND status = ?)`, id, id, id, id, model.ActionOpen).
		Row().Scan(&p.CircleCount, &p.VisitCount, &p.PinCount, &p.ActionCount)
}

func personCircles(tx *gorm.DB, id uint, p *Page) error {
	err := tx.Table("memberships m").Where("m.person_id = ?", id).Select("m.circle_id, c.name, c.kind, c.status, c.color, m.role, m.joined_on, m.left_on").
		Joins("JOIN circles c ON c.id = m.circle_id").
		Order("m.id DESC").Limit(MaxPersonCircles).Scan(&p.Circles).Error
	if err != nil {
		return err
	}
	fold.SortBy(p.Circles, func(c PersonCircle) string { return c.Name })
	tallies, err := attendance.ByCircleForPerson(tx, id)
	if err != nil {
		return err
	}
	for i, c := range p.Circles {
		if t := tallies[c.CircleID]; t != nil {
			p.Circles[i].Attendance = *t
		}
	}
	p.Attendance = attendance.Sum(tallies)
	return nil
}

func visits(tx *gorm.DB, id uint, p *Page) error {
	return tx.Table("attendance a").
		Select("a.session_id, s.circle_id, c.name AS circle_name, s.number, s.starts_at, a.status").
		Joins("JOIN sessions s ON s.id = a.session_id").
		Joins("JOIN circles c ON c.id = s.circle_id").
		Where("a.person_id = ?", id).Order("s.starts_at DESC, s.id DESC").Limit(MaxVisits).
		Scan(&p.Visits).Error
}

func pins(tx *gorm.DB, id uint, p *Page) error {
	p.Pins = []Pin{}
	return tx.Table("pins n").Select("n.*, COALESCE(c.name, '') AS circle_name").
		Joins("LEFT JOIN circles c ON c.id = n.circle_id").
		Where("n.person_id = ?", id).Order("n.id DESC").Limit(MaxPins).Scan(&p.Pins).Error
}

func openActions(tx *gorm.DB, id uint, p *Page) error {
	var err error
	p.Actions, err = actions.Scan(actions.Query(tx).Where("a.owner_id = ? AND status = ?", id, model.ActionOpen).Limit(MaxPersonActions))
	return err
}
