package people

import (
	"circlebook/backend/actions"
	"circlebook/backend/attendance"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Summary is one row of the people list.
type Summary struct {
	ID          uint   `json:"id"`
	UUID        string `json:"uuid"`
	Name        string `json:"name"`
	Email       string `json:"email"`
	Pronouns    string `json:"pronouns"`
	Title       string `json:"title"`
	Team        string `json:"team"`
	Location    string `json:"location"`
	CircleCount int    `json:"circleCount"`
}

// ListResult is a page of the people list with the number of matches in all.
type ListResult struct {
	People []Summary `json:"people"`
	Total  int64     `json:"total"`
}

// ListLimit caps how many people one List returns.
const ListLimit = 500

// List returns people whose name, email, team or title contains search
// (everyone when empty), by name, at most ListLimit of them.
func (s *People) List(search string) (ListResult, error) {
	q := s.db.Table("people p")
	if search != "" {
		like := "%" + escapeLike(search) + "%"
		q = q.Where("p.name LIKE ? ESCAPE '\\' OR p.email LIKE ? ESCAPE '\\' OR p.team LIKE ? ESCAPE '\\' OR p.title LIKE ? ESCAPE '\\'", like, like, like, like)
	}
	q = q.Session(&gorm.Session{}) // reused by Count and Scan
	var r ListResult
	if err := q.Count(&r.Total).Error; err != nil {
		return r, err
	}
	err := q.Select("p.id, p.uuid, p.name, p.email, p.pronouns, p.title, p.team, p.location, " +
		"(SELECT COUNT(*) FROM memberships m WHERE m.person_id = p.id AND m.left_on = '') AS circle_count").
		Order("p.name COLLATE NOCASE").Limit(ListLimit).Scan(&r.People).Error
	return r, err
}

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
	Person     model.Person     `json:"person"`
	Circles    []PersonCircle   `json:"circles"`
	Visits     []Visit          `json:"visits"` // newest first
	Attendance attendance.Tally `json:"attendance"`
	Pins       []Pin            `json:"pins"`    // notes pinned to them, newest first
	Actions    []actions.Item   `json:"actions"` // their open action items
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
		if err := personCircles(tx, id, &p); err != nil {
			return err
		}
		err := tx.Table("attendance a").
			Select("a.session_id, s.circle_id, c.name AS circle_name, s.number, s.starts_at, a.status").
			Joins("JOIN sessions s ON s.id = a.session_id").
			Joins("JOIN circles c ON c.id = s.circle_id").
			Where("a.person_id = ?", id).Order("s.starts_at DESC").Limit(200).
			Scan(&p.Visits).Error
		if err != nil {
			return err
		}
		p.Pins = []Pin{}
		err = tx.Table("pins n").Select("n.*, COALESCE(c.name, '') AS circle_name").
			Joins("LEFT JOIN circles c ON c.id = n.circle_id").
			Where("n.person_id = ?", id).Order("n.id DESC").Scan(&p.Pins).Error
		if err != nil {
			return err
		}
		p.Actions, err = actions.Scan(actions.Query(tx).Where("a.owner_id = ? AND a.status = ?", id, model.ActionOpen))
		return err
	})
	return p, err
}

func personCircles(tx *gorm.DB, id uint, p *Page) error {
	err := tx.Table("memberships m").
		Select("m.circle_id, c.name, c.kind, c.status, c.color, m.role, m.joined_on, m.left_on").
		Joins("JOIN circles c ON c.id = m.circle_id").
		Where("m.person_id = ?", id).Order("c.name COLLATE NOCASE").
		Scan(&p.Circles).Error
	if err != nil {
		return err
	}
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

func escapeLike(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '%' || r == '_' || r == '\\' {
			out = append(out, '\\')
		}
		out = append(out, r)
	}
	return string(out)
}
