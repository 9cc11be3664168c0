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
// session page as it now stands.
func (s *Sessions) MarkAttendance(sessionID, personID uint, status string) (Page, error) {
	if status != "" {
		if err := check.OneOf("status", "Attendance", status, model.Present, model.Late, model.Excused, model.Absent); err != nil {
			return Page{}, err
		}
	}
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.attended(tx, sessionID, status); err != nil {
			return err
		}
		if err := mark(tx, sessionID, personID, status); err != nil {
			return err
		}
		return page(tx, sessionID, &p)
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
		if err := s.attended(tx, sessionID, status); err != nil {
			return err
		}
		if err := page(tx, sessionID, &p); err != nil {
			return err
		}
		for _, r := range p.Roster {
			if r.Status == "" {
				if err := mark(tx, sessionID, r.PersonID, status); err != nil {
					return err
				}
			}
		}
		return page(tx, sessionID, &p)
	})
	return p, err
}

// attended checks a mark against a planned session's day, inside the
// caller's transaction. Once the day has come (in the circle's zone), marking
// who came means the session took place: it is marked held, so the circle's
// figures count it; a session running on the live screen is left for End.
// Ahead of the day only an apology (Excused) can be marked. Whatever the
// mark, it locks the session (see withCircle): a mark counts in the circle's
// tallies while its session is held, so marks and a change of the session's
// status (End, Update, another mark) take turns, and the tallies' triggers
// each see what the other wrote.
func (s *Sessions) attended(tx *gorm.DB, sessionID uint, status string) error {
	ses, c, err := withCircle(tx, sessionID)
	if err != nil || status == "" || ses.Status != model.SessionPlanned {
		return err
	}
	if today := localDay(s.now(), c.TimeZone); day(ses.StartsAt) > today {
		if status == model.Excused {
			return nil
		}
		return apperr.New(apperr.Invalid, "status", "Session %d is on %s: mark who came on the day. Until then, only Excused (an apology sent ahead) can be marked.", ses.Number, dayName(ses.StartsAt, today))
	}
	if ses.StartedAt != "" && ses.EndedAt == "" {
		return nil
	}
	return tx.Model(&ses).Update("status", model.SessionHeld).Error
}

func mark(tx *gorm.DB, sessionID, personID uint, status string) error {
	if status == "" {
		return tx.Where("session_id = ? AND person_id = ?", sessionID, personID).Delete(&model.Attendance{}).Error
	}
	if err := tx.Take(&model.Person{}, personID).Error; err != nil {
		return apperr.Missing("person", personID)
	}
	a := model.Attendance{SessionID: sessionID, PersonID: personID, Status: status}
	err := tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "session_id"}, {Name: "person_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"status", "updated_at"}),
	}).Create(&a).Error
	return apperr.FromDB(err, "status", "attendance")
}
