package growth_test

import (
	"testing"

	"circlebook/backend/goals"
	"circlebook/backend/growth"
	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// The growth tables grow with the program: a plan may read them only through
// an index search, as the other large tables.
func init() {
	plantest.Large = append(plantest.Large, "goals", "goal_tasks", "goal_checkins", "milestones",
		"skill_ratings", "session_feedback", "circle_frameworks", "framework_items")
}

// TestGrowthPlans runs every goals and growth call on five years of a
// circle's history and checks each statement's plan: no large table read
// whole, no unbounded sort.
func TestGrowthPlans(t *testing.T) {
	testdb.SQLiteOnly(t)
	h := fiveYears(t)
	var last model.Session
	var goal model.Goal
	var item model.FrameworkItem
	h.db.Where("circle_id = ?", h.circle).Order("starts_at DESC").Take(&last)
	h.db.Where("person_id = ? AND progress_mode = ?", h.subject, model.ProgressManual).Order("id").Take(&goal)
	h.db.Order("id").Take(&item)
	h.db.Create(&model.Attendance{SessionID: last.ID, PersonID: h.subject, Status: model.Present})
	h.db.Model(&model.Attendance{}).Where("session_id = ? AND person_id = ?", last.ID, h.subject).Update("status", model.Present)
	rec, err := plantest.Attach(h.db)
	if err != nil {
		t.Fatal(err)
	}
	gs, story := goals.New(h.db, testdb.Now), growth.NewStory(h.db, testdb.Now)
	fws, skills := growth.NewFrameworks(h.db, testdb.Now), growth.NewSkills(h.db, testdb.Now)
	fb, ms := growth.NewFeedback(h.db, testdb.Now), growth.NewMilestones(h.db, testdb.Now)
	calls := map[string]func() error{
		"goals.Get":        func() error { _, err := gs.Get(goal.ID); return err },
		"goals.Timeline":   func() error { _, err := gs.Timeline(goal.ID, "2030-01-01", 0); return err },
		"goals.ForPerson":  func() error { _, err := gs.ForPerson(h.subject); return err },
		"goals.ForCircle":  func() error { _, err := gs.ForCircle(h.circle); return err },
		"goals.ForSession": func() error { _, err := gs.ForSession(last.ID); return err },
		"goals.CheckIn": func() error {
			_, err := gs.CheckIn(last.ID, goal.ID, goals.CheckInInput{Progress: 5, Status: "active"})
			return err
		},
		"goals.SetProgress": func() error { _, err := gs.SetProgress(goal.ID, goals.ProgressInput{Progress: 6}); return err },
		"goals.Create+Update+Tick+Delete": func() error {
			v, err := gs.Create(goals.GoalInput{PersonID: h.subject, CircleID: &h.circle, Title: "x", Tasks: []goals.TaskInput{{Title: "t"}}})
			if err == nil {
				_, err = gs.Update(v.Goal.ID, goals.GoalInput{Title: "y", Tasks: []goals.TaskInput{{ID: v.Goal.Tasks[0].ID, Title: "t"}}})
			}
			if err == nil {
				_, err = gs.TickTask(v.Goal.Tasks[0].ID, true)
			}
			if err == nil {
				_, err = gs.Delete(v.Goal.ID)
			}
			return err
		},
		"story.Person":         func() error { _, err := story.Person(h.subject); return err },
		"story.Circle":         func() error { _, err := story.Circle(h.circle); return err },
		"milestones.ForPerson": func() error { _, err := ms.ForPerson(h.subject); return err },
		"frameworks.ForCircle": func() error { _, err := fws.ForCircle(h.circle); return err },
		"skills.Rate": func() error {
			_, err := skills.Rate(growth.RatingInput{PersonID: h.subject, CircleID: h.circle, FrameworkItemID: item.ID, Rating: 3, Phase: "after"})
			return err
		},
		"feedback.Give":  func() error { _, err := fb.Give(growth.FeedbackInput{SessionID: last.ID, Usefulness: 4}); return err },
		"feedback.Trend": func() error { _, err := fb.Trend(h.circle); return err },
	}
	for name, call := range calls {
		if err := call(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, stmt := range rec.Take() {
			plan, err := plantest.Explain(h.db, stmt)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range plantest.Problems(stmt, plan) {
				t.Errorf("%s: %s\n  %s\n%s", name, p, stmt, plantest.Format(plan))
			}
		}
	}
}
