package goals

import (
	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Deleted is a deleted goal with all it had, as Restore takes it back: the
// page keeps it for the toast's Undo.
type Deleted struct {
	Goal     model.Goal          `json:"goal"` // with its tasks
	CheckIns []model.GoalCheckIn `json:"checkIns"`
	ItemIDs  []uint              `json:"itemIds"` // the skills and topics it was linked to
}

// Delete removes a goal with its tasks and check-ins, and returns them for
// Restore.
func (s *Goals) Delete(id uint) (Deleted, error) {
	var out Deleted
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := lockGoal(tx, id, &out.Goal); err != nil {
			return err
		}
		if err := tx.Where("goal_id = ?", id).Order("id").Find(&out.CheckIns).Error; err != nil {
			return err
		}
		var err error
		if out.ItemIDs, err = currentItems(tx, id); err != nil {
			return err
		}
		return apperr.FromDB(tx.Delete(&model.Goal{}, id).Error, "", "goal")
	})
	return out, err
}

// Restore puts back a goal Delete removed, with the same keys and UUIDs, its
// tasks, check-ins and linked items (a check-in whose session was deleted
// since is kept without it; a link to an item deleted since is dropped). It
// checks the goal as Update would, and refuses one that exists again.
func (s *Goals) Restore(d Deleted) (GoalView, error) {
	g := d.Goal
	in := GoalInput{PersonID: g.PersonID, CircleID: g.CircleID, Title: g.Title, Why: g.Why, SuccessCriteria: g.SuccessCriteria,
		TargetDate: g.TargetDate, Status: g.Status, ProgressMode: g.ProgressMode, Progress: g.Progress, Visibility: g.Visibility}
	for _, t := range g.Tasks {
		in.Tasks = append(in.Tasks, TaskInput{ID: t.ID, Title: t.Title, Done: t.Done})
	}
	var out GoalView
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := personExists(tx, g.PersonID); err != nil {
			return err
		}
		items, err := existingItems(tx, uniqueIDs(d.ItemIDs))
		if err != nil {
			return err
		}
		if err := check.All(in.validate(s.day(g.CreatedAt)), inCircle(tx, g.PersonID, g.CircleID), checkInsValid(d.CheckIns, g.ID),
			itemsValid(tx, items, g.CircleID)); err != nil {
			return err
		}
		if err := tx.Omit(clause.Associations).Create(&g).Error; err != nil {
			return apperr.FromDB(err, "", "goal")
		}
		for i := range g.Tasks {
			g.Tasks[i].GoalID = g.ID
		}
		if err := createAll(tx, g.Tasks); err != nil {
			return err
		}
		if err := createAll(tx, withSessions(tx, d.CheckIns)); err != nil {
			return err
		}
		if err := linkItems(tx, g.ID, items); err != nil {
			return err
		}
		out, err = view(tx, g.ID)
		return err
	})
	return out, err
}

// checkInsValid checks the check-ins a restore puts back.
func checkInsValid(ks []model.GoalCheckIn, goalID uint) error {
	for _, k := range ks {
		if k.GoalID != goalID {
			return apperr.New(apperr.Invalid, "checkIns", "A check-in is of another goal.")
		}
		in := CheckInInput{Progress: k.Progress, Status: k.Status, Note: k.Note}
		if err := check.First(in.validate(), check.Date("checkIns", k.CheckedOn)); err != nil {
			return err
		}
	}
	return nil
}

// withSessions clears the session of check-ins whose session no longer exists.
func withSessions(tx *gorm.DB, ks []model.GoalCheckIn) []model.GoalCheckIn {
	for i, k := range ks {
		var n int64
		if k.SessionID != nil && tx.Model(&model.Session{}).Where("id = ?", *k.SessionID).Count(&n).Error == nil && n == 0 {
			ks[i].SessionID = nil
		}
	}
	return ks
}

// createAll inserts rows as they are (keys and UUIDs included), if any.
func createAll[T any](tx *gorm.DB, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	return apperr.FromDB(tx.Create(&rows).Error, "", "goal")
}
