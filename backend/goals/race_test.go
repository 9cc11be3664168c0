package goals_test

import (
	"sync"
	"testing"

	"circlebook/backend/goals"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// Two programs checking in on the same goals in one session at once, and
// each ticking half of every goal's tasks, leave one check-in a goal and
// every goal at 100%: a goal's row is locked while each writes it
// (PostgreSQL), the file has one writer (SQLite).
func TestTwoWritersOnOneGoal(t *testing.T) {
	a, b := testdb.Twice(t)
	svcs := [2]*goals.Goals{goals.New(a.DB, testdb.Now), goals.New(b.DB, testdb.Now)}
	f := testdb.With(t, a.DB)
	c, ana := member(f)
	s := f.Session(c, "2026-11-25T17:00", model.SessionHeld)
	f.Mark(s, ana, model.Present)
	var all []goals.GoalView
	for range 8 {
		all = append(all, goal(t, svcs[0], ana, &c, goals.GoalInput{Tasks: tasks("1", "2", "3", "4", "5", "6")}))
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for w := range 2 {
		wg.Go(func() {
			<-start
			for _, v := range all {
				if _, err := svcs[w].CheckIn(s.ID, v.Goal.ID, goals.CheckInInput{Progress: w, Status: model.GoalActive}); err != nil {
					t.Error(err)
				}
				for k := w; k < 6; k += 2 {
					if _, err := svcs[w].TickTask(v.Goal.Tasks[k].ID, true); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	close(start)
	wg.Wait()
	for _, v := range all {
		got, err := svcs[1].Get(v.Goal.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.CheckInCount != 1 || got.Goal.Progress != 100 {
			t.Errorf("goal %d: %d check-ins, progress %d; want 1 and 100", v.Goal.ID, got.CheckInCount, got.Goal.Progress)
		}
	}
}
