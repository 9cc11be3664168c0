// Package goals is the service behind a member's goals: making and changing
// them with their tasks, ticking tasks, progress set by hand, check-ins
// during a live session, a goal's timeline, and the lists of a person's and
// a circle's goals. Each call is one transaction and returns the new state.
package goals

import (
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Goals manages members' goals.
type Goals struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the goals service over db, reading the time from now.
func New(db *gorm.DB, now func() time.Time) *Goals {
	return &Goals{db: db, now: now}
}

// TaskInput is one task in the goal form; ID is 0 for a new one.
type TaskInput struct {
	ID    uint   `json:"id"`
	Title string `json:"title"`
	Done  bool   `json:"done"`
}

// GoalInput is what the goal form sends. PersonID counts on create only: a
// goal stays its person's.
type GoalInput struct {
	PersonID        uint        `json:"personId"`
	CircleID        *uint       `json:"circleId"` // nil: a personal goal
	Title           string      `json:"title"`
	Why             string      `json:"why"`
	SuccessCriteria string      `json:"successCriteria"`
	TargetDate      string      `json:"targetDate"`   // YYYY-MM-DD or ""
	Status          string      `json:"status"`       // "" is active
	ProgressMode    string      `json:"progressMode"` // "" is tasks
	Progress        int         `json:"progress"`     // 0-100, counts in manual mode
	Visibility      string      `json:"visibility"`   // "" is private
	Tasks           []TaskInput `json:"tasks"`        // at most model.MaxGoalTasks
	// ItemIDs are the framework items (skills, topics) the goal works on, at
	// most model.MaxGoalItems: of the circle's frameworks, or any for a
	// personal goal. On update, nil (left out) keeps the goal's links.
	ItemIDs []uint `json:"itemIds"`
}

func (in GoalInput) normalize() GoalInput {
	in.Title, in.Why, in.SuccessCriteria = strings.TrimSpace(in.Title), strings.TrimSpace(in.Why), strings.TrimSpace(in.SuccessCriteria)
	in.TargetDate, in.Status = strings.TrimSpace(in.TargetDate), orDefault(in.Status, model.GoalActive)
	in.ProgressMode, in.Visibility = orDefault(in.ProgressMode, model.ProgressTasks), orDefault(in.Visibility, model.Private)
	for i := range in.Tasks {
		in.Tasks[i].Title = strings.TrimSpace(in.Tasks[i].Title)
	}
	in.ItemIDs = uniqueIDs(in.ItemIDs)
	return in
}

func orDefault(v, def string) string {
	if v = strings.TrimSpace(v); v == "" {
		return def
	}
	return v
}

// validate checks every field at once; made is the day the goal was made
// (YYYY-MM-DD), which its target date may not come before.
func (in GoalInput) validate(made string) error {
	return check.All(
		check.RequiredUpTo("title", "Title", in.Title, check.MaxTitle),
		check.UpTo("why", in.Why, check.MaxProse),
		check.UpTo("successCriteria", in.SuccessCriteria, check.MaxProse),
		check.First(check.Date("targetDate", in.TargetDate), notBefore("targetDate", in.TargetDate, made)),
		check.OneOf("status", "Status", in.Status, model.GoalStatuses...),
		check.OneOf("progressMode", "Progress", in.ProgressMode, model.ProgressTasks, model.ProgressManual),
		check.Range("progress", "Progress", in.Progress, 0, 100),
		check.OneOf("visibility", "Visibility", in.Visibility, model.Shared, model.Private),
		tasksValid(in.Tasks),
	)
}

// notBefore rejects a target date before the day the goal was made.
func notBefore(field, date, made string) error {
	if date != "" && date < made {
		return apperr.New(apperr.Invalid, field, "Use a date no earlier than the day the goal was set (%s).", made)
	}
	return nil
}

// tasksValid rejects more than model.MaxGoalTasks tasks, or one without a title.
func tasksValid(tasks []TaskInput) error {
	if len(tasks) > model.MaxGoalTasks {
		return apperr.New(apperr.Invalid, "tasks", "A goal has at most %d tasks; this has %d.", model.MaxGoalTasks, len(tasks))
	}
	for i, t := range tasks {
		if t.Title == "" {
			return apperr.New(apperr.Invalid, "tasks", "Task %d has no title.", i+1)
		}
		if err := check.UpTo("tasks", t.Title, check.MaxTitle); err != nil {
			return err
		}
	}
	return nil
}

// today is the service's date, YYYY-MM-DD.
func (s *Goals) today() string { return s.now().Format(check.DateLayout) }

// day is the date, YYYY-MM-DD, of an instant where the service's clock is:
// a goal made at 23:30 local time was made that day, whatever UTC says.
func (s *Goals) day(t time.Time) string { return t.In(s.now().Location()).Format(check.DateLayout) }
