package sessions

import (
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"
	"circlebook/backend/notes"

	"gorm.io/gorm"
)

// Start opens a session in live mode: it records when it started (once).
func (s *Sessions) Start(id uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var ses model.Session
		if err := find(tx, id, &ses); err != nil {
			return err
		}
		if ses.Status == model.SessionCancelled {
			return apperr.New(apperr.Invalid, "status", "This session was cancelled; set it back to planned to start it.")
		}
		if ses.StartedAt == "" {
			if err := tx.Model(&ses).Update("started_at", model.UTC(s.now())).Error; err != nil {
				return err
			}
		}
		return page(tx, id, &p)
	})
	return p, err
}

// StartNow adds an unplanned session to a circle at the current time (in the
// circle's time zone) and starts it.
func (s *Sessions) StartNow(circleID uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		c, err := circle(tx, circleID)
		if err != nil {
			return err
		}
		now := s.now()
		in := SessionInput{StartsAt: localNow(now, c.TimeZone), DurationMinutes: c.DurationMinutes}.normalize()
		ses, err := create(tx, c, in)
		if err != nil {
			return err
		}
		if err := tx.Model(&ses).Update("started_at", model.UTC(now)).Error; err != nil {
			return err
		}
		return page(tx, ses.ID, &p)
	})
	return p, err
}

// End marks a session held, records when it ended, and keeps its notes as
// they stand as revisions.
func (s *Sessions) End(id uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var ses model.Session
		if err := find(tx, id, &ses); err != nil {
			return err
		}
		if ses.Status == model.SessionCancelled {
			return apperr.New(apperr.Invalid, "status", "This session was cancelled; set it back to planned first.")
		}
		now := model.UTC(s.now())
		started := ses.StartedAt
		if started == "" {
			started = now
		}
		if err := tx.Model(&ses).Updates(map[string]any{"status": model.SessionHeld, "ended_at": now, "started_at": started}).Error; err != nil {
			return err
		}
		if err := notes.Snapshot(tx, id, s.now()); err != nil {
			return err
		}
		return page(tx, id, &p)
	})
	return p, err
}

// SetTopics replaces a session's topics.
func (s *Sessions) SetTopics(id uint, topicIDs []uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &model.Session{}); err != nil {
			return err
		}
		if err := tx.Where("session_id = ?", id).Delete(&model.SessionTopic{}).Error; err != nil {
			return err
		}
		for _, t := range topicIDs {
			if err := tx.Create(&model.SessionTopic{SessionID: id, TopicID: t}).Error; err != nil {
				return apperr.FromDB(err, "topics", "topic")
			}
		}
		return page(tx, id, &p)
	})
	return p, err
}

// localNow is the wall-clock time in zone (the machine's when empty or unknown), minute precision.
func localNow(now time.Time, zone string) string {
	if loc, err := time.LoadLocation(zone); zone != "" && err == nil {
		now = now.In(loc)
	}
	return now.Format(check.DateTimeLayout)
}
