package store_test

import (
	"errors"
	"slices"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Migration 2026-12-03-goal-items: on either engine, a goal links each item
// once, and a goal's delete or an item's delete takes its links with it.
func TestGoalItemsTable(t *testing.T) {
	st, f := testdb.New(t)
	applied, err := st.Applied()
	if err != nil || !slices.Contains(applied, "2026-12-03-goal-items") {
		t.Fatalf("Applied() = %v, %v; want 2026-12-03-goal-items", applied, err)
	}
	p := f.Person("Ana Muñoz")
	fw := model.Framework{Name: "Core skills", Items: []model.FrameworkItem{{Name: "Listening"}, {Position: 1, Name: "Feedback"}}}
	if err := st.DB.Create(&fw).Error; err != nil {
		t.Fatal(err)
	}
	newGoal := func() model.Goal {
		g := model.Goal{PersonID: p.ID, Title: "Grow", Status: model.GoalActive, ProgressMode: model.ProgressTasks, Visibility: model.Shared}
		if err := st.DB.Create(&g).Error; err != nil {
			t.Fatal(err)
		}
		for _, it := range fw.Items {
			if err := st.DB.Create(&model.GoalItem{GoalID: g.ID, FrameworkItemID: it.ID}).Error; err != nil {
				t.Fatal(err)
			}
		}
		return g
	}
	g := newGoal()
	err = st.DB.Create(&model.GoalItem{GoalID: g.ID, FrameworkItemID: fw.Items[0].ID}).Error
	if !errors.Is(err, gorm.ErrDuplicatedKey) {
		t.Errorf("a second link to the same item: %v, want a duplicate key", err)
	}
	err = st.DB.Create(&model.GoalItem{GoalID: g.ID, FrameworkItemID: 99999}).Error
	if !errors.Is(err, gorm.ErrForeignKeyViolated) {
		t.Errorf("a link to no item: %v, want a foreign key violation", err)
	}
	if err := st.DB.Delete(&model.Goal{}, g.ID).Error; err != nil {
		t.Fatal(err)
	}
	if n := f.Count("goal_items"); n != 0 {
		t.Errorf("%d links left after their goal's delete", n)
	}
	newGoal()
	if err := st.DB.Delete(&model.FrameworkItem{}, fw.Items[0].ID).Error; err != nil {
		t.Fatal(err)
	}
	if n := f.Count("goal_items"); n != 1 {
		t.Errorf("%d links after an item's delete, want the other item's 1", n)
	}
}
