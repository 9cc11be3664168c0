package growth_test

import (
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/store"
)

func open(t *testing.T) (*store.Store, testdb.Fixture) {
	t.Helper()
	return testdb.New(t)
}

// tables are the growth tables, for "nothing was written" checks.
var tables = []string{"goals", "goal_tasks", "goal_checkins", "milestones", "frameworks", "framework_items",
	"circle_frameworks", "skill_ratings", "session_feedback"}

func counts(f testdb.Fixture) map[string]int64 {
	out := map[string]int64{}
	for _, table := range tables {
		out[table] = f.Count(table)
	}
	return out
}

// circleOf adds a circle with one mentee and returns both.
func circleOf(f testdb.Fixture) (model.Circle, model.Person) {
	c := f.Circle("Leaders")
	p := f.Person("Ana Muñoz")
	f.Member(c, p, model.RoleMentee)
	return c, p
}
