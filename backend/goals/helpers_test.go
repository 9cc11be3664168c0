package goals_test

import (
	"testing"

	"circlebook/backend/goals"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func setup(t *testing.T) (*goals.Goals, testdb.Fixture) {
	t.Helper()
	st, f := testdb.New(t)
	return goals.New(st.DB, testdb.Now), f
}

// growthTables are the tables a goal write touches, for "nothing was written" checks.
var growthTables = []string{"goals", "goal_tasks", "goal_checkins", "goal_items"}

func counts(f testdb.Fixture) map[string]int64 {
	out := map[string]int64{}
	for _, table := range growthTables {
		out[table] = f.Count(table)
	}
	return out
}

// member adds a circle with one mentee and returns both.
func member(f testdb.Fixture) (model.Circle, model.Person) {
	c := f.Circle("Leaders")
	p := f.Person("Ana Muñoz")
	f.Member(c, p, model.RoleMentee)
	return c, p
}

// goal creates a goal for p in c through the service.
func goal(t *testing.T, svc *goals.Goals, p model.Person, c *model.Circle, in goals.GoalInput) goals.GoalView {
	t.Helper()
	in.PersonID = p.ID
	if c != nil {
		in.CircleID = &c.ID
	}
	if in.Title == "" {
		in.Title = "Become a cloud engineer"
	}
	v, err := svc.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func tasks(titles ...string) []goals.TaskInput {
	out := make([]goals.TaskInput, len(titles))
	for i, title := range titles {
		out[i] = goals.TaskInput{Title: title}
	}
	return out
}
