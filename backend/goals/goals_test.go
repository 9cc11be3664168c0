package goals_test

import (
	"maps"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/goals"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestCreateGoal(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	in := goals.GoalInput{PersonID: ana.ID, CircleID: &c.ID, Title: "  Promotion to L4 ", Why: "More scope",
		SuccessCriteria: "Promo packet accepted", TargetDate: "2027-06-30",
		Tasks: []goals.TaskInput{{Title: "Find a sponsor", Done: true}, {Title: "Lead a project"}, {Title: "Write the packet"}}}
	v, err := svc.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	g := v.Goal
	if g.ID == 0 || g.UUID == "" || g.Title != "Promotion to L4" || g.Status != model.GoalActive ||
		g.ProgressMode != model.ProgressTasks || g.Visibility != model.Private || *g.CircleID != c.ID {
		t.Errorf("goal = %+v, want trimmed, active, tasks mode, private, in the circle", g)
	}
	if g.Progress != 33 {
		t.Errorf("progress = %d, want 33 (1 of 3 tasks)", g.Progress)
	}
	if len(g.Tasks) != 3 || g.Tasks[0].DoneOn != "2026-11-25" || g.Tasks[2].Title != "Write the packet" || g.Tasks[1].Position != 1 {
		t.Errorf("tasks = %+v", g.Tasks)
	}
	if v.PersonName != "Ana Muñoz" || v.CircleName != "Leaders" || len(v.CheckIns) != 0 || v.Stale {
		t.Errorf("view = %+v", v)
	}
	personal := goal(t, svc, ana, nil, goals.GoalInput{ProgressMode: model.ProgressManual, Progress: 40, Visibility: model.Shared})
	if personal.Goal.CircleID != nil || personal.Goal.Progress != 40 || personal.CircleName != "" {
		t.Errorf("personal goal = %+v", personal)
	}
}

func TestCreateGoalRejects(t *testing.T) {
	seven := tasks("1", "2", "3", "4", "5", "6", "7")
	for _, tt := range []struct {
		name   string
		edit   func(*goals.GoalInput)
		fields []string
	}{
		{"empty title", func(in *goals.GoalInput) { in.Title = "  " }, []string{"title"}},
		{"long title", func(in *goals.GoalInput) { in.Title = strings.Repeat("x", 201) }, []string{"title"}},
		{"progress over 100", func(in *goals.GoalInput) { in.ProgressMode, in.Progress = model.ProgressManual, 101 }, []string{"progress"}},
		{"progress below 0", func(in *goals.GoalInput) { in.Progress = -1 }, []string{"progress"}},
		{"target before creation", func(in *goals.GoalInput) { in.TargetDate = "2026-11-24" }, []string{"targetDate"}},
		{"target not a date", func(in *goals.GoalInput) { in.TargetDate = "2026-02-30" }, []string{"targetDate"}},
		{"seven tasks", func(in *goals.GoalInput) { in.Tasks = seven }, []string{"tasks"}},
		{"a task without a title", func(in *goals.GoalInput) { in.Tasks = tasks("One", " ") }, []string{"tasks"}},
		{"status", func(in *goals.GoalInput) { in.Status = "done" }, []string{"status"}},
		{"mode", func(in *goals.GoalInput) { in.ProgressMode = "auto" }, []string{"progressMode"}},
		{"visibility", func(in *goals.GoalInput) { in.Visibility = "public" }, []string{"visibility"}},
		{"circle not theirs", func(in *goals.GoalInput) { other := uint(999); in.CircleID = &other }, []string{"circleId"}},
		{"all at once", func(in *goals.GoalInput) {
			in.Title, in.Progress, in.TargetDate, in.Tasks = "", 120, "2020-01-01", seven
		}, []string{"title", "targetDate", "progress", "tasks"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			c, ana := member(f)
			in := goals.GoalInput{PersonID: ana.ID, CircleID: &c.ID, Title: "Grow", TargetDate: "2026-11-25"}
			tt.edit(&in)
			before := counts(f)
			_, err := svc.Create(in)
			testdb.WantFields(t, err, tt.fields...)
			if after := counts(f); !maps.Equal(before, after) {
				t.Errorf("rows %v after a refused create, want %v", after, before)
			}
		})
	}
}

func TestCreateGoalForNobody(t *testing.T) {
	svc, f := setup(t)
	_, err := svc.Create(goals.GoalInput{PersonID: 999, Title: "Grow"})
	testdb.WantError(t, err, apperr.NotFound, "")
	if n := f.Count("goals"); n != 0 {
		t.Errorf("goals = %d, want 0", n)
	}
}

func TestUpdateGoal(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	v := goal(t, svc, ana, &c, goals.GoalInput{Tasks: tasks("Keep", "Drop", "Tick")})
	kept, dropped, ticked := v.Goal.Tasks[0], v.Goal.Tasks[1], v.Goal.Tasks[2]
	in := goals.GoalInput{Title: "Become a staff engineer", Status: model.GoalAtRisk, TargetDate: "2027-01-31", Visibility: model.Shared,
		Tasks: []goals.TaskInput{{ID: ticked.ID, Title: "Tick", Done: true}, {ID: kept.ID, Title: "Keep, renamed"}, {Title: "New"}}}
	got, err := svc.Update(v.Goal.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	g := got.Goal
	if g.Title != "Become a staff engineer" || g.Status != model.GoalAtRisk || g.Visibility != model.Shared || g.CircleID != nil {
		t.Errorf("goal = %+v", g)
	}
	if len(g.Tasks) != 3 || g.Tasks[0].ID != ticked.ID || !g.Tasks[0].Done || g.Tasks[1].UUID != kept.UUID ||
		g.Tasks[1].Title != "Keep, renamed" || g.Tasks[2].Title != "New" || g.Progress != 33 {
		t.Errorf("tasks = %+v, progress %d", g.Tasks, g.Progress)
	}
	if n := f.Count("goal_tasks"); n != 3 {
		t.Errorf("goal_tasks = %d, want 3 (%q removed)", n, dropped.Title)
	}

	before := counts(f)
	_, err = svc.Update(v.Goal.ID, goals.GoalInput{Title: "x", TargetDate: "2026-11-01", Tasks: []goals.TaskInput{{ID: 12345, Title: "y"}}})
	testdb.WantFields(t, err, "targetDate", "tasks")
	if after := counts(f); !maps.Equal(before, after) {
		t.Errorf("rows %v after a refused update, want %v", after, before)
	}
	_, err = svc.Update(999, in)
	testdb.WantError(t, err, apperr.NotFound, "")
}

func TestTickTask(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	v := goal(t, svc, ana, &c, goals.GoalInput{Tasks: tasks("One", "Two")})
	got, err := svc.TickTask(v.Goal.Tasks[1].ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if got.Goal.Progress != 50 || !got.Goal.Tasks[1].Done || got.Goal.Tasks[1].DoneOn != "2026-11-25" {
		t.Errorf("after ticking: progress %d, tasks %+v", got.Goal.Progress, got.Goal.Tasks)
	}
	got, err = svc.TickTask(v.Goal.Tasks[1].ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if got.Goal.Progress != 0 || got.Goal.Tasks[1].Done || got.Goal.Tasks[1].DoneOn != "" {
		t.Errorf("after unticking: progress %d, tasks %+v", got.Goal.Progress, got.Goal.Tasks)
	}
	_, err = svc.TickTask(999, true)
	testdb.WantError(t, err, apperr.NotFound, "")
}
