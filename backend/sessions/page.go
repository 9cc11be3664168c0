package sessions

import (
	"errors"
	"strings"
	"sync"

	"circlebook/backend/actions"
	"circlebook/backend/apperr"
	"circlebook/backend/model"
	"circlebook/backend/topics"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// RosterRow is one member of the circle with their mark at this session.
type RosterRow struct {
	PersonID uint   `json:"personId"`
	Name     string `json:"name"`
	Role     string `json:"role"`
	Status   string `json:"status"` // "" when unmarked
}

// CircleBrief names the circle a session belongs to.
type CircleBrief struct {
	ID       uint   `json:"id"`
	Name     string `json:"name"`
	Color    string `json:"color"`
	TimeZone string `json:"timeZone"`
	Kind     string `json:"kind"`
}

// SessionNotes are a session's two notes; a note not yet written has id 0.
type SessionNotes struct {
	Shared  model.Note `json:"shared"`
	Private model.Note `json:"private"`
}

// Page is everything the session page and the live screen show.
type Page struct {
	Session     model.Session      `json:"session"`
	Circle      CircleBrief        `json:"circle"`
	Agenda      []model.AgendaItem `json:"agenda"`
	Roster      []RosterRow        `json:"roster"`
	Previous    *model.Session     `json:"previous"`
	Next        *model.Session     `json:"next"`
	Notes       SessionNotes       `json:"notes"`
	Topics      []topics.Topic     `json:"topics"`
	Actions     []actions.Item     `json:"actions"`     // captured in this session
	FollowUp    []actions.Item     `json:"followUp"`    // the circle's open items from before it, at most MaxFollowUp
	CarriedOver []model.AgendaItem `json:"carriedOver"` // unticked items of the last held session before it
}

// MaxFollowUp caps the earlier open action items a session's page lists.
const MaxFollowUp = 100

// Get returns a session's page.
func (s *Sessions) Get(id uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error { return page(tx, id, &p) })
	return p, err
}

// page reads a session's page: the session with its circle's brief, then
// the rest (see fill).
func page(tx *gorm.DB, id uint, p *Page) error {
	h, err := readHead(tx, id, 0)
	if err != nil {
		return err
	}
	p.Session, p.Circle, p.Notes = h.Session, h.brief(), h.notes()
	return fill(tx, p)
}

// head is a session with its circle's brief and its notes, read in one
// statement.
type head struct {
	model.Session
	BriefName, BriefColor, BriefTimeZone, BriefKind string
	People                                          int64      // how many people have the id readHead was asked about: 0 or 1
	Shared                                          model.Note `gorm:"embedded;embeddedPrefix:shared_"`
	Private                                         model.Note `gorm:"embedded;embeddedPrefix:private_"`
}

func (h head) brief() CircleBrief {
	return CircleBrief{ID: h.CircleID, Name: h.BriefName, Color: h.BriefColor, TimeZone: h.BriefTimeZone, Kind: h.BriefKind}
}

// notes returns the session's two notes; a note not yet written has id 0.
func (h head) notes() SessionNotes {
	out := SessionNotes{Shared: h.Shared, Private: h.Private}
	if out.Shared.ID == 0 {
		out.Shared = model.Note{SessionID: h.ID, Visibility: model.Shared}
	}
	if out.Private.ID == 0 {
		out.Private = model.Note{SessionID: h.ID, Visibility: model.Private}
	}
	return out
}

// noteColumns selects every column of the note aliased alias as prefix_column.
func noteColumns(alias, prefix string) string {
	note, err := schema.Parse(&model.Note{}, &sync.Map{}, schema.NamingStrategy{})
	if err != nil {
		panic(err) // a model that does not parse fails every test
	}
	cols := make([]string, len(note.DBNames))
	for i, c := range note.DBNames {
		cols[i] = alias + "." + c + " AS " + prefix + c
	}
	return strings.Join(cols, ", ")
}

// headColumns is what readHead selects: the session, its circle's brief,
// whether a person exists, and its notes.
var headColumns = `s.*, c.name AS brief_name, c.color AS brief_color, c.time_zone AS brief_time_zone, c.kind AS brief_kind,
	(SELECT COUNT(*) FROM people WHERE id = ?) AS people, ` + noteColumns("sn", "shared_") + ", " + noteColumns("pn", "private_")

