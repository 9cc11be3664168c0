package demo_test

import (
	"maps"
	"testing"

	"circlebook/backend/demo"
	"circlebook/backend/goals"
	"circlebook/backend/growth"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// growthTables are the tables the sample's growth fills.
var growthTables = []string{"goals", "goal_tasks", "goal_checkins", "milestones", "frameworks", "framework_items",
	"circle_frameworks", "skill_ratings", "session_feedback", "goal_items"}

func growthCounts(f testdb.Fixture) map[string]int64 {
	out := map[string]int64{}
	for _, table := range growthTables {
		out[table] = f.Count(table)
	}
	return out
}

// TestSampleTellsAYearOfGrowth: every member of a sample circle has one to
// three goals, checked in on across held sessions; some are achieved, one
// is at risk (and flagged, having gone without a check-in); there is a
// promotion, a private goal and a private milestone, skill ratings before
// and after on the sample framework, and feedback after most held sessions.
func TestSampleTellsAYearOfGrowth(t *testing.T) {
	st, f := testdb.New(t)
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	var perMember []struct {
		Name  string
		Goals int
	}
	f.DB.Raw(`SELECT p.name, (SELECT COUNT(*) FROM goals g WHERE g.person_id = p.id) AS goals FROM people p
		WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id)`).Scan(&perMember)
	if len(perMember) != 24 {
		t.Fatalf("%d members in the sample, want 24", len(perMember))
	}
	for _, m := range perMember {
		if m.Goals < 1 || m.Goals > 3 {
			t.Errorf("%s has %d goals, want 1-3", m.Name, m.Goals)
		}
	}
	byStatus := map[string]int{}
	var statuses []string
	f.DB.Model(&model.Goal{}).Pluck("status", &statuses)
	for _, s := range statuses {
		byStatus[s]++
	}
	if byStatus[model.GoalAchieved] < 5 || byStatus[model.GoalAtRisk] != 1 || byStatus[model.GoalActive] < 10 {
		t.Errorf("goals by status %v, want several achieved, one at risk, most active", byStatus)
	}
	var lonely int64
	f.DB.Raw(`SELECT COUNT(*) FROM goals g WHERE (SELECT COUNT(*) FROM goal_checkins k WHERE k.goal_id = g.id AND k.session_id IS NOT NULL) < 2`).Scan(&lonely)
	if lonely != 0 {
		t.Errorf("%d goals have fewer than two check-ins in sessions", lonely)
	}
	var achievedShort int64
	f.DB.Raw(`SELECT COUNT(*) FROM goals WHERE status = ? AND progress <> 100`, model.GoalAchieved).Scan(&achievedShort)
	if achievedShort != 0 {
		t.Errorf("%d achieved goals are short of 100%%", achievedShort)
	}
	atRiskFlagged(t, f)

	var promotions, privateMilestones, privateGoals int64
	f.DB.Model(&model.Milestone{}).Where("kind = ? AND visibility = ?", model.MilestonePromotion, model.Shared).Count(&promotions)
	f.DB.Model(&model.Milestone{}).Where("visibility = ?", model.Private).Count(&privateMilestones)
	f.DB.Model(&model.Goal{}).Where("visibility = ?", model.Private).Count(&privateGoals)
	if promotions != 1 || privateMilestones < 1 || privateGoals < 1 {
		t.Errorf("%d shared promotions, %d private milestones, %d private goals; want 1, >= 1, >= 1", promotions, privateMilestones, privateGoals)
	}

	var items []string
	f.DB.Raw(`SELECT i.name FROM framework_items i JOIN frameworks fw ON fw.id = i.framework_id WHERE fw.name = 'Core skills' ORDER BY i.position`).Scan(&items)
	if len(items) != 6 || items[0] != "Communication" {
		t.Errorf("Core skills items = %v", items)
	}
	var rated struct{ Before, After, Up int }
	f.DB.Raw(`SELECT SUM(CASE WHEN phase = 'before' THEN 1 ELSE 0 END) AS before, SUM(CASE WHEN phase = 'after' THEN 1 ELSE 0 END) AS after,
		(SELECT COUNT(*) FROM skill_ratings a JOIN skill_ratings b ON b.person_id = a.person_id AND b.circle_id = a.circle_id
		 AND b.framework_item_id = a.framework_item_id AND b.phase = 'before' WHERE a.phase = 'after' AND a.rating > b.rating) AS up
		FROM skill_ratings`).Scan(&rated)
	if rated.Before < 60 || rated.After < 40 || rated.Up < rated.After/3 {
		t.Errorf("ratings %+v: want many before, most rated again after, a good share of them higher", rated)
	}

	var held, withFeedback int64
	f.DB.Model(&model.Session{}).Where("status = ?", model.SessionHeld).Count(&held)
	f.DB.Raw(`SELECT COUNT(*) FROM sessions s WHERE EXISTS (SELECT 1 FROM session_feedback x WHERE x.session_id = s.id AND x.person_id IS NULL)`).Scan(&withFeedback)
	if withFeedback*3 < held*2 || withFeedback == held {
		t.Errorf("group feedback after %d of %d held sessions, want most, not all", withFeedback, held)
	}
}

// atRiskFlagged checks that the at-risk goal has gone without a check-in
// through its circle's last sessions, and its list flags it.
func atRiskFlagged(t *testing.T, f testdb.Fixture) {
	t.Helper()
	var g model.Goal
	if err := f.DB.Where("status = ?", model.GoalAtRisk).Take(&g).Error; err != nil {
		t.Fatal(err)
	}
	list, err := goals.New(f.DB, testdb.Now).ForCircle(*g.CircleID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range list.Goals {
		if r.Stale != (r.ID == g.ID) {
			t.Errorf("%q (%s): stale = %v", r.Title, r.Status, r.Stale)
		}
	}
}

func TestLoadTwiceAddsNoGrowth(t *testing.T) {
	st, f := testdb.New(t)
	d := demo.New(st.DB, testdb.Now)
	if _, err := d.Load(); err != nil {
		t.Fatal(err)
	}
	before := growthCounts(f)
	for table, n := range before {
		if n == 0 {
			t.Errorf("the sample has no %s", table)
		}
	}
	if _, err := d.Load(); err != nil {
		t.Fatal(err)
	}
	if after := growthCounts(f); !maps.Equal(after, before) {
		t.Errorf("row counts changed from %v to %v", before, after)
	}
}

// TestSampleGrowthIsTheSameOnAnyMachine: the growth records' UUIDs are the
// same in two loads, as the circles' are, so two laptops' samples merge.
func TestSampleGrowthIsTheSameOnAnyMachine(t *testing.T) {
	uuids := func() []string {
		st := testdb.Open(t)
		if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, table := range growthTables {
			if table == "circle_frameworks" || table == "goal_items" { // links, without UUIDs
				continue
			}
			var some []string
			st.DB.Table(table).Order("uuid").Pluck("uuid", &some)
			out = append(out, some...)
		}
		return out
	}
	a, b := uuids(), uuids()
	if len(a) < 300 || len(a) != len(b) {
		t.Fatalf("got %d and %d UUIDs", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("UUIDs differ between two loads (%s vs %s)", a[i], b[i])
		}
	}
}

// TestSampleReusesAFrameworkOfItsName: a leader's own "core skills"
// framework (kept after they deleted the sample, say) is used, not
// duplicated, and only its items that the sample knows are rated.
func TestSampleReusesAFrameworkOfItsName(t *testing.T) {
	st, f := testdb.New(t)
	own, err := growth.NewFrameworks(st.DB, testdb.Now).Create(growth.FrameworkInput{Name: "core SKILLS", Items: []string{"Listening", "Communication"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	var items []string
	f.DB.Raw("SELECT DISTINCT i.name FROM skill_ratings r JOIN framework_items i ON i.id = r.framework_item_id ORDER BY 1").Scan(&items)
	if n := f.Count("frameworks"); n != 1 || f.Count("circle_frameworks") != 4 || len(items) != 1 || items[0] != "Communication" {
		t.Errorf("%d frameworks, %d uses, rated items %v; want the leader's %q used by 4 circles, Communication rated", n, f.Count("circle_frameworks"), items, own.Name)
	}
}
