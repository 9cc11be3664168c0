package circles

import (
	"circlebook/backend/actions"
	"circlebook/backend/attendance"
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
	Attendance   attendance.Tally `gorm:"-" json:"attendance"` // filled from the grid, not scanned
}

// GridRow is one member's marks, one cell a session ("" where unmarked).
type GridRow struct {
	PersonID uint     `json:"personId"`
	Name     string   `json:"name"`
	Cells    []string `json:"cells"`
}

// Page is everything the circle page shows.
type Page struct {
	Circle     model.Circle     `json:"circle"`
	Members    []Member         `json:"members"`
	Sessions   []model.Session  `json:"sessions"` // in date order
	Grid       []GridRow        `json:"grid"`     // members x Sessions
	Attendance attendance.Tally `json:"attendance"`
	Actions    []actions.Item   `json:"actions"`   // open action items, due first, at most MaxOpenActions
	OpenCount  int64            `json:"openCount"` // all the open action items
	Topics     []topics.Topic   `json:"topics"`    // topics covered, most first
}

// Get returns a circle's page.
func (s *Circles) Get(id uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &p.Circle); err != nil {
			return err
		}
		if err := tx.Where("circle_id = ?", id).Order("starts_at, id").Find(&p.Sessions).Error; err != nil {
			return err
		}
		members, err := members(tx, id)
		if err != nil {
			return err
		}
		p.Members = members
		marks, err := attendance.InCircle(tx, id)
		if err != nil {
			return err
		}
		p.Grid, p.Attendance = grid(p.Members, p.Sessions, marks)
		for i := range p.Members {
			p.Members[i].Attendance = tallyFor(p.Grid[i], p.Sessions)
		}
		if err := openActions(tx, id, &p); err != nil {
			return err
		}
		p.Topics, err = topics.ForCircle(tx, id)
		return err
	})
	return p, err
}

// MaxOpenActions caps the open action items the circle page lists.
const MaxOpenActions = 100

func openActions(tx *gorm.DB, id uint, p *Page) error {
	open := "circle_id = ? AND status = ?"
	if err := tx.Table("action_items").Where(open, id, model.ActionOpen).Count(&p.OpenCount).Error; err != nil {
		return err
	}
	var err error
	p.Actions, err = actions.Scan(actions.Query(tx).Where("a."+open, id, model.ActionOpen).Limit(MaxOpenActions))
	return err
}

func members(tx *gorm.DB, circleID uint) ([]Member, error) {
	var ms []Member
	err := tx.Table("memberships m").
		Select("m.id AS membership_id, m.person_id, p.name, p.email, p.pronouns, m.role, m.joined_on, m.left_on").
		Joins("JOIN people p ON p.id = m.person_id").
		Where("m.circle_id = ?", circleID).
		Order("CASE m.role WHEN 'leader' THEN 0 WHEN 'co-leader' THEN 1 WHEN 'mentor' THEN 2 WHEN 'mentee' THEN 3 ELSE 4 END, p.name_key, p.name, p.id").
		Scan(&ms).Error
	return ms, err
}

// grid lays marks out as members x sessions and tallies the circle's held sessions.
func grid(ms []Member, sessions []model.Session, marks []attendance.Mark) ([]GridRow, attendance.Tally) {
	col := make(map[uint]int, len(sessions))
	for i, s := range sessions {
		col[s.ID] = i
	}
	row := make(map[uint]int, len(ms))
	rows := make([]GridRow, len(ms))
	for i, m := range ms {
		row[m.PersonID] = i
		rows[i] = GridRow{PersonID: m.PersonID, Name: m.Name, Cells: make([]string, len(sessions))}
	}
	var total attendance.Tally
	for _, mk := range marks {
		c, okC := col[mk.SessionID]
		r, okR := row[mk.PersonID]
		if okC && okR {
			rows[r].Cells[c] = mk.Status
		}
		if okC && sessions[c].Status == model.SessionHeld {
			total.Add(mk.Status, 1)
		}
	}
	return rows, total
}

// tallyFor counts one grid row's marks at held sessions.
func tallyFor(r GridRow, sessions []model.Session) attendance.Tally {
	var t attendance.Tally
	for i, status := range r.Cells {
		if status != "" && sessions[i].Status == model.SessionHeld {
			t.Add(status, 1)
		}
	}
	return t
}
