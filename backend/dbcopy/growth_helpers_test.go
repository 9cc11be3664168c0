package dbcopy_test

import (
	"testing"

	"circlebook/backend/goals"
	"circlebook/backend/growth"
	"circlebook/backend/model"
	"circlebook/backend/services"

	"gorm.io/gorm"
)

// growthTables are the tables of migrations 2026-12-02-growth and 2026-12-03-goal-items.
var growthTables = []string{"frameworks", "framework_items", "circle_frameworks", "goals", "goal_tasks",
	"goal_checkins", "milestones", "skill_ratings", "session_feedback", "goal_items"}

// addGrowth adds a row or two to every growth table besides the sample
// program's own: a framework used by a circle, a goal with a ticked task and
// a check-in in s, a personal goal, a milestone, a rating and p's feedback
// on s (the group's feedback on s the sample has already).
func addGrowth(t *testing.T, db *gorm.DB, s model.Session, p model.Person) {
	t.Helper()
	fw := model.Framework{Name: "Sample skills", Items: []model.FrameworkItem{{Position: 0, Name: "Listening"}}}
	goal := model.Goal{PersonID: p.ID, CircleID: &s.CircleID, Title: "Lead a retro", Status: model.GoalActive,
		ProgressMode: model.ProgressTasks, Visibility: model.Shared,
		Tasks: []model.GoalTask{{Title: "Pick a format", Done: true, DoneOn: "2026-11-20"}, {Position: 1, Title: "Run it"}}}
	for _, v := range []any{&fw, &goal} {
		if err := db.Create(v).Error; err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range []any{
		&model.CircleFramework{CircleID: s.CircleID, FrameworkID: fw.ID},
		&model.Goal{PersonID: p.ID, Title: "Get certified", Status: model.GoalDraft, ProgressMode: model.ProgressManual,
			Progress: 30, Visibility: model.Private},
		&model.GoalCheckIn{GoalID: goal.ID, SessionID: &s.ID, Progress: 50, Status: model.GoalActive, Note: "on track", CheckedOn: "2026-11-20"},
		&model.Milestone{PersonID: p.ID, Kind: model.MilestonePromotion, HappenedOn: "2026-10-01", Text: "L4", Visibility: model.Shared},
		&model.SkillRating{PersonID: p.ID, CircleID: s.CircleID, FrameworkItemID: fw.Items[0].ID, Rating: 3,
			Phase: model.PhaseBefore, RatedOn: "2026-06-01"},
		&model.SessionFeedback{SessionID: s.ID, PersonID: &p.ID, Usefulness: 5},
	} {
		if err := db.Create(v).Error; err != nil {
			t.Fatal(err)
		}
	}
}

// addLaptopGrowth adds, through the services, a leader's growth work on a
// laptop (see addLaptopWork): in their own circle c, the mentee's shared
// goal with a task, checked in on at the held session ses, and both the
// mentee's and the group's feedback on it; a shared and a private milestone
// of the mentee's; a framework both leaders make under one name (in other
// case), used by c and the shared circle craft, with the mentee rated in c
// and Zoe, whom both enter, in craft, and the goal linked to its item.
func addLaptopGrowth(t *testing.T, s *services.Services, who string, c, ses, mentee, craft, zoe uint) {
	t.Helper()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	g, err := s.Goals.Create(goals.GoalInput{PersonID: mentee, CircleID: &c, Title: who + " finds a sponsor",
		Visibility: model.Shared, Tasks: []goals.TaskInput{{Title: "Ask around"}}})
	must(g, err)
	must(s.Goals.CheckIn(ses, g.Goal.ID, goals.CheckInInput{Progress: 20, Note: "asked two"}))
	must(s.Feedback.Give(growth.FeedbackInput{SessionID: ses, PersonID: &mentee, Usefulness: 4, Worked: who}))
	must(s.Feedback.Give(growth.FeedbackInput{SessionID: ses, Usefulness: 5}))
	for _, vis := range []string{model.Shared, model.Private} {
		must(s.Milestones.Add(growth.MilestoneInput{PersonID: mentee, Kind: model.MilestonePraise, HappenedOn: "2026-11-21",
			Text: who + " " + vis, Visibility: vis}))
	}
	name := map[bool]string{true: "Merging Skills", false: "merging skills"}[who < "B"]
	fw, err := s.Frameworks.Create(growth.FrameworkInput{Name: name, Items: []string{"Asking"}})
	must(fw, err)
	for _, circle := range []uint{c, craft} {
		must(s.Frameworks.Use(circle, fw.ID))
	}
	must(s.Goals.Update(g.Goal.ID, goals.GoalInput{CircleID: &c, Title: g.Goal.Title, Visibility: model.Shared,
		Tasks: []goals.TaskInput{{ID: g.Goal.Tasks[0].ID, Title: "Ask around"}}, ItemIDs: []uint{fw.Items[0].ID}}))
	for person, circle := range map[uint]uint{mentee: c, zoe: craft} {
		must(s.Skills.Rate(growth.RatingInput{PersonID: person, CircleID: circle, FrameworkItemID: fw.Items[0].ID,
			Rating: 2, Phase: model.PhaseBefore, RatedOn: "2026-11-20"}))
	}
}
