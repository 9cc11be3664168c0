package sessions

import (
	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// MarkAttendance sets one person's mark at a session; an empty status clears it.
// A mark can make a planned session held (see attended). It returns the
// session page as it now stands, in seven statements (eight when the mark
// makes the session held): each is a round trip to a PostgreSQL program
// database (see TestMarkAttendanceStatements).
func (s *Sessions) MarkAttendance(sessionID, personID uint, status string) (Page, error) {
	if status != "" {
		if err := check.OneOf("status", "Attendance", status, model.Present, model.Late, model.Excused, model.Absent); err != nil {
			return Page{}, err
		}
	}
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		h, err := lockHead(tx, sessionID, personID)
		if err != nil {
			return err
		}
		p.Session, p.Circle, p.Notes = h.Session, h.brief(), h.notes()
		if err := s.attended(tx, &p.Session, p.Circle.TimeZone, status); err != nil {
			return err
		}
		if status != "" && h.People == 0 {
			return apperr.Missing("person", personID)
		}
		if err := mark(tx, sessionID, personID, status); err != nil {
			return err
		}
		return fill(tx, &p)
	})
	return p, err
}

// MarkEveryone gives every unmarked member of the roster the same status,
// which can make a planned session held (see attended).
func (s *Sessions) MarkEveryone(sessionID uint, status string) (Page, error) {
	if err := check.OneOf("status", "Attendance", status, model.Present, model.Late, model.Excused, model.Absent); err != nil {
		return Page{}, err
	}
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		h, err := lockHead(tx, sessionID, 0)
		if err != nil {
			return err
		}
		p.Session, p.Circle, p.Notes = h.Session, h.brief(), h.notes()
		if err := s.attended(tx, &p.Session, p.Circle.TimeZone, status); err != nil {
			return err
		}
		if err := roster(tx, p.Session, &p.Roster); err != nil {
			return err
		}
		for _, r := range p.Roster {
			if r.Status == "" {
				if err := mark(tx, sessionID, r.PersonID, status); err != nil {
					return err
				}
			}
		}
		return fill(tx, &p)
	})
	return p, err
}

// attended checks a mark against a planned session's day (zone is its
// circle's), inside the caller's transaction, which has locked the session
// (see lockHead): a mark counts in the circle's tallies while its session
// is held, so marks and a change of the session's status (End, Update,
// another mark) take turns, and the tallies' triggers each see what the
// other wrote. Once the day has come (in the circle's zone), marking who
// came means the session took place: it is marked held, so the circle's
// figures count it, and ses is updated as written; a session running on
// the live screen is left for End. Ahead of the day only an apology
// (Excused) can be marked.
func (s *Sessions) attended(tx *gorm.DB, ses *model.Session, zone, status string) error {
	if status == "" || ses.Status != model.SessionPlanned {
		return nil
	}
	if today := localDay(s.now(), zone); day(ses.StartsAt) > today {
		if status == model.Excused {
			return nil
		}
		return apperr.New(apperr.Invalid, "status", "Session %d is on %s: mark who came on the day. Until then, only Excused (an apology sent ahead) can be marked.", ses.Number, dayName(ses.StartsAt, today))
	}
	if ses.StartedAt != "" && ses.EndedAt == "" {
		return nil
	}
	return tx.Model(ses).Update("status", model.SessionHeld).Error
}

// mark sets or clears a person's mark; the caller has checked the person exists.
func mark(tx *gorm.DB, sessionID, personID uint, status string) error {
	if status == "" {
		return tx.Where("session_id = ? AND person_id = ?", sessionID, personID).Delete(&model.Attendance{}).Error
	}
	a := model.Attendance{SessionID: sessionID, PersonID: personID, Status: status}
	err := tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "session_id"}, {Name: "person_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"status", "updated_at"}),
	}).Create(&a).Error
	return apperr.FromDB(err, "status", "attendance")
}
