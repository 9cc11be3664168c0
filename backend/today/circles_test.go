package today

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"
)

// circleRecount is the quiet-circle rules' query as it was before
// today_circles: every circle that still meets, with its latest held and
// planned session looked up. The tests hold the new queries to its items.
const circleRecount = `SELECT c.id, c.name, c.kind, c.time_zone, c.start_date, c.created_at,
		(SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = 'held') AS last_held,
		(SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = 'planned') AS last_planned
	FROM circles c WHERE ` + activeCircle + ` AND c.status <> 'paused' ORDER BY c.id`

// todayCircle is one row of today_circles.
type todayCircle struct {
	CircleID              uint
	Meets                 int
	LastHeld, LastPlanned string
}

// wantCircles fails unless today_circles equals a recount from the
// sessions, and the quiet-circle rules find, at each of nows, the items a
// look at every circle finds. It returns how many items they found.
func wantCircles(t *testing.T, db *gorm.DB, step string, nows []time.Time) int {
	t.Helper()
	var got, want []todayCircle
	if err := db.Raw(`SELECT circle_id, meets, last_held, last_planned FROM today_circles ORDER BY circle_id`).Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	err := db.Raw(`SELECT c.id AS circle_id, CASE WHEN c.status IN ('archived', 'completed', 'paused') THEN 0 ELSE 1 END AS meets,
		COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = 'held'), '') AS last_held,
		COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = 'planned'), '') AS last_planned
		FROM circles c ORDER BY c.id`).Scan(&want).Error
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: today_circles = %v, but a recount gives %v", step, got, want)
	}
	found := 0
	for _, now := range nows {
		c := clock{now: now, zones: newZones(now), rows: ruleRows}
		var items, again []string
		if err := quietCircles(db, c, Defaults, func(it Item) { items = append(items, it.Key+" "+it.Reason) }); err != nil {
			t.Fatal(err)
		}
		var rows []circleRow
		if err := db.Raw(circleRecount).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if it := circleItem(r, c, Defaults); it.Kind != "" {
				again = append(again, it.Key+" "+it.Reason)
			}
		}
		slices.Sort(items)
		slices.Sort(again)
		if !slices.Equal(items, again) {
			t.Fatalf("%s, at %s: the quiet-circle rules find %q, a look at every circle %q", step, now, items, again)
		}
		found += len(items)
	}
	return found
}
