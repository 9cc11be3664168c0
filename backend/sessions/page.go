package sessions

import (
	"errors"

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
	FollowUp    []actions.Item     `json:"followUp"`    // the circle's open items from before it
	CarriedOver []model.AgendaItem `json:"carriedOver"` // unticked items of the last held session before it
}

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
		Where("a.circle_id = ? AND a.status = ? AND (a.session_id IS NULL OR f.starts_at < ?)", p.Session.CircleID, model.ActionOpen, p.Session.StartsAt))
	if err != nil {
		return err
	}
	p.CarriedOver = []model.AgendaItem{}
	held, err := lastHeld(tx, p.Session)
	if held == nil || err != nil {
		return err
	}
	return tx.Where("session_id = ? AND done = ?", held.ID, false).Order("position").Find(&p.CarriedOver).Error
}

// lastHeld returns the circle's latest held session dated before ses,
// skipping cancelled and never-held ones, or nil when there is none.
func lastHeld(tx *gorm.DB, ses model.Session) (*model.Session, error) {
	var held model.Session
	err := dated(tx, ses, "<").Where("status = ?", model.SessionHeld).
		Order("starts_at DESC, id DESC").Take(&held).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	return &held, err
}

// roster lists the circle's members (and anyone else marked at this session)
// with their marks.
func roster(tx *gorm.DB, ses model.Session, out *[]RosterRow) error {
	return tx.Raw(`SELECT p.id AS person_id, p.name, COALESCE(m.role, '') AS role, COALESCE(a.status, '') AS status
		FROM people p
		LEFT JOIN memberships m ON m.person_id = p.id AND m.circle_id = ?
		LEFT JOIN attendance a ON a.person_id = p.id AND a.session_id = ?
		WHERE (m.id IS NOT NULL AND (m.left_on = '' OR m.left_on >= substr(?, 1, 10))) OR a.id IS NOT NULL
		ORDER BY CASE m.role WHEN 'leader' THEN 0 WHEN 'co-leader' THEN 1 WHEN 'mentor' THEN 2 WHEN 'mentee' THEN 3 ELSE 4 END,
		p.name_key, p.name, p.id`, ses.CircleID, ses.ID, ses.StartsAt).Scan(out).Error
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
// after it (">"), in the order (starts_at, id).
func dated(tx *gorm.DB, ses model.Session, cmp string) *gorm.DB {
	return tx.Where("circle_id = ? AND (starts_at "+cmp+" ? OR (starts_at = ? AND id "+cmp+" ?))",
		ses.CircleID, ses.StartsAt, ses.StartsAt, ses.ID)
}