// readHead reads session id with its circle's brief, whether person
// personID exists (0 when none is asked about) and its notes, in one
// statement. q may lock the session's row (its alias is s; see lockHead).
func readHead(q *gorm.DB, id, personID uint) (head, error) {
	var h head
	err := q.Table("sessions s").Select(headColumns, personID).
		Joins("JOIN circles c ON c.id = s.circle_id").
		Joins("LEFT JOIN notes sn ON sn.session_id = s.id AND sn.visibility = ?", model.Shared).
		Joins("LEFT JOIN notes pn ON pn.session_id = s.id AND pn.visibility = ?", model.Private).
		Where("s.id = ?", id).Take(&h).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return h, apperr.Missing("session", id)
	}
	return h, apperr.FromDB(err, "", "session")
}

// fill reads the rest of a session's page, its head being read (see
// readHead): in five statements, each a round trip to a PostgreSQL program
// database (see TestMarkAttendanceStatements).
func fill(tx *gorm.DB, p *Page) error {
	if err := agendaAndCarried(tx, p); err != nil {
		return err
	}
	if err := roster(tx, p.Session, &p.Roster); err != nil {
		return err
	}
	if err := neighbours(tx, p); err != nil {
		return err
	}
	return live(tx, p)
}

// live fills what the live screen adds to p.Notes (read with the session):
// topics, action items and what carries over from earlier sessions.
func live(tx *gorm.DB, p *Page) error {
	var err error
	if p.Topics, err = topics.ForSession(tx, p.Session.ID); err != nil {
		return err
	}
	return sessionActions(tx, p)
}

// agendaSQL reads a session's agenda (part 0) and the unticked items of the
// circle's latest held session dated before it (part 1: what carries over;
// none when there is no such session), each in order.
const agendaSQL = `SELECT 0 AS part, a.* FROM agenda_items a WHERE a.session_id = ?
	UNION ALL SELECT 1 AS part, a.* FROM agenda_items a WHERE a.session_id = (SELECT s.id FROM sessions s
		WHERE s.circle_id = ? AND (s.starts_at, s.id) < (?, ?) AND s.status = ? ORDER BY s.starts_at DESC, s.id DESC LIMIT 1)
		AND a.done = ?
	ORDER BY part, position, id`

// agendaAndCarried reads the session's agenda and what carries over to it.
func agendaAndCarried(tx *gorm.DB, p *Page) error {
	var rows []agendaRow
	ses := p.Session
	if err := tx.Raw(agendaSQL, ses.ID, ses.CircleID, ses.StartsAt, ses.ID, model.SessionHeld, false).Scan(&rows).Error; err != nil {
		return err
	}
	p.Agenda, p.CarriedOver = byPart(rows, agendaRow.split)
	return nil
}

// agendaRow is a row of agendaSQL: an item and which list it is in.
type agendaRow struct {
	Part int
	model.AgendaItem
}

func (r agendaRow) split() (int, model.AgendaItem) { return r.Part, r.AgendaItem }

// byPart splits rows read with a part column (0 or 1, as a UNION ALL of two
// reads gives them) into the two lists, each in order and never nil.
func byPart[R, T any](rows []R, split func(R) (int, T)) (zero, one []T) {
	zero, one = []T{}, []T{}
	for _, r := range rows {
		if part, item := split(r); part == 0 {
			zero = append(zero, item)
		} else {
			one = append(one, item)
		}
	}
	return zero, one
}

// neighboursSQL reads the circle's sessions just before and just after a
// session in the order (starts_at, id): each a range of the index on
// (circle_id, starts_at), whose entries end with the id.
const neighboursSQL = `SELECT * FROM (SELECT '<' AS side, s.* FROM sessions s
		WHERE s.circle_id = ? AND (s.starts_at, s.id) < (?, ?) ORDER BY s.starts_at DESC, s.id DESC LIMIT 1) prev_s
	UNION ALL SELECT * FROM (SELECT '>' AS side, s.* FROM sessions s
		WHERE s.circle_id = ? AND (s.starts_at, s.id) > (?, ?) ORDER BY s.starts_at, s.id LIMIT 1) next_s`

