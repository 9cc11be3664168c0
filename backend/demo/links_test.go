package demo_test

import (
	"testing"

	"circlebook/backend/demo"
	"circlebook/backend/goals"
	"circlebook/backend/growth"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// TestSampleGoalsLinkCoreSkills: some sample goals, shared and private, in
// circles and personal, are linked to Core skills items, and each goal's
// page shows them.
func TestSampleGoalsLinkCoreSkills(t *testing.T) {
	st, f := testdb.New(t)
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	var linked []struct {
		ID         uint
		Visibility string
		Personal   bool
		Items      int
	}
	f.DB.Raw(`SELECT g.id, g.visibility, g.circle_id IS NULL AS personal, COUNT(*) AS items
		FROM goals g JOIN goal_items gi ON gi.goal_id = g.id GROUP BY g.id, g.visibility, g.circle_id ORDER BY g.id`).Scan(&linked)
	shared, private, personal := 0, 0, 0
	for _, g := range linked {
		switch {
		case g.Personal:
			personal++
		case g.Visibility == model.Private:
			private++
		default:
			shared++
		}
	}
	if shared < 8 || private < 1 || personal < 1 {
		t.Errorf("%d shared circle goals, %d private, %d personal linked to skills; want several, one, one", shared, private, personal)
	}
	svc := goals.New(st.DB, testdb.Now)
	for _, g := range linked {
		v, err := svc.Get(g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Items) != g.Items || v.Items[0].FrameworkName != "Core skills" {
			t.Errorf("%q shows %+v, want its %d Core skills items", v.Goal.Title, v.Items, g.Items)
		}
	}
}

// TestSampleMembersDiscussedTopics: the sample's sessions are tagged with
// their topics, so every member's growth story lists topics they discussed.
func TestSampleMembersDiscussedTopics(t *testing.T) {
	st, f := testdb.New(t)
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	var untagged int64
	f.DB.Raw("SELECT COUNT(*) FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM session_topics x WHERE x.session_id = s.id)").Scan(&untagged)
	if untagged != 0 {
		t.Errorf("%d sample sessions have no topic tag", untagged)
	}
	var members []model.Person
	f.DB.Where("id IN (SELECT person_id FROM memberships)").Order("id").Find(&members)
	story := growth.NewStory(st.DB, testdb.Now)
	for _, p := range members {
		st, err := story.Person(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Topics) == 0 {
			t.Errorf("%s's story lists no topics discussed", p.Name)
		}
	}
}
