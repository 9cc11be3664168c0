package goals

import (
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// CheckInInput is the live screen's check-in on a goal: its progress (kept
// only when set by hand; a goal whose progress comes from its tasks records
// theirs), its status now ("" keeps the goal's), and one line.
type CheckInInput struct {
	Progress int    `json:"progress"`
	Status   string `json:"status"`
	Note     string `json:"note"`
}

func (in CheckInInput) validate() error {
	return check.All(
		check.Range("progress", "Progress", in.Progress, 0, 100),
		check.OneOf("status", "Status", in.Status, model.GoalStatuses...),
		check.First(oneLine("note", in.Note), check.UpTo("note", in.Note, check.MaxTitle)),
	)
}

// oneLine rejects text of more than one line.
func oneLine(field, v string) error {
	if strings.ContainsAny(v, "\r\n") {
		return apperr.New(apperr.Invalid, field, "Keep it to one line.")
	}
	return nil
}

// CheckIn records, during a session, where a goal stands: its status (and
// its progress, when set by hand) become the check-in's. Checking in on a
// goal again in the same session changes that check-in. It refuses a goal
// whose person is not marked present or late in the session, or that
// belongs to another circle.
func (s *Goals) CheckIn(sessionID, goalID uint, in CheckInInput) (GoalView, error) {
	in.Status, in.Note = strings.TrimSpace(in.Status), strings.TrimSpace(in.Note)
	var out GoalView
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var ses model.Session
		if err := tx.Take(&ses, sessionID).Error; err != nil {
			return apperr.Missing("session", sessionID)
		}
		var g model.Goal
		if err := lockGoal(tx, goalID, &g); err != nil {
			return err
		}
		in.Status = orDefault(in.Status, g.Status)
		if err := check.All(in.validate(), presentFor(tx, ses, g)); err != nil {
			return err
		}
		g.Status = in.Status
		if g.ProgressMode == model.ProgressManual {
			g.Progress = in.Progress
		}
		if err := saveProgress(tx, &g, progress(g)); err != nil {
			return err
		}
		k := model.GoalCheckIn{GoalID: g.ID, SessionID: &ses.ID}
		if err := tx.Where("session_id = ? AND goal_id = ?", ses.ID, g.ID).Limit(1).Find(&k).Error; err != nil {
			return err
		}
		k.Progress, k.Status, k.Note, k.CheckedOn = g.Progress, g.Status, in.Note, ses.StartsAt[:len(check.DateLayout)]
		if err := tx.Save(&k).Error; err != nil {
			return apperr.FromDB(err, "", "check-in")
		}
		var err error
		out, err = view(tx, g.ID)
		return err
	})
	return out, err
}

// presentFor rejects a check-in on g in ses unless its person is marked
// present or late there, and g is personal or of the session's circle.
func presentFor(tx *gorm.DB, ses model.Session, g model.Goal) error {
	if g.CircleID != nil && *g.CircleID != ses.CircleID {
		return apperr.New(apperr.Invalid, "goalId", "That goal belongs to another circle.")
	}
	var n int64
	err := tx.Model(&model.Attendance{}).Where("session_id = ? AND person_id = ? AND status IN ?",
		ses.ID, g.PersonID, []string{model.Present, model.Late}).Count(&n).Error
	if err != nil || n > 0 {
		return err
	}
	var name string
	if err := tx.Model(&model.Person{}).Where("id = ?", g.PersonID).Pluck("name", &name).Error; err != nil {
		return err
	}
	return apperr.New(apperr.Invalid, "goalId", "%s is not marked present or late in this session: mark them first.", name)
}

// ProgressInput is progress set by hand between sessions, with a dated comment.
type ProgressInput struct {
	Progress int    `json:"progress"`
	Note     string `json:"note"`
	On       string `json:"on"` // YYYY-MM-DD; "" is today
}

// SetProgress sets a goal's progress by hand (only a goal in manual mode)
// and records it, with its comment and date, on the goal's timeline.
func (s *Goals) SetProgress(goalID uint, in ProgressInput) (GoalView, error) {
	in.Note, in.On = strings.TrimSpace(in.Note), orDefault(in.On, s.today())
	var out GoalView
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var g model.Goal
		if err := lockGoal(tx, goalID, &g); err != nil {
			return err
		}
		err := check.All(check.Range("progress", "Progress", in.Progress, 0, 100), manual(g),
			check.First(oneLine("note", in.Note), check.UpTo("note", in.Note, check.MaxTitle)),
			check.First(check.Date("on", in.On), check.NotFuture("on", in.On, s.today())))
		if err != nil {
			return err
		}
		if err := saveProgress(tx, &g, in.Progress); err != nil {
			return err
		}
		k := model.GoalCheckIn{GoalID: g.ID, Progress: in.Progress, Status: g.Status, Note: in.Note, CheckedOn: in.On}
		if err := tx.Create(&k).Error; err != nil {
			return apperr.FromDB(err, "", "check-in")
		}
		out, err = view(tx, g.ID)
		return err
	})
	return out, err
}

// manual rejects setting by hand the progress of a goal that follows its tasks.
func manual(g model.Goal) error {
	if g.ProgressMode != model.ProgressManual {
		return apperr.New(apperr.Invalid, "progress", "This goal's progress comes from its tasks: tick them, or set it to manual.")
	}
	return nil
}
