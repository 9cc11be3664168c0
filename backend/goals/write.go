package goals

import (
	"errors"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Create adds a goal to a person, with its tasks.
func (s *Goals) Create(in GoalInput) (GoalView, error) {
	in = in.normalize()
	var out GoalView
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := personExists(tx, in.PersonID); err != nil {
			return err
		}
		if err := check.All(in.validate(s.today()), inCircle(tx, in.PersonID, in.CircleID), itemsValid(tx, in.ItemIDs, in.CircleID)); err != nil {
			return err
		}
		now := s.now().UTC()
		g := model.Goal{Base: model.Base{CreatedAt: now, UpdatedAt: now}, PersonID: in.PersonID}
		apply(&g, in)
		g.Tasks = newTasks(in.Tasks, s.today())
		g.Progress = progress(g)
		if err := tx.Create(&g).Error; err != nil {
			return apperr.FromDB(err, "", "goal")
		}
		if err := linkItems(tx, g.ID, in.ItemIDs); err != nil {
			return err
		}
		var err error
		out, err = view(tx, g.ID)
		return err
	})
	return out, err
}

// Update changes a goal's fields and tasks: tasks with an ID are kept (and
// changed), new ones added, the ones left out removed.
func (s *Goals) Update(id uint, in GoalInput) (GoalView, error) {
	in = in.normalize()
	var out GoalView
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var g model.Goal
		if err := lockGoal(tx, id, &g); err != nil {
			return err
		}
		made := s.day(g.CreatedAt)
		if in.ItemIDs == nil {
			var err error
			if in.ItemIDs, err = currentItems(tx, id); err != nil {
				return err
			}
		}
		if err := check.All(in.validate(made), inCircle(tx, g.PersonID, in.CircleID), knownTasks(tx, id, in.Tasks),
			itemsValid(tx, in.ItemIDs, in.CircleID)); err != nil {
			return err
		}
		apply(&g, in)
		if err := replaceTasks(tx, &g, in.Tasks, s.today()); err != nil {
			return err
		}
		g.Progress = progress(g)
		if err := tx.Omit(clause.Associations).Save(&g).Error; err != nil {
			return apperr.FromDB(err, "", "goal")
		}
		if err := linkItems(tx, id, in.ItemIDs); err != nil {
			return err
		}
		var err error
		out, err = view(tx, id)
		return err
	})
	return out, err
}

// apply copies the form's fields onto g (its tasks aside).
func apply(g *model.Goal, in GoalInput) {
	g.CircleID, g.Title, g.Why, g.SuccessCriteria, g.TargetDate = in.CircleID, in.Title, in.Why, in.SuccessCriteria, in.TargetDate
	g.Status, g.ProgressMode, g.Progress, g.Visibility = in.Status, in.ProgressMode, in.Progress, in.Visibility
}

// progress is the goal's percentage: set by hand, or the share of its tasks ticked.
func progress(g model.Goal) int {
	if g.ProgressMode == model.ProgressManual {
		return g.Progress
	}
	if len(g.Tasks) == 0 {
		return 0
	}
	done := 0
	for _, t := range g.Tasks {
		if t.Done {
			done++
		}
	}
	return done * 100 / len(g.Tasks)
}

// personExists fails with NotFound unless the person exists.
func personExists(tx *gorm.DB, id uint) error {
	var n int64
	if err := tx.Model(&model.Person{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return apperr.Missing("person", id)
	}
	return nil
}

// inCircle rejects a circle the person is not a member of; nil (a personal goal) passes.
func inCircle(tx *gorm.DB, personID uint, circleID *uint) error {
	if circleID == nil {
		return nil
	}
	var n int64
	err := tx.Model(&model.Membership{}).Where("circle_id = ? AND person_id = ?", *circleID, personID).Count(&n).Error
	if err != nil || n > 0 {
		return err
	}
	return apperr.New(apperr.Invalid, "circleId", "This person is not a member of that circle.")
}

// lockGoal finds a goal for writing: on PostgreSQL it stays locked until
// the transaction ends, so two writers of one goal take turns.
func lockGoal(tx *gorm.DB, id uint, g *model.Goal) error {
	err := tx.Clauses(clause.Locking{Strength: "NO KEY UPDATE"}).Take(g, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Missing("goal", id)
	}
	if err != nil {
		return apperr.FromDB(err, "", "goal")
	}
	return tx.Where("goal_id = ?", id).Order("position").Find(&g.Tasks).Error
}
