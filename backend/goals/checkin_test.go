package goals_test

import (
	"maps"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/goals"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestCheckIn(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	s := f.Session(c, "2026-12-09T17:00", model.SessionHeld)
	f.Mark(s, ana, model.Late)
	manual := goal(t, svc, ana, &c, goals.GoalInput{ProgressMode: model.ProgressManual, Progress: 10})
	byTasks := goal(t, svc, ana, nil, goals.GoalInput{Title: "Certify", Status: model.GoalAtRisk, Tasks: tasks("Study", "Pass")})

	v, err := svc.CheckIn(s.ID, manual.Goal.ID, goals.CheckInInput{Progress: 40, Status: model.GoalAtRisk, Note: " behind on the course "})
	if err != nil {
		t.Fatal(err)
	}
	if v.Goal.Progress != 40 || v.Goal.Status != model.GoalAtRisk || len(v.CheckIns) != 1 {
		t.Fatalf("after check-in: %+v", v)
	}
	k := v.CheckIns[0]
	if *k.SessionID != s.ID || k.CheckedOn != "2026-12-09" || k.Note != "behind on the course" || k.Progress != 40 || k.UUID == "" {
		t.Errorf("check-in = %+v", k)
	}
	v, err = svc.CheckIn(s.ID, manual.Goal.ID, goals.CheckInInput{Progress: 45, Status: model.GoalActive, Note: "caught up"})
	if err != nil {
		t.Fatal(err)
	}
	if v.CheckInCount != 1 || v.CheckIns[0].UUID != k.UUID || v.CheckIns[0].Progress != 45 {
		t.Errorf("a second check-in in the same session: %d check-ins, %+v; want the first one changed", v.CheckInCount, v.CheckIns)
	}
	// A personal goal checks in anywhere its person is; its progress stays
	// its tasks', its status the goal's when none is given.
	v, err = svc.CheckIn(s.ID, byTasks.Goal.ID, goals.CheckInInput{Progress: 90})
	if err != nil {
		t.Fatal(err)
	}
	if v.Goal.Progress != 0 || v.CheckIns[0].Progress != 0 || v.CheckIns[0].Status != model.GoalAtRisk {
		t.Errorf("tasks-mode goal: progress %d, check-in %+v; want 0 (its tasks'), at risk", v.Goal.Progress, v.CheckIns[0])
	}
	panel, err := svc.ForSession(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(panel) != 2 || panel[0].CheckIn == nil || panel[1].CheckIn == nil || panel[0].PersonName != "Ana Muñoz" {
		t.Errorf("panel = %+v", panel)
	}
}

func TestCheckInRejects(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	other := f.Circle("Other")
	bo := f.Person("Bo")
	f.Member(c, bo, model.RoleMentee)
	f.Member(other, ana, model.RoleMentee)
	s := f.Session(c, "2026-12-09T17:00", model.SessionHeld)
	elsewhere := f.Session(other, "2026-12-09T17:00", model.SessionHeld)
	f.Mark(s, ana, model.Present)
	f.Mark(s, bo, model.Absent)
	f.Mark(elsewhere, ana, model.Present)
	anas := goal(t, svc, ana, &c, goals.GoalInput{})
	bos := goal(t, svc, bo, &c, goals.GoalInput{})
	ok := goals.CheckInInput{Progress: 50, Status: model.GoalActive}
	for _, tt := range []struct {
		name            string
		session, goalID uint
		in              goals.CheckInInput
		code            apperr.Code
		fields          []string
	}{
		{"absent person", s.ID, bos.Goal.ID, ok, apperr.Invalid, []string{"goalId"}},
		{"goal of another circle", elsewhere.ID, anas.Goal.ID, ok, apperr.Invalid, []string{"goalId"}},
		{"progress over 100", s.ID, anas.Goal.ID, goals.CheckInInput{Progress: 101}, apperr.Invalid, []string{"progress"}},
		{"bad status and two lines", s.ID, anas.Goal.ID, goals.CheckInInput{Status: "meh", Note: "a\nb"}, apperr.Invalid, []string{"status", "note"}},
		{"no session", 999, anas.Goal.ID, ok, apperr.NotFound, nil},
		{"no goal", s.ID, 999, ok, apperr.NotFound, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := counts(f)
			_, err := svc.CheckIn(tt.session, tt.goalID, tt.in)
			if tt.fields == nil {
				testdb.WantError(t, err, tt.code, "")
			} else {
				testdb.WantFields(t, err, tt.fields...)
			}
			if after := counts(f); !maps.Equal(before, after) {
				t.Errorf("rows %v after a refused check-in, want %v", after, before)
			}
		})
	}
	// Unmarked is not present either.
	f.DB.Exec("DELETE FROM attendance WHERE person_id = ?", ana.ID)
	_, err := svc.CheckIn(s.ID, anas.Goal.ID, ok)
	testdb.WantFields(t, err, "goalId")
}

func TestSetProgress(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	v := goal(t, svc, ana, &c, goals.GoalInput{ProgressMode: model.ProgressManual})
	got, err := svc.SetProgress(v.Goal.ID, goals.ProgressInput{Progress: 60, Note: "passed the first exam", On: "2026-11-20"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Goal.Progress != 60 || len(got.CheckIns) != 1 || got.CheckIns[0].SessionID != nil ||
		got.CheckIns[0].CheckedOn != "2026-11-20" || got.CheckIns[0].Note != "passed the first exam" {
		t.Errorf("after setting progress: %+v", got)
	}
	byTasks := goal(t, svc, ana, &c, goals.GoalInput{Tasks: tasks("One")})
	for _, tt := range []struct {
		name   string
		id     uint
		in     goals.ProgressInput
		fields []string
	}{
		{"goal follows its tasks", byTasks.Goal.ID, goals.ProgressInput{Progress: 10}, []string{"progress"}},
		{"over 100, in the future", v.Goal.ID, goals.ProgressInput{Progress: 101, On: "2026-11-26"}, []string{"progress", "on"}},
		{"not a date", v.Goal.ID, goals.ProgressInput{Progress: 1, On: "yesterday"}, []string{"on"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := counts(f)
			_, err := svc.SetProgress(tt.id, tt.in)
			testdb.WantFields(t, err, tt.fields...)
			if after := counts(f); !maps.Equal(before, after) {
				t.Errorf("rows %v after a refusal, want %v", after, before)
			}
		})
	}
}
