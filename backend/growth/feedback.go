package growth

import (
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// MaxFeedback caps the feedback a session lists: one per attendee and the group's.
const MaxFeedback = 200

// TrendSessions is how many of a circle's latest held sessions its
// feedback trend covers.
const TrendSessions = 12

// Feedback records how useful sessions were, after End session.
type Feedback struct {
	db  *gorm.DB
	now func() time.Time
}

// NewFeedback returns the session feedback service over db.
func NewFeedback(db *gorm.DB, now func() time.Time) *Feedback {
	return &Feedback{db: db, now: now}
}

// FeedbackInput is the quick form after a session: one attendee's, or the
// group's (PersonID nil).
type FeedbackInput struct {
	SessionID  uint   `json:"sessionId"`
	PersonID   *uint  `json:"personId"`
	Usefulness int    `json:"usefulness"` // 1-5
	Worked     string `json:"worked"`
	Change     string `json:"change"`
}

// Give records feedback on a held session, replacing the same person's (or
// the group's) earlier feedback on it, and returns the session's feedback.
// It refuses a session not yet held, and a person not marked present or late.
func (s *Feedback) Give(in FeedbackInput) ([]model.SessionFeedback, error) {
	in.Worked, in.Change = strings.TrimSpace(in.Worked), strings.TrimSpace(in.Change)
	var out []model.SessionFeedback
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var ses model.Session // locked until the end (PostgreSQL): two forms for one session take turns
		if err := tx.Clauses(clause.Locking{Strength: "NO KEY UPDATE"}).Take(&ses, in.SessionID).Error; err != nil {
			return apperr.Missing("session", in.SessionID)
		}
		err := check.All(held(ses), attended(tx, ses.ID, in.PersonID), check.Range("usefulness", "Usefulness", in.Usefulness, 1, 5),
			check.UpTo("worked", in.Worked, check.MaxProse), check.UpTo("change", in.Change, check.MaxProse))
		if err != nil {
			return err
		}
		f := model.SessionFeedback{SessionID: ses.ID, PersonID: in.PersonID}
		q := tx.Where("session_id = ? AND person_id IS NULL", ses.ID)
		if in.PersonID != nil {
			q = tx.Where("session_id = ? AND person_id = ?", ses.ID, *in.PersonID)
		}
		if err := q.Limit(1).Find(&f).Error; err != nil {
			return err
		}
		f.Usefulness, f.Worked, f.Change = in.Usefulness, in.Worked, in.Change
		if err := tx.Save(&f).Error; err != nil {
			return apperr.FromDB(err, "", "feedback")
		}
		out, err = forSession(tx, ses.ID)
		return err
	})
	return out, err
}

// held rejects feedback on a session that has not been held.
func held(ses model.Session) error {
	if ses.Status != model.SessionHeld {
		return apperr.New(apperr.Invalid, "sessionId", "Feedback comes after the session is held: end it first.")
	}
	return nil
}

// attended rejects feedback from a person not marked present or late; nil (the group's) passes.
func attended(tx *gorm.DB, sessionID uint, personID *uint) error {
	if personID == nil {
		return nil
	}
	var n int64
	err := tx.Model(&model.Attendance{}).Where("session_id = ? AND person_id = ? AND status IN ?",
		sessionID, *personID, []string{model.Present, model.Late}).Count(&n).Error
	if err != nil || n > 0 {
		return err
	}
	return apperr.New(apperr.Invalid, "personId", "This person is not marked present or late in this session.")
}

// ForSession lists a session's feedback, the group's first.
func (s *Feedback) ForSession(sessionID uint) ([]model.SessionFeedback, error) {
	return readFor(s.db, "sessions", "session", sessionID, forSession)
}

func forSession(tx *gorm.DB, sessionID uint) ([]model.SessionFeedback, error) {
	out := []model.SessionFeedback{}
	err := tx.Where("session_id = ?", sessionID).Order("person_id IS NOT NULL, id").Limit(MaxFeedback).Find(&out).Error
	return out, err
}

// TrendPoint is one held session's feedback: its mean usefulness (0 when
// none was given) and how many gave it.
type TrendPoint struct {
	SessionID uint    `json:"sessionId"`
	Number    int     `json:"number"`
	StartsAt  string  `json:"startsAt"`
	Mean      float64 `json:"mean"`
	Count     int     `json:"count"`
}

// Trend returns the feedback on a circle's last TrendSessions held
// sessions, oldest first.
func (s *Feedback) Trend(circleID uint) ([]TrendPoint, error) {
	return readFor(s.db, "circles", "circle", circleID, trend)
}

// trend reads the last held sessions (an index range) and their feedback.
func trend(tx *gorm.DB, circleID uint) ([]TrendPoint, error) {
	out := []TrendPoint{}
	last := tx.Model(&model.Session{}).Select("id, number, starts_at").
		Where("circle_id = ? AND status = ?", circleID, model.SessionHeld).Order("starts_at DESC").Limit(TrendSessions)
	err := tx.Table("(?) AS s", last).
		Select("s.id AS session_id, s.number, s.starts_at, COALESCE(CAST(AVG(f.usefulness) AS DOUBLE PRECISION), 0) AS mean, COUNT(f.id) AS count").
		Joins("LEFT JOIN session_feedback f ON f.session_id = s.id").
		Group("s.id, s.number, s.starts_at").Order("s.starts_at, s.id").Scan(&out).Error
	return out, err
}
