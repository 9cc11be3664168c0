package goals

import (
	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// newTasks makes the goal's tasks from the form, in its order.
func newTasks(in []TaskInput, today string) []model.GoalTask {
	out := make([]model.GoalTask, len(in))
	for i, t := range in {
		out[i] = model.GoalTask{Position: i, Title: t.Title, Done: t.Done}
		if t.Done {
			out[i].DoneOn = today
		}
	}
	return out
}

// knownTasks rejects a task ID that is not one of the goal's tasks.
func knownTasks(tx *gorm.DB, goalID uint, in []TaskInput) error {
	var ids []uint
	for _, t := range in {
		if t.ID != 0 {
			ids = append(ids, t.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var n int64
	if err := tx.Model(&model.GoalTask{}).Where("goal_id = ? AND id IN ?", goalID, ids).Count(&n).Error; err != nil {
		return err
	}
	if int(n) != len(ids) {
		return apperr.New(apperr.Invalid, "tasks", "A task in the form is not one of this goal's; reload the goal.")
	}
	return nil
}

// replaceTasks makes g's tasks those of the form: kept ones changed (a task
// ticked now is dated today), new ones added, the rest deleted.
func replaceTasks(tx *gorm.DB, g *model.Goal, in []TaskInput, today string) error {
	old := map[uint]model.GoalTask{}
	for _, t := range g.Tasks {
		old[t.ID] = t
	}
	tasks := newTasks(in, today)
	keep := []uint{0}
	for i, t := range in {
		if prev, ok := old[t.ID]; ok && t.ID != 0 {
			tasks[i].Base = prev.Base
			if prev.Done && t.Done {
				tasks[i].DoneOn = prev.DoneOn
			}
			keep = append(keep, t.ID)
		}
		tasks[i].GoalID = g.ID
	}
	if err := tx.Where("goal_id = ? AND id NOT IN ?", g.ID, keep).Delete(&model.GoalTask{}).Error; err != nil {
		return apperr.FromDB(err, "", "task")
	}
	for i := range tasks {
		if err := tx.Save(&tasks[i]).Error; err != nil {
			return apperr.FromDB(err, "tasks", "task")
		}
	}
	g.Tasks = tasks
	return nil
}

// TickTask ticks (or unticks) one task and returns its goal, its progress
// following when it comes from the tasks.
func (s *Goals) TickTask(taskID uint, done bool) (GoalView, error) {
	var out GoalView
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var task model.GoalTask
		if err := tx.Take(&task, taskID).Error; err != nil {
			return apperr.Missing("task", taskID)
		}
		var g model.Goal
		if err := lockGoal(tx, task.GoalID, &g); err != nil {
			return err
		}
		for i := range g.Tasks {
			if t := &g.Tasks[i]; t.ID == taskID && t.Done != done {
				t.Done, t.DoneOn = done, ""
				if done {
					t.DoneOn = s.today()
				}
				if err := tx.Model(t).Updates(map[string]any{"done": t.Done, "done_on": t.DoneOn}).Error; err != nil {
					return apperr.FromDB(err, "", "task")
				}
			}
		}
		if err := saveProgress(tx, &g, progress(g)); err != nil {
			return err
		}
		var err error
		out, err = view(tx, g.ID)
		return err
	})
	return out, err
}

// saveProgress stores the goal's progress and status, and touches it.
func saveProgress(tx *gorm.DB, g *model.Goal, p int) error {
	g.Progress = p
	err := tx.Model(&model.Goal{}).Where("id = ?", g.ID).Updates(map[string]any{"progress": p, "status": g.Status}).Error
	return apperr.FromDB(err, "", "goal")
}
