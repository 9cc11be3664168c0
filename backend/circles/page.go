package circles

import (
	"circlebook/backend/actions"
	"circlebook/backend/attendance"
	"circlebook/backend/check"
	"circlebook/backend/model"
	"circlebook/backend/topics"

	"gorm.io/gorm"
)

// Member is one person in a circle, as the circle page shows them.
type Member struct {
	MembershipID uint             `json:"membershipId"`
	PersonID     uint             `json:"personId"`
	Name         string           `json:"name"`
	Email        string           `json:"email"`
	Pronouns     string           `json:"pronouns"`
	Role         string           `json:"role"`
	JoinedOn     string           `json:"joinedOn"`
	LeftOn       string           `json:"leftOn"`
	Attendance   attendance.Tally `gorm:"-" json:"attendance"` // their marks at all the circle's held sessions
}

// GridRow is one member's marks, one cell a session ("" where unmarked).
type GridRow struct {
	PersonID uint     `json:"personId"`
	Name     string   `json:"name"`
	Cells    []string `json:"cells"`
}

// Page is what the circle page shows: the circle, its members, a window of
// its sessions (the next few and the latest others) with their attendance,
// and figures counted over all its sessions, shown or not.
type Page struct {
	Circle      model.Circle `json:"circle"`
	Members     []Member     `json:"members"`     // by role, then name; at most MaxMembers
	MemberCount int64        `json:"memberCount"` // all its members, current and former
	Window
	Last           *model.Session   `json:"last"`           // its latest session not cancelled, shown or not: the next is proposed after it
	Grid           []GridRow        `json:"grid"`           // Members x Sessions
	Attendance     attendance.Tally `json:"attendance"`     // the marks at all its held sessions
	Actions        []actions.Item   `json:"actions"`        // open action items, due first, at most MaxOpenActions
	OpenCount      int64            `json:"openCount"`      // all the open action items
	SessionNumbers map[uint]int     `json:"sessionNumbers"` // the number of each session an open action item came from
	Topics         []topics.Topic   `json:"topics"`         // topics covered, most first
}

// MaxMembers caps the members the circle page lists (a circle has 3 to 20).
const MaxMembers = 100

// Get returns a circle's page.
func (s *Circles) Get(id uint) (Page, error) {
	p := Page{Members: []Member{}, Grid: []GridRow{}}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &p.Circle); err != nil {
			return err
		}
		if err := figures(tx, id, &p); err != nil {
			return err
		}
		var err error
		if p.Members, err = members(tx, id); err != nil {
			return err
		}
		if p.Window, err = window(tx, id, s.now().Format(check.DateLayout)); err != nil {
			return err
		}
		if p.Last, err = lastSession(tx, id); err != nil {
			return err
		}
		if p.Grid, err = grid(tx, p.Members, p.Sessions); err != nil {
			return err
		}
		if err := memberTallies(tx, id, &p); err != nil {
			return err
		}
		if err := openActions(tx, id, &p); err != nil {
			return err
		}
		p.Topics, err = topics.ForCircle(tx, id)
		return err
	})
	return p, err
}

// figures reads how many members and open action items the circle has
// and its tally (kept in circle_tallies), in one statement: each statement
// is a round trip to a PostgreSQL program database.
func figures(tx *gorm.DB, id uint, p *Page) error {
	var present, late, excused, absent int
	err := tx.Raw(`SELECT (SELECT COUNT(*) FROM memberships m WHERE m.circle_id = c.id),
		(SELECT COUNT(*) FROM action_items a WHERE a.circle_id = c.id AND a.status = ?),
		COALESCE(t.present, 0), COALESCE(t.late, 0), COALESCE(t.excused, 0), COALESCE(t.absent, 0)
		FROM circles c LEFT JOIN circle_tallies t ON t.circle_id = c.id WHERE c.id = ?`, model.ActionOpen, id).
		Row().Scan(&p.MemberCount, &p.OpenCount, &present, &late, &excused, &absent)
	p.Attendance = attendance.Counts(present, late, excused, absent)
	return err
}

// memberTallies reads each listed member's tally, counted over the
// circle's held sessions.
func memberTallies(tx *gorm.DB, id uint, p *Page) error {
	byPerson, err := attendance.ByPersonInCircle(tx, id)
	if err != nil {
		return err
	}
	for i := range p.Members {
		if t := byPerson[p.Members[i].PersonID]; t != nil {
			p.Members[i].Attendance = *t
		}
	}
	return nil
}

// MaxOpenActions caps the open action items the circle page lists.
const MaxOpenActions = 100

func openActions(tx *gorm.DB, id uint, p *Page) error {
	var err error
	p.Actions, err = actions.Scan(actions.Query(tx).Where("a.circle_id = ? AND status = ?", id, model.ActionOpen).Limit(MaxOpenActions))
	if err != nil {
		return err
	}
	return sessionNumbers(tx, p)
}

// sessionNumbers reads the number of each session the listed actions came from.
func sessionNumbers(tx *gorm.DB, p *Page) error {
	p.SessionNumbers = map[uint]int{}
	var ids []uint
	for _, a := range p.Actions {
		if a.SessionID != nil {
			ids = append(ids, *a.SessionID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var rows []struct {
		ID     uint
		Number int
	}
	if err := tx.Table("sessions").Select("id, number").Where("id IN ?", ids).Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		p.SessionNumbers[r.ID] = r.Number
	}
	return nil
}

// members reads the circle's first MaxMembers members, by role then name.
func members(tx *gorm.DB, circleID uint) ([]Member, error) {
	ms := []Member{}
	err := tx.Table("memberships m").
		Select("m.id AS membership_id, m.person_id, p.name, p.email, p.pronouns, m.role, m.joined_on, m.left_on").
		Joins("JOIN people p ON p.id = m.person_id").
		Where("m.circle_id = ?", circleID).
		Order("CASE m.role WHEN 'leader' THEN 0 WHEN 'co-leader' THEN 1 WHEN 'mentor' THEN 2 WHEN 'mentee' THEN 3 ELSE 4 END, p.name_key, p.name, p.id").
		Limit(MaxMembers).
		Scan(&ms).Error
	return ms, err
}
