package today

import (
	"strings"
	"testing"

	"circlebook/backend/internal/testdb"
)

// TestDriftingPlanStopsEarly checks that the drifting rule walks each
// member's latest miss newest first and stops at its LIMIT: no sort or
// grouping of every absence in the file (what made Today take over 100 ms
// at 1,000 circles). SQLite only: the plan is the engine's; never ANALYZEd.
func TestDriftingPlanStopsEarly(t *testing.T) {
	testdb.SQLiteOnly(t)
	st := testdb.Open(t)
	var rows []struct{ Detail string }
	err := st.DB.Raw("EXPLAIN QUERY PLAN "+missedSQL, Defaults.DriftWindow-1, Defaults.DriftMissed, ruleRows).Scan(&rows).Error
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for _, r := range rows {
		plan = append(plan, r.Detail)
	}
	text := strings.Join(plan, "\n")
	if !strings.HasPrefix(plan[0], "SEARCH t USING COVERING INDEX idx_today_streaks_last_absent") {
		t.Errorf("plan does not start from the members' latest misses:\n%s", text)
	}
	for _, bad := range []string{"MATERIALIZE", "GROUP BY", "USE TEMP B-TREE", "SCAN "} {
		if strings.Contains(text, bad) {
			t.Errorf("plan has %q:\n%s", bad, text)
		}
	}
}
