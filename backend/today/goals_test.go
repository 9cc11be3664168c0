package today

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// goalRecount is goalSQL as it was before it read one status at a time:
// every open goal, sorted at risk first. The test holds goalRows to it.
const goalRecount = `SELECT * FROM (SELECT g.id, g.title, g.status, g.person_id, p.name AS person, g.circle_id,
		COALESCE(c.name, '') AS circle, COALESCE(c.time_zone, '') AS time_zone, g.created_at,
		(SELECT MAX(k.checked_on) FROM goal_checkins k WHERE k.goal_id = g.id) AS last_check
	FROM goals g JOIN people p ON p.id = g.person_id
	LEFT JOIN circles c ON c.id = g.circle_id
	WHERE g.status IN ('active', 'at_risk') AND (c.id IS NULL OR ` + activeCircle + `)) q
WHERE q.status = 'at_risk' OR q.last_check < ? OR (q.last_check IS NULL AND q.created_at < ?)
ORDER BY q.status DESC, COALESCE(q.last_check, ''), q.id
LIMIT ?`

// TestGoalRowsMatchRecount checks that goalRows finds the goals, in the
// order, that the one query over every open goal did: with more goals at
// risk than a rule reads (the active ones never read), and with few.
func TestGoalRowsMatchRecount(t *testing.T) {
	for _, atRisk := range []int{70, 10} { // percent of goals at risk
		t.Run(fmt.Sprint(atRisk, "% at risk"), func(t *testing.T) {
			st, f := testdb.New(t)
			r := rand.New(rand.NewPCG(uint64(atRisk), 11))
			circles := []model.Circle{f.Circle("Open"), f.Circle("Done", func(c *model.Circle) { c.Status = model.CircleArchived })}
			people := []model.Person{f.Person("Ana"), f.Person("Emre"), f.Person("Chidi")}
			day := func(days int) time.Time { return testdb.Today.AddDate(0, 0, -days) }
			for i := range 450 {
				g := model.Goal{PersonID: people[i%3].ID, Title: fmt.Sprint("Goal ", i), Status: model.GoalActive,
					ProgressMode: model.ProgressManual, Visibility: "shared"}
				g.CreatedAt = day(r.IntN(90))
				if n := r.IntN(100); n < atRisk {
					g.Status = "at_risk"
				} else if n > 90 {
					g.Status = model.GoalAchieved
				}
				if k := r.IntN(3); k < 2 {
					g.CircleID = &circles[k].ID
				}
				if err := st.DB.Create(&g).Error; err != nil {
					t.Fatal(err)
				}
				for range r.IntN(3) {
					k := model.GoalCheckIn{GoalID: g.ID, Status: model.GoalActive, CheckedOn: day(r.IntN(90)).Format(dateLayout)}
					if err := st.DB.Create(&k).Error; err != nil {
						t.Fatal(err)
					}
				}
			}
			bound := testdb.Today.UTC().AddDate(0, 0, 1-Defaults.GoalQuietDays)
			got, err := goalRows(st.DB, bound, ruleRows)
			if err != nil {
				t.Fatal(err)
			}
			var want []goalRow
			if err := st.DB.Raw(goalRecount, bound.Format(dateLayout), bound, ruleRows).Scan(&want).Error; err != nil {
				t.Fatal(err)
			}
			if len(want) < 100 || !reflect.DeepEqual(got, want) {
				t.Fatalf("goalRows found %d goals, the recount %d (want at least 100, the same):\n%+v\n%+v", len(got), len(want), got, want)
			}
		})
	}
}
