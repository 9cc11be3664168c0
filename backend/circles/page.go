package circles

import (
	"errors"

	"circlebook/backend/actions"
	"circlebook/backend/apperr"
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

// Get returns a circle's page, in six statements whatever the circle's
// size: each statement is a round trip to a PostgreSQL program database
// (see TestGetStatements).
func (s *Circles) Get(id uint) (Page, error) {
	p := Page{Members: []Member{}, Grid: []GridRow{}}
	today := s.now().Format(check.DateLayout)
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := head(tx, id, today, &p); err != nil {
			return err
		}
		var err error
		if p.Members, err = membersWithTallies(tx, id); err != nil {
			return err
		}
		if p.Sessions, p.Last, p.Earlier, err = sessionWindow(tx, id, today); err != nil {
			return err
		}
		if p.Grid, err = grid(tx, p.Members, p.Sessions); err != nil {
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

// head reads the circle with its figures in one statement: how many
// members, open action items and upcoming, past and held sessions it has,
// and its tally (kept in circle_tallies). today is YYYY-MM-DD.
func head(tx *gorm.DB, id uint, today string, p *Page) error {
	var row struct {
		model.Circle
		FigMembers, FigOpen, FigSessions, FigUpcoming, FigHeld int64
		FigPresent, FigLate, FigExcused, FigAbsent             int
	}
	err := tx.Table("circles c").Select(`c.*,
		(SELECT COUNT(*) FROM memberships m WHERE m.circle_id = c.id) AS fig_members,
		(SELECT COUNT(*) FROM action_items a WHERE a.circle_id = c.id AND a.status = ?) AS fig_open,
		n.total AS fig_sessions, COALESCE(n.upcoming, 0) AS fig_upcoming, COALESCE(n.held, 0) AS fig_held,
		COALESCE(t.present, 0) AS fig_present, COALESCE(t.late, 0) AS fig_late,
		COALESCE(t.excused, 0) AS fig_excused, COALESCE(t.absent, 0) AS fig_absent`, model.ActionOpen).
		Joins(`CROSS JOIN (SELECT COUNT(*) AS total,
			SUM(CASE WHEN status = ? AND starts_at >= ? THEN 1 ELSE 0 END) AS upcoming,
			SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) AS held
			FROM sessions WHERE circle_id = ?) n`, model.SessionPlanned, today, model.SessionHeld, id).
		Joins("LEFT JOIN circle_tallies t ON t.circle_id = c.id").
		Where("c.id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Missing("circle", id)
	}
	if err != nil {
		return apperr.FromDB(err, "", "circle")
	}
	p.Circle, p.MemberCount, p.OpenCount = row.Circle, row.FigMembers, row.FigOpen
	p.Window = Window{Today: today, UpcomingCount: row.FigUpcoming, PastCount: row.FigSessions - row.FigUpcoming, HeldCount: row.FigHeld}
	p.Attendance = attendance.Counts(row.FigPresent, row.FigLate, row.FigExcused, row.FigAbsent)
	return nil
}

// MaxOpenActions caps the open action items the circle page lists.
const MaxOpenActions = 100

// openActions reads the circle's first MaxOpenActions open action items,
// each with the number of the session it came from.
func openActions(tx *gorm.DB, id uint, p *Page) error {
	var rows []struct {
		actions.Item
		FromNumber *int
	}
	// actions.Query's columns, and the number of the item's session.
	err := actions.Query(tx).Select("a.*, COALESCE(p.name, '') AS owner_name, f.number AS from_number").
		Joins("LEFT JOIN sessions f ON f.id = a.session_id").
		Where("a.circle_id = ? AND a.status = ?", id, model.ActionOpen).Limit(MaxOpenActions).Scan(&rows).Error
	p.Actions, p.SessionNumbers = make([]actions.Item, len(rows)), map[uint]int{}
	for i, r := range rows {
		p.Actions[i] = r.Item
		if r.SessionID != nil && r.FromNumber != nil {
			p.SessionNumbers[*r.SessionID] = *r.FromNumber
		}
	}
	return err
}

// memberColumns and memberOrder are what members selects and sorts by.
const (
	memberColumns = "m.id AS membership_id, m.person_id, p.name, p.email, p.pronouns, m.role, m.joined_on, m.left_on"
	memberOrder   = "CASE m.role WHEN 'leader' THEN 0 WHEN 'co-leader' THEN 1 WHEN 'mentor' THEN 2 WHEN 'mentee' THEN 3 ELSE 4 END, p.name_key, p.name, p.id"
)

// memberQuery selects the circle's first MaxMembers members, by role then name.
func memberQuery(tx *gorm.DB, circleID uint) *gorm.DB {
	return tx.Table("memberships m").Select(memberColumns).
		Joins("JOIN people p ON p.id = m.person_id").
		Where("m.circle_id = ?", circleID).Order(memberOrder).Limit(MaxMembers)
}

// members reads the circle's first MaxMembers members, by role then name.
func members(tx *gorm.DB, circleID uint) ([]Member, error) {
	ms := []Member{}
	err := memberQuery(tx, circleID).Scan(&ms).Error
	return ms, err
}

// membersWithTallies reads the members as members does, each with their
// tally: their marks at the circle's held sessions.
func membersWithTallies(tx *gorm.DB, circleID uint) ([]Member, error) {
	var rows []struct {
		Member
		TPresent, TLate, TExcused, TAbsent int
	}
	err := memberQuery(tx, circleID).
		Select(memberColumns+`, COALESCE(t.present, 0) AS t_present, COALESCE(t.late, 0) AS t_late,
			COALESCE(t.excused, 0) AS t_excused, COALESCE(t.absent, 0) AS t_absent`).
		Joins(`LEFT JOIN (SELECT a.person_id,
			SUM(CASE WHEN a.status = ? THEN 1 ELSE 0 END) AS present, SUM(CASE WHEN a.status = ? THEN 1 ELSE 0 END) AS late,
			SUM(CASE WHEN a.status = ? THEN 1 ELSE 0 END) AS excused, SUM(CASE WHEN a.status = ? THEN 1 ELSE 0 END) AS absent
			FROM attendance a JOIN sessions s ON s.id = a.session_id
			WHERE s.circle_id = ? AND s.status = ? GROUP BY a.person_id) t ON t.person_id = m.person_id`,
			model.Present, model.Late, model.Excused, model.Absent, circleID, model.SessionHeld).
		Scan(&rows).Error
	ms := make([]Member, len(rows))
	for i, r := range rows {
		ms[i] = r.Member
		ms[i].Attendance = attendance.Counts(r.TPresent, r.TLate, r.TExcused, r.TAbsent)
	}
	return ms, err
}
