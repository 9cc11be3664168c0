package goals_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/goals"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestStale(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	watched := goal(t, svc, ana, &c, goals.GoalInput{Title: "Watched"})
	ignored := goal(t, svc, ana, &c, goals.GoalInput{Title: "Ignored"})
	achieved := goal(t, svc, ana, &c, goals.GoalInput{Title: "Done", Status: model.GoalAchieved})
	var held []model.Session
	for i, day := range []string{"2026-11-25", "2026-12-09", "2026-12-23"} {
		s := f.Session(c, day+"T17:00", model.SessionHeld)
		f.Mark(s, ana, model.Present)
		held = append(held, s)
		if list, _ := svc.ForCircle(c.ID); i < 2 && anyStale(list) {
			t.Fatalf("flagged after %d held sessions, want none before %d", i+1, goals.StaleAfter)
		}
	}
	f.Session(c, "2027-01-06T17:00", model.SessionPlanned) // planned sessions do not count
	if _, err := svc.CheckIn(held[0].ID, watched.Goal.ID, goals.CheckInInput{Progress: 10, Status: model.GoalActive}); err != nil {
		t.Fatal(err)
	}
	list, err := svc.ForCircle(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	flags := map[string]bool{}
	for _, r := range list.Goals {
		flags[r.Title] = r.Stale
	}
	if want := map[string]bool{"Watched": false, "Ignored": true, "Done": false}; !maps.Equal(flags, want) {
		t.Errorf("stale flags %v, want %v", flags, want)
	}
	v, _ := svc.Get(ignored.Goal.ID)
	if !v.Stale {
		t.Error("the goal's page does not flag it")
	}
	_ = achieved
}

func anyStale(l goals.List) bool {
	for _, r := range l.Goals {
		if r.Stale {
			return true
		}
	}
	return false
}

