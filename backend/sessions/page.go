package sessions

import (
	"circlebook/backend/actions"
	"circlebook/backend/model"
	"circlebook/backend/topics"

	"gorm.io/gorm"
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

func page(tx *gorm.DB, id uint, p *Page) error {
	if err := find(tx, id, &p.Session); err != nil {
		return err
	}
	if err := tx.Model(&model.Circle{}).Where("id = ?", p.Session.CircleID).Take(&p.Circle).Error; err != nil {
		return err
	}
	if err := tx.Where("session_id = ?", id).Order("position, id").Find(&p.Agenda).Error; err != nil {
		return err
	}
	if err := roster(tx, p.Session, &p.Roster); err != nil {
		return err
	}
	p.Previous = neighbour(tx, p.Session, "<", "DESC")
	p.Next = neighbour(tx, p.Session, ">", "ASC")
	return live(tx, p)
}

// live fills what the live screen adds: notes, topics, action items and
// what carries over from earlier sessions.
func live(tx *gorm.DB, p *Page) error {
	id := p.Session.ID
	p.Notes = SessionNotes{Shared: model.Note{SessionID: id, Visibility: model.Shared}, Private: model.Note{SessionID: id, Visibility: model.Private}}
	var ns []model.Note
	if err := tx.Where("session_id = ?", id).Find(&ns).Error; err != nil {
		return err
	}
	for _, n := range ns {
		if n.Visibility == model.Private {
			p.Notes.Private = n
		} else {
			p.Notes.Shared = n
		}
	}
	var err error
	if p.Topics, err = topics.ForSession(tx, id); err != nil {
		return err
	}
	if p.Actions, err = actions.Scan(actions.Query(tx).Where("a.session_id = ?", id)); err != nil {
		return err
	}
	p.FollowUp, err = actions.Scan(actions.Query(tx).
		Joins("LEFT JOIN sessions f ON f.id = a.session_id").
		Where("a.circle_id = ? AND a.status = ? AND (a.session_id IS NULL OR f.starts_at < ?)", p.Session.CircleID, model.ActionOpen, p.Session.StartsAt).
		Limit(MaxFollowUp))
	if err != nil {
		return err
	}
	p.CarriedOver = []model.AgendaItem{}
	return tx.Where("session_id = (?) AND done = ?", lastHeld(tx, p.Session), false).Order("position, id").Find(&p.CarriedOver).Error
}

// lastHeld selects the id of the circle's latest held session dated before
// ses, skipping cancelled and never-held ones (none: NULL, so no items).
func lastHeld(tx *gorm.DB, ses model.Session) *gorm.DB {
	return dated(tx.Session(&gorm.Session{NewDB: true}).Model(&model.Session{}), ses, "<").Select("id").
		Where("status = ?", model.SessionHeld).Order("starts_at DESC, id DESC").Limit(1)
}

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

// neighbour is the circle's session just before ses in date order (cmp "<",
// dir "DESC") or just after it (">", "ASC"); ties on the time go by id.
func neighbour(tx *gorm.DB, ses model.Session, cmp, dir string) *model.Session {
	var n model.Session
	if err := dated(tx, ses, cmp).Order("starts_at " + dir + ", id " + dir).Take(&n).Error; err != nil {
		return nil
	}
	return &n
}

// dated selects the circle's other sessions dated before ses (cmp "<") or
// after it (">"), in the order (starts_at, id): a range of the index on
// (circle_id, starts_at), whose entries end with the id.
func dated(tx *gorm.DB, ses model.Session, cmp string) *gorm.DB {
	return tx.Where("circle_id = ? AND (starts_at, id) "+cmp+" (?, ?)", ses.CircleID, ses.StartsAt, ses.ID)
}
