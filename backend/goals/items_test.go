package goals_test

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"circlebook/backend/goals"
	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// framework makes a framework with items named names, used by the circles cs.
func framework(t *testing.T, f testdb.Fixture, name string, names []string, cs ...model.Circle) model.Framework {
	t.Helper()
	fw := model.Framework{Name: name}
	for i, n := range names {
		fw.Items = append(fw.Items, model.FrameworkItem{Position: i, Name: n})
	}
	if err := f.DB.Create(&fw).Error; err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if err := f.DB.Create(&model.CircleFramework{CircleID: c.ID, FrameworkID: fw.ID}).Error; err != nil {
			t.Fatal(err)
		}
	}
	return fw
}

// itemNames lists a view's linked items as "framework / item".
func itemNames(v goals.GoalView) []string {
	out := []string{}
	for _, it := range v.Items {
		out = append(out, it.FrameworkName+" / "+it.Name)
	}
	return out
}

func TestGoalItems(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	core := framework(t, f, "Core skills", []string{"Listening", "Prioritization", "Feedback"}, c)
	other := framework(t, f, "Principles", []string{"Ownership"})
	listening, prio, feedback := core.Items[0].ID, core.Items[1].ID, core.Items[2].ID

	v := goal(t, svc, ana, &c, goals.GoalInput{ItemIDs: []uint{feedback, listening, feedback}})
	if got, want := itemNames(v), []string{"Core skills / Listening", "Core skills / Feedback"}; !slices.Equal(got, want) {
		t.Errorf("linked %v, want %v (repeats once, in the framework's order)", got, want)
	}
	if v.Items[0].ID != listening || v.Items[0].FrameworkID != core.ID {
		t.Errorf("item = %+v, want Listening of %d", v.Items[0], core.ID)
	}
	personal := goal(t, svc, ana, nil, goals.GoalInput{Title: "Own it", ItemIDs: []uint{other.Items[0].ID, prio}})
	if got, want := itemNames(personal), []string{"Core skills / Prioritization", "Principles / Ownership"}; !slices.Equal(got, want) {
		t.Errorf("a personal goal links %v, want %v (any framework's)", got, want)
	}

	// Left out, the links stay; given, they replace; empty, they go.
	in := goals.GoalInput{CircleID: &c.ID, Title: "Renamed"}
	steps := []struct {
		ids  []uint
		want []string
	}{
		{nil, []string{"Core skills / Listening", "Core skills / Feedback"}},
		{[]uint{prio}, []string{"Core skills / Prioritization"}},
		{[]uint{}, []string{}},
	}
	for _, step := range steps {
		in.ItemIDs = step.ids
		v, err := svc.Update(v.Goal.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if got := itemNames(v); !slices.Equal(got, step.want) {
			t.Errorf("update with %v links %v, want %v", step.ids, got, step.want)
		}
	}
	if got, _ := svc.Get(personal.Goal.ID); len(got.Items) != 2 {
		t.Errorf("the other goal's links changed: %v", itemNames(got))
	}
}

func TestGoalItemsRejects(t *testing.T) {
	nine := make([]string, 9)
	for i := range nine {
		nine[i] = string(rune('a' + i))
	}
	for _, tt := range []struct {
		name string
		ids  func(core, other model.Framework) []uint
	}{
		{"an item of a framework the circle does not use", func(core, other model.Framework) []uint {
			return []uint{core.Items[0].ID, other.Items[0].ID}
		}},
		{"an item that does not exist", func(core, _ model.Framework) []uint { return []uint{core.Items[0].ID, 99999} }},
		{"more than the cap", func(core, _ model.Framework) []uint {
			var ids []uint
			for _, it := range core.Items {
				ids = append(ids, it.ID)
			}
			return ids
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			c, ana := member(f)
			core := framework(t, f, "Core skills", nine, c)
			other := framework(t, f, "Principles", []string{"Ownership"})
			ids := tt.ids(core, other)
			before := counts(f)
			_, err := svc.Create(goals.GoalInput{PersonID: ana.ID, CircleID: &c.ID, Title: "Grow", ItemIDs: ids})
			testdb.WantFields(t, err, "itemIds")
			if after := counts(f); !maps.Equal(before, after) {
				t.Errorf("rows %v after a refused create, want %v", after, before)
			}
			v := goal(t, svc, ana, &c, goals.GoalInput{Title: "Grow", ItemIDs: []uint{core.Items[1].ID}})
			before = counts(f)
			_, err = svc.Update(v.Goal.ID, goals.GoalInput{CircleID: &c.ID, Title: "Changed", ItemIDs: ids})
			testdb.WantFields(t, err, "itemIds")
			got, _ := svc.Get(v.Goal.ID)
			if after := counts(f); !maps.Equal(before, after) || got.Goal.Title != "Grow" || len(got.Items) != 1 || got.Items[0].ID != core.Items[1].ID {
				t.Errorf("after a refused update: rows %v (want %v), %q linked to %v", after, before, got.Goal.Title, itemNames(got))
			}
		})
	}
}

// A goal moved to a circle whose frameworks lack its items is refused on
// its items, even when the form leaves them out.
func TestGoalItemsFollowTheCircle(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	other := f.Circle("Builders")
	f.Member(other, ana, model.RoleMentee)
	core := framework(t, f, "Core skills", []string{"Listening"}, c)
	v := goal(t, svc, ana, &c, goals.GoalInput{ItemIDs: []uint{core.Items[0].ID}})
	_, err := svc.Update(v.Goal.ID, goals.GoalInput{CircleID: &other.ID, Title: "Moved"})
	testdb.WantFields(t, err, "itemIds")
	if _, err := svc.Update(v.Goal.ID, goals.GoalInput{CircleID: &other.ID, Title: "Moved", ItemIDs: []uint{}}); err != nil {
		t.Errorf("moving it without its items: %v", err)
	}
}

func TestDeleteAndRestoreKeepItems(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	core := framework(t, f, "Core skills", []string{"Listening", "Prioritization", "Feedback"}, c)
	v := goal(t, svc, ana, &c, goals.GoalInput{ItemIDs: []uint{core.Items[0].ID, core.Items[2].ID}})
	d, err := svc.Delete(v.Goal.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := f.Count("goal_items"); n != 0 || len(d.ItemIDs) != 2 {
		t.Fatalf("after delete: %d links left, %v kept for the undo", n, d.ItemIDs)
	}
	data, _ := json.Marshal(d)
	var kept goals.Deleted
	if err := json.Unmarshal(data, &kept); err != nil {
		t.Fatal(err)
	}
	back, err := svc.Restore(kept)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := itemNames(back), itemNames(v); !slices.Equal(got, want) {
		t.Errorf("restored links %v, want %v", got, want)
	}
	// An item deleted meanwhile is dropped from the links a restore writes.
	d, _ = svc.Delete(v.Goal.ID)
	if err := f.DB.Delete(&model.FrameworkItem{}, core.Items[0].ID).Error; err != nil {
		t.Fatal(err)
	}
	back, err = svc.Restore(d)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := itemNames(back), []string{"Core skills / Feedback"}; !slices.Equal(got, want) {
		t.Errorf("restored links %v, want %v", got, want)
	}
}

// The live Goals panel flags a goal as its page does, and reads the flags
// for all its goals in the same few statements, however many goals it shows.
func TestSessionPanelStale(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	watched := goal(t, svc, ana, &c, goals.GoalInput{Title: "Watched"})
	goal(t, svc, ana, &c, goals.GoalInput{Title: "Ignored"})
	goal(t, svc, ana, nil, goals.GoalInput{Title: "Personal"})
	var held []model.Session
	for _, day := range []string{"2026-11-25", "2026-12-09", "2026-12-23"} {
		s := f.Session(c, day+"T17:00", model.SessionHeld)
		f.Mark(s, ana, model.Present)
		held = append(held, s)
	}
	if _, err := svc.CheckIn(held[0].ID, watched.Goal.ID, goals.CheckInInput{Progress: 10, Status: model.GoalActive}); err != nil {
		t.Fatal(err)
	}
	rec, err := plantest.Attach(f.DB)
	if err != nil {
		t.Fatal(err)
	}
	panel, err := svc.ForSession(held[2].ID)
	if err != nil {
		t.Fatal(err)
	}
	few := len(rec.Take())
	flags := map[string]bool{}
	for _, g := range panel {
		flags[g.Title] = g.Stale
		if page, _ := svc.Get(g.ID); page.Stale != g.Stale {
			t.Errorf("%s: the panel says stale=%v, its page %v", g.Title, g.Stale, page.Stale)
		}
	}
	if want := map[string]bool{"Watched": false, "Ignored": true, "Personal": false}; !maps.Equal(flags, want) {
		t.Errorf("panel stale flags %v, want %v", flags, want)
	}
	for i := range 10 {
		goal(t, svc, ana, &c, goals.GoalInput{Title: "More " + string(rune('a'+i))})
	}
	rec.Take()
	if _, err := svc.ForSession(held[2].ID); err != nil {
		t.Fatal(err)
	}
	if many := len(rec.Take()); many != few {
		t.Errorf("the panel ran %d statements for 3 goals and %d for 13: want the same", few, many)
	}
}

// TestListRowsCarryItems: a person's goal list gives each goal its own
// linked items (the person page's chips), read for all the rows at once.
func TestListRowsCarryItems(t *testing.T) {
	svc, f := setup(t)
	c, ana := member(f)
	core := framework(t, f, "Core skills", []string{"Listening", "Prioritization"}, c)
	linked := goal(t, svc, ana, &c, goals.GoalInput{ItemIDs: []uint{core.Items[1].ID, core.Items[0].ID}})
	bare := goal(t, svc, ana, nil, goals.GoalInput{Title: "Nothing linked"})
	list, err := svc.ForPerson(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[uint][]string{}
	for _, r := range list.Goals {
		names := []string{}
		for _, it := range r.Items {
			names = append(names, it.FrameworkName+" / "+it.Name)
		}
		got[r.ID] = names
	}
	if want := []string{"Core skills / Listening", "Core skills / Prioritization"}; !slices.Equal(got[linked.Goal.ID], want) {
		t.Errorf("the linked goal's row has %v, want %v", got[linked.Goal.ID], want)
	}
	if items, ok := got[bare.Goal.ID]; !ok || len(items) != 0 {
		t.Errorf("the bare goal's row has %v (listed %v), want none", items, ok)
	}
	if b, _ := json.Marshal(list.Goals); !strings.Contains(string(b), `"items":[]`) {
		t.Errorf("a row without links marshals without an empty items list: %s", b)
	}
}