func TestListsAndOrder(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	bo := f.Person("Bo")
	f.Member(c, bo, model.RoleMentee)
	goal(t, svc, ana, &c, goals.GoalInput{Title: "Achieved", Status: model.GoalAchieved})
	goal(t, svc, ana, &c, goals.GoalInput{Title: "Late target", TargetDate: "2027-12-01"})
	goal(t, svc, ana, &c, goals.GoalInput{Title: "At risk", Status: model.GoalAtRisk})
	goal(t, svc, ana, &c, goals.GoalInput{Title: "Soon", TargetDate: "2027-01-01"})
	goal(t, svc, ana, nil, goals.GoalInput{Title: "Personal"})
	goal(t, svc, bo, &c, goals.GoalInput{Title: "Bo's"})

	mine, err := svc.ForPerson(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := titles(mine), "At risk,Soon,Late target,Personal,Achieved"; got != want || mine.Total != 5 {
		t.Errorf("Ana's goals %s (total %d), want %s", got, mine.Total, want)
	}
	circle, err := svc.ForCircle(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if circle.Total != 5 || circle.Goals[0].PersonName != "Ana Muñoz" || circle.Goals[0].CircleName != "Leaders" {
		t.Errorf("the circle's goals: total %d, first %+v", circle.Total, circle.Goals[0])
	}
	_, err = svc.ForPerson(999)
	testdb.WantError(t, err, apperr.NotFound, "")
	_, err = svc.ForCircle(999)
	testdb.WantError(t, err, apperr.NotFound, "")
}

func titles(l goals.List) string {
	s := ""
	for i, r := range l.Goals {
		if i > 0 {
			s += ","
		}
		s += r.Title
	}
	return s
}

func TestListsAreBounded(t *testing.T) {
	svc, f := setup(t)
	_, ana := member(f)
	for i := range goals.MaxGoals + 3 {
		f.DB.Create(&model.Goal{PersonID: ana.ID, Title: fmt.Sprint(i), Status: model.GoalActive,
			ProgressMode: model.ProgressTasks, Visibility: model.Private})
	}
	l, err := svc.ForPerson(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Goals) != goals.MaxGoals || l.Total != goals.MaxGoals+3 {
		t.Errorf("listed %d of %d, want %d of %d", len(l.Goals), l.Total, goals.MaxGoals, goals.MaxGoals+3)
	}
}

func TestTimelinePages(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	v := goal(t, svc, ana, &c, goals.GoalInput{ProgressMode: model.ProgressManual})
	for i := range goals.MaxCheckIns + 5 {
		f.DB.Create(&model.GoalCheckIn{GoalID: v.Goal.ID, Progress: i % 101, Status: model.GoalActive,
			CheckedOn: fmt.Sprintf("2026-%02d-%02d", 1+i%10, 1+i%28)})
	}
	first, err := svc.Get(v.Goal.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.CheckIns) != goals.MaxCheckIns || first.CheckInCount != goals.MaxCheckIns+5 {
		t.Fatalf("page shows %d of %d check-ins", len(first.CheckIns), first.CheckInCount)
	}
	last := first.CheckIns[len(first.CheckIns)-1]
	rest, err := svc.Timeline(v.Goal.ID, last.CheckedOn, last.ID)
	if err != nil {
		t.Fatal(err)
	}
	all := append(first.CheckIns, rest.CheckIns...)
	if len(rest.CheckIns) != 5 || rest.More {
		t.Errorf("the next page has %d (more: %v), want 5", len(rest.CheckIns), rest.More)
	}
	seen := map[uint]bool{}
	for i, k := range all {
		if seen[k.ID] || (i > 0 && k.CheckedOn > all[i-1].CheckedOn) {
			t.Fatalf("check-in %d (%s) repeated or out of order", k.ID, k.CheckedOn)
		}
		seen[k.ID] = true
	}
	_, err = svc.Timeline(v.Goal.ID, "soon", 1)
	testdb.WantFields(t, err, "beforeOn")
}

func TestDeleteAndRestore(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	s := f.Session(c, "2026-11-25T17:00", model.SessionHeld)
	f.Mark(s, ana, model.Present)
	v := goal(t, svc, ana, &c, goals.GoalInput{Tasks: tasks("One", "Two")})
	if _, err := svc.CheckIn(s.ID, v.Goal.ID, goals.CheckInInput{Progress: 5, Status: model.GoalActive, Note: "started"}); err != nil {
		t.Fatal(err)
	}
	before := counts(f)
	d, err := svc.Delete(v.Goal.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Goal.Tasks) != 2 || len(d.CheckIns) != 1 {
		t.Fatalf("deleted %+v, want its 2 tasks and 1 check-in", d)
	}
	if n := counts(f); n["goals"]+n["goal_tasks"]+n["goal_checkins"] != 0 {
		t.Errorf("rows left after delete: %v", n)
	}
	// The page keeps what Delete returned as JSON, and sends it back.
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var kept goals.Deleted
	if err := json.Unmarshal(data, &kept); err != nil {
		t.Fatal(err)
	}
	back, err := svc.Restore(kept)
	if err != nil {
		t.Fatal(err)
	}
	if after := counts(f); !maps.Equal(before, after) || back.Goal.UUID != v.Goal.UUID || back.CheckIns[0].UUID != d.CheckIns[0].UUID ||
		back.Goal.Tasks[1].UUID != v.Goal.Tasks[1].UUID || *back.CheckIns[0].SessionID != s.ID ||
		!back.Goal.CreatedAt.Equal(v.Goal.CreatedAt) || back.Goal.ID != v.Goal.ID {
		t.Errorf("restored %+v (rows %v), want the goal as it was (rows %v)", back, after, before)
	}
	_, err = svc.Restore(d)
	testdb.WantError(t, err, apperr.Conflict, "")
	_, err = svc.Delete(999)
	testdb.WantError(t, err, apperr.NotFound, "")
}
