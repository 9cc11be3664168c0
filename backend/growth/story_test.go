package growth_test

import (
	"slices"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/goals"
	"circlebook/backend/growth"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestPersonStory(t *testing.T) {
	st, f := open(t)
	c, ana := circleOf(f)
	gs := goals.New(st.DB, testdb.Now)
	design, data := f.Topic("Design"), f.Topic("Data")
	marks := []string{model.Present, model.Absent, model.Present, model.Late, model.Present} // oldest first
	var held []model.Session
	for i, m := range marks {
		s := f.Session(c, []string{"2026-09-02", "2026-09-16", "2026-09-30", "2026-10-14", "2026-10-28"}[i]+"T17:00", model.SessionHeld)
		f.Mark(s, ana, m)
		f.Tag(s, design)
		if i == 1 {
			f.Tag(s, data) // a session Ana missed: its topic is not hers
		}
		held = append(held, s)
	}
	v, err := gs.Create(goals.GoalInput{PersonID: ana.ID, CircleID: &c.ID, Title: "Lead the retro", ProgressMode: model.ProgressManual})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gs.CheckIn(held[4].ID, v.Goal.ID, goals.CheckInInput{Progress: 30, Status: model.GoalActive, Note: "drafted"}); err != nil {
		t.Fatal(err)
	}
	f.DB.Create(&model.Milestone{PersonID: ana.ID, Kind: model.MilestonePromotion, HappenedOn: "2026-10-01", Text: "L4", Visibility: model.Private})
	f.Action(c, "Send the brief", func(a *model.ActionItem) {
		a.OwnerID, a.Status, a.DoneAt = &ana.ID, model.ActionDone, "2026-10-20T10:00:00Z"
	})
	f.Action(c, "Still open", func(a *model.ActionItem) { a.OwnerID = &ana.ID })

	story, err := growth.NewStory(st.DB, testdb.Now).Person(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if story.Name != "Ana Muñoz" || story.Goals.Total != 1 || len(story.CheckIns) != 1 || story.CheckIns[0].GoalTitle != "Lead the retro" {
		t.Errorf("goals %+v, check-ins %+v", story.Goals, story.CheckIns)
	}
	if len(story.Milestones) != 1 || story.Milestones[0].Text != "L4" {
		t.Errorf("milestones = %+v", story.Milestones)
	}
	if want := (growth.Streak{Current: 3, Longest: 3, Attended: 4, Marked: 5}); story.Streak != want {
		t.Errorf("streak = %+v, want %+v", story.Streak, want)
	}
	if len(story.Topics) != 1 || story.Topics[0].Name != "Design" || story.Topics[0].Sessions != 4 {
		t.Errorf("topics = %+v, want Design in her 4 sessions", story.Topics)
	}
	if len(story.Finished) != 1 || story.Finished[0].Text != "Send the brief" {
		t.Errorf("finished = %+v", story.Finished)
	}
	_, err = growth.NewStory(st.DB, testdb.Now).Person(999)
	testdb.WantError(t, err, apperr.NotFound, "")
}

func TestCircleGrowth(t *testing.T) {
	st, f := open(t)
	c, ana := circleOf(f)
	gs := goals.New(st.DB, testdb.Now)
	for _, status := range []string{model.GoalActive, model.GoalActive, model.GoalAchieved, model.GoalAtRisk} {
		if _, err := gs.Create(goals.GoalInput{PersonID: ana.ID, CircleID: &c.ID, Title: "G", Status: status}); err != nil {
			t.Fatal(err)
		}
	}
	gs.Create(goals.GoalInput{PersonID: ana.ID, Title: "Personal"})
	fws := growth.NewFrameworks(st.DB, testdb.Now)
	fw, _ := fws.Create(growth.FrameworkInput{Name: "Ours", Items: []string{"Listening", "mentoring craft"}})
	fws.Use(c.ID, fw.ID)
	design := f.Topic("Mentoring Craft")
	bo := f.Person("Bo")
	f.Member(c, bo, model.RoleMentee)
	for i, day := range []string{"2026-10-07", "2026-10-21", "2026-11-04"} {
		s := f.Session(c, day+"T17:00", model.SessionHeld)
		f.Tag(s, design)
		f.Mark(s, ana, model.Present)
		if i == 0 {
			f.Mark(s, bo, model.Absent)
		}
	}
	view, err := growth.NewStory(st.DB, testdb.Now).Circle(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if view.Name != "Leaders" || view.Goals.Total != 4 || view.ByStatus[model.GoalActive] != 2 || view.ByStatus[model.GoalAtRisk] != 1 ||
		view.ByStatus[model.GoalAchieved] != 1 || len(view.Skills) != 2 || len(view.Feedback) != 3 {
		t.Errorf("growth view = %+v", view)
	}
	want := []growth.Coverage{{PersonID: ana.ID, Name: ana.Name, FrameworkItemID: fw.Items[1].ID, Sessions: 3}}
	if !slices.Equal(view.Coverage, want) {
		t.Errorf("coverage = %+v, want %+v (Bo missed the one he was marked for)", view.Coverage, want)
	}
	_, err = growth.NewStory(st.DB, testdb.Now).Circle(999)
	testdb.WantError(t, err, apperr.NotFound, "")
}
