package sessions

import (
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"
	"circlebook/backend/notes"

	"gorm.io/gorm"
)

// Start opens a session in live mode: it records when it started (once).
// A planned session dated another day (in the circle's zone) is not started
// but refused with OtherDay, so the page can ask: move it to now
// (MoveToNow), or start a new session today (StartNow).
func (s *Sessions) Start(id uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		ses, c, err := withCircle(tx, id)
		if err != nil {
			return err
		}
		if ses.Status == model.SessionCancelled {
			return apperr.New(apperr.Invalid, "status", "This session was cancelled; set it back to planned to start it.")
		}
		if ses.StartedAt == "" {
			now := s.now()
			if today := localDay(now, c.TimeZone); ses.Status == model.SessionPlanned && day(ses.StartsAt) != today {
				return apperr.New(apperr.OtherDay, "startsAt", "Session %d is planned for %s, not today. Move it to now, or start a new session today.", ses.Number, dayName(ses.StartsAt, today))
			}
			if err := tx.Model(&ses).Update("started_at", model.UTC(now)).Error; err != nil {
				return err
			}
		}
		return page(tx, id, &p)
	})
	return p, err
}

// MoveToNow moves a planned session to the current time in the circle's zone
// and starts it, in one transaction: the answer to Start's OtherDay when the
// meeting is happening now after all. Its number, agenda and notes stay. A
// session already started is left as it is, so a second call changes nothing.
func (s *Sessions) MoveToNow(id uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		ses, c, err := withCircle(tx, id)
		if err != nil {
			return err
		}
		if ses.Status != model.SessionPlanned {
			return apperr.New(apperr.Invalid, "status", "Only a planned session can be moved to now; this one is %s.", ses.Status)
		}
		if ses.StartedAt == "" {
			now := s.now()
			if err := tx.Model(&ses).Updates(map[string]any{"starts_at": localNow(now, c.TimeZone), "started_at": model.UTC(now)}).Error; err != nil {
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

// End marks a session held, records when it ended, makes the action items
// of its shared note's final text (the last line counts now, Enter or not)
// and keeps both notes as they stand as revisions, in one transaction. A
// session dated after today (in the circle's zone) is refused with OtherDay.
func (s *Sessions) End(id uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		ses, c, err := withCircle(tx, id)
		if err != nil {
			return err
		}
		if ses.Status == model.SessionCancelled {
			return apperr.New(apperr.Invalid, "status", "This session was cancelled; set it back to planned first.")
		}
		if today := localDay(s.now(), c.TimeZone); day(ses.StartsAt) > today {
			return apperr.New(apperr.OtherDay, "startsAt", "Session %d is planned for %s, not today: it cannot have been held yet. Change its date to end it now.", ses.Number, dayName(ses.StartsAt, today))
		}
		now := model.UTC(s.now())
		started := ses.StartedAt
		if started == "" {
			started = now
		}
		if err := tx.Model(&ses).Updates(map[string]any{"status": model.SessionHeld, "ended_at": now, "started_at": started}).Error; err != nil {
			return err
		}
		if err := notes.Finish(tx, id, s.now()); err != nil {
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
		if err := lockSession(tx, id, &model.Session{}); err != nil {
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

// localDay is today's date in zone, YYYY-MM-DD.
func localDay(now time.Time, zone string) string { return day(localNow(now, zone)) }

// day is the date part of a local time, YYYY-MM-DD.
func day(startsAt string) string { return startsAt[:min(len(startsAt), len(check.DateLayout))] }

// dayName names a session's day for a message: "Friday 27 November", with
// the year when it is not today's.
func dayName(startsAt, today string) string {
	t, err := time.Parse(check.DateTimeLayout, startsAt)
	if err != nil {
		return startsAt
	}
	if !strings.HasPrefix(today, startsAt[:4]) {
		return t.Format("Monday 2 January 2006")
	}
	return t.Format("Monday 2 January")
}

// withCircle finds a session for writing (locked, see forWriting) and its circle.
func withCircle(tx *gorm.DB, id uint) (model.Session, model.Circle, error) {
	var ses model.Session
	if err := lockSession(tx, id, &ses); err != nil {
		return ses, model.Circle{}, err
	}
	c, err := circle(tx, ses.CircleID)
	return ses, c, err
}