// neighbours reads the sessions before and after the page's (nil: none).
func neighbours(tx *gorm.DB, p *Page) error {
	var rows []struct {
		Side string
		model.Session
	}
	ses := p.Session
	if err := tx.Raw(neighboursSQL, ses.CircleID, ses.StartsAt, ses.ID, ses.CircleID, ses.StartsAt, ses.ID).Scan(&rows).Error; err != nil {
		return err
	}
	p.Previous, p.Next = nil, nil
	for _, r := range rows {
		if r.Side == "<" {
			p.Previous = &r.Session
		} else {
			p.Next = &r.Session
		}
	}
	return nil
}

// actionsSQL reads the action items captured in a session (part 0) and the
// circle's first MaxFollowUp open ones from before it (part 1: from an
// earlier session, or from none), each as actions.Query selects and orders
// them: open first, then by due date (undated last), then id.
const actionsSQL = `SELECT 0 AS part, a.*, COALESCE(p.name, '') AS owner_name,
		CASE WHEN a.status = 'open' THEN 0 ELSE 1 END AS closed, CASE WHEN a.due_on = '' THEN 1 ELSE 0 END AS undated
		FROM action_items a LEFT JOIN people p ON p.id = a.owner_id WHERE a.session_id = ?
	UNION ALL SELECT * FROM (SELECT 1 AS part, a.*, COALESCE(p.name, '') AS owner_name, 0 AS closed,
		CASE WHEN a.due_on = '' THEN 1 ELSE 0 END AS undated
		FROM action_items a LEFT JOIN people p ON p.id = a.owner_id LEFT JOIN sessions f ON f.id = a.session_id
		WHERE a.circle_id = ? AND a.status = ? AND (a.session_id IS NULL OR f.starts_at < ?)
		ORDER BY a.due_on = '', a.due_on, a.id LIMIT ?) follow_up
	ORDER BY part, closed, undated, due_on, id`

// sessionActions reads the action items captured in the session and those
// to follow up from before it.
func sessionActions(tx *gorm.DB, p *Page) error {
	var rows []actionRow
	ses := p.Session
	if err := tx.Raw(actionsSQL, ses.ID, ses.CircleID, model.ActionOpen, ses.StartsAt, MaxFollowUp).Scan(&rows).Error; err != nil {
		return err
	}
	p.Actions, p.FollowUp = byPart(rows, actionRow.split)
	return nil
}

// actionRow is a row of actionsSQL: an item and which list it is in.
type actionRow struct {
	Part int
	actions.Item
}

func (r actionRow) split() (int, actions.Item) { return r.Part, r.Item }

// roster lists the circle's members (and anyone else marked at this session)
// with their marks. It starts from the circle's memberships and the
// session's marks, each found by its index, so it reads the rows of one
// circle and one session whatever the size of the program.
func roster(tx *gorm.DB, ses model.Session, out *[]RosterRow) error {
	return tx.Raw(`SELECT p.id AS person_id, p.name, COALESCE(m.role, '') AS role, COALESCE(a.status, '') AS status
		FROM (SELECT person_id FROM memberships WHERE circle_id = ? AND (left_on = '' OR left_on >= substr(?, 1, 10))
			UNION SELECT person_id FROM attendance WHERE session_id = ?) r
		JOIN people p ON p.id = r.person_id
		LEFT JOIN memberships m ON m.circle_id = ? AND m.person_id = r.person_id
		LEFT JOIN attendance a ON a.session_id = ? AND a.person_id = r.person_id
		ORDER BY CASE m.role WHEN 'leader' THEN 0 WHEN 'co-leader' THEN 1 WHEN 'mentor' THEN 2 WHEN 'mentee' THEN 3 ELSE 4 END,
		p.name_key, p.name, p.id`, ses.CircleID, ses.StartsAt, ses.ID, ses.CircleID, ses.ID).Scan(out).Error
}
