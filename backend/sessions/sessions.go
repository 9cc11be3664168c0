// Package sessions is the service behind the session page: scheduling single
// sessions and series, the agenda, and attendance marks.
package sessions

import (
	"cmp"
	"errors"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Sessions manages a circle's sessions.
type Sessions struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the sessions service over db.
func New(db *gorm.DB, now func() time.Time) *Sessions {
	return &Sessions{db: db, now: now}
}

// SessionInput is what the session form sends.
type SessionInput struct {
	StartsAt        string   `json:"startsAt"` // YYYY-MM-DDTHH:MM, local to the circle
	DurationMinutes int      `json:"durationMinutes"`
	Topic           string   `json:"topic"`
	Place           string   `json:"place"`
	Status          string   `json:"status"`
	Agenda          []string `json:"agenda"` // titles, on create only
}

func (in SessionInput) normalize() SessionInput {
	in.StartsAt, in.Topic, in.Place, in.Status = strings.TrimSpace(in.StartsAt), strings.TrimSpace(in.Topic), strings.TrimSpace(in.Place), strings.TrimSpace(in.Status)
	if in.Status == "" {
		in.Status = model.SessionPlanned
	}
	return in
}

func (in SessionInput) validate() error {
	return check.All(
		check.DateTime("startsAt", in.StartsAt),
		check.Range("durationMinutes", "Duration", in.DurationMinutes, 5, 24*60),
		check.UpTo("topic", in.Topic, check.MaxTitle),
		check.UpTo("place", in.Place, check.MaxTitle),
		check.OneOf("status", "Status", in.Status, model.SessionPlanned, model.SessionHeld, model.SessionCancelled),
		check.First(check.UpTo("agenda", strings.Join(in.Agenda, "\n"), check.MaxProse), check.Lines("agenda", in.Agenda, check.MaxTitle)),
	)
}

// Schedule adds one session to a circle. A zero duration takes the circle's usual one.
func (s *Sessions) Schedule(circleID uint, in SessionInput) (model.Session, error) {
	var out model.Session
	err := s.db.Transaction(func(tx *gorm.DB) error {
		c, err := circle(tx, circleID)
		if err != nil {
			return err
		}
		in = in.normalize()
		if in.DurationMinutes == 0 {
			in.DurationMinutes = c.DurationMinutes
		}
		if err := in.validate(); err != nil {
			return err
		}
		out, err = create(tx, c, in)
		return err
	})
	return out, err
}

// Update changes a session's time, duration, topic, place and status; its
// number stays.
func (s *Sessions) Update(id uint, in SessionInput) (model.Session, error) {
	in = in.normalize()
	if err := in.validate(); err != nil {
		return model.Session{}, err
	}
	var ses model.Session
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := lockSession(tx, id, &ses); err != nil {
			return err
		}
		ses.StartsAt, ses.DurationMinutes, ses.Topic, ses.Place, ses.Status = in.StartsAt, in.DurationMinutes, in.Topic, in.Place, in.Status
		if err := tx.Save(&ses).Error; err != nil {
			return apperr.FromDB(err, "", "session")
		}
		return tx.Take(&ses, id).Error
	})
	return ses, err
}

// Delete removes a session with its agenda and attendance. The other
// sessions keep their numbers: deleting leaves a gap.
func (s *Sessions) Delete(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var ses model.Session
		if err := lockSession(tx, id, &ses); err != nil {
			return err
		}
		if err := tx.Delete(&ses).Error; err != nil {
			return apperr.FromDB(err, "", "session")
		}
		return nil
	})
}

func create(tx *gorm.DB, c model.Circle, in SessionInput) (model.Session, error) {
	number, err := NextNumber(tx, c.ID)
	if err != nil {
		return model.Session{}, err
	}
	ses := model.Session{CircleID: c.ID, Number: number, StartsAt: in.StartsAt, DurationMinutes: in.DurationMinutes,
		Topic: in.Topic, Place: in.Place, Status: in.Status}
	if ses.Place == "" {
		ses.Place = cmp.Or(c.Place, c.VideoLink)
	}
	for _, title := range in.Agenda {
		if t := strings.TrimSpace(title); t != "" {
			ses.Agenda = append(ses.Agenda, model.AgendaItem{Position: len(ses.Agenda), Title: t})
		}
	}
	if err := tx.Create(&ses).Error; err != nil {
		return ses, apperr.FromDB(err, "", "session")
	}
	return ses, tx.Take(&ses, ses.ID).Error
}

// NextNumber is the number a new session of the circle takes, inside the
// caller's transaction: one more than the highest it has. A number, once
// given, never changes, since summaries and exports quote it; "earlier" and
// "later" are the sessions' dates, never their numbers. It takes the
// circle's numbers first (LockNumbers), so that programs adding sessions to
// one circle at once number them in turn, each after the other's highest.
func NextNumber(tx *gorm.DB, circleID uint) (int, error) {
	if err := LockNumbers(tx, circleID); err != nil {
		return 0, err
	}
	var highest int
	err := tx.Model(&model.Session{}).Where("circle_id = ?", circleID).Select("COALESCE(MAX(number), 0)").Scan(&highest).Error
	return highest + 1, err
}

// LockNumbers locks the circle's row until the caller's transaction ends
// (see forWriting): what every writer that gives the circle's sessions
// numbers takes before reading the highest, NextNumber and an import alike.
func LockNumbers(tx *gorm.DB, circleID uint) error {
	var ids []uint
	return forWriting(tx).Model(&model.Circle{}).Where("id = ?", circleID).Pluck("id", &ids).Error
}

func circle(tx *gorm.DB, id uint) (model.Circle, error) {
	var c model.Circle
	if err := tx.Take(&c, id).Error; err != nil {
		return c, apperr.Missing("circle", id)
	}
	return c, nil
}

func find(tx *gorm.DB, id uint, ses *model.Session) error {
	err := tx.Take(ses, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Missing("session", id)
	}
	return apperr.FromDB(err, "", "session")
}
