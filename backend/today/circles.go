package today

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// quietSQL reads the meeting circles (not archived, completed or paused)
// that held nothing since ? (those that never met: started, or made,
// before it), and plannedSQL those with nothing planned from ? on, but for
// those that held nothing since ? (quiet, whatever their zone): each
// walks its partial index of today_circles (kept by triggers) from the old
// end, in order, and stops at the limit. A circle that never met is read
// first and kept only if it started before the bound.
const (
	circleSelect = `SELECT c.id, c.name, c.kind, c.time_zone, c.start_date, c.created_at,
	NULLIF(t.last_held, '') AS last_held, NULLIF(t.last_planned, '') AS last_planned
FROM today_circles t JOIN circles c ON c.id = t.circle_id
WHERE t.meets = 1 AND `
	quietSQL = circleSelect + `t.last_held < ?
	AND (t.last_held <> '' OR (c.start_date <> '' AND c.start_date < ?) OR (c.start_date = '' AND c.created_at < ?))
ORDER BY t.last_held, t.circle_id
LIMIT ?`
	plannedSQL = circleSelect + `t.last_planned < ? AND (t.last_held = '' OR t.last_held >= ?)
ORDER BY t.last_planned, t.circle_id
LIMIT ?`
)

// circleRow is a circle's latest sessions.
type circleRow struct {
	ID                    uint
	Name, Kind, TimeZone  string
	StartDate             string
	CreatedAt             time.Time
	LastHeld, LastPlanned *string
}

// quietCircles finds circles and pairs (not archived, completed or paused)
// with no session held in more than QuietDays, in their zone (a circle
// that never met counts from its start date, or from when it was made),
// or with no planned session still to come. A quiet circle with nothing
// planned is one item. The basis is the last held session, so a dismissal
// holds until the circle meets again. Each kind comes from one query, in
// its order: quiet ones from quietSQL, the others from plannedSQL.
func quietCircles(tx *gorm.DB, c clock, s Settings, add func(Item)) error {
	bound := sqlDay(c.now, 1-s.QuietDays)
	var quiet, unplanned []circleRow
	err := tx.Raw(quietSQL, bound, bound, c.now.UTC().AddDate(0, 0, 1-s.QuietDays), c.rows).Scan(&quiet).Error
	if err == nil {
		err = tx.Raw(plannedSQL, sqlDay(c.now, 2), sqlDay(c.now, -1-s.QuietDays), c.rows).Scan(&unplanned).Error
	}
	if err != nil {
		return err
	}
	for _, r := range quiet {
		if it := circleItem(r, c, s); it.Kind == "quiet" {
			add(it)
		}
	}
	for _, r := range unplanned {
		if it := circleItem(r, c, s); it.Kind == "no-next" {
			add(it)
		}
	}
	return nil
}

// circleItem is what circle r needs at c: quiet, no-next, or nothing (no Kind).
func circleItem(r circleRow, c clock, s Settings) Item {
	loc := c.zones.at(r.TimeZone)
	today := c.now.In(loc).Format(dateLayout)
	wall := c.now.In(loc).Format(wallLayout)
	planned := r.LastPlanned != nil && *r.LastPlanned >= wall
	since, last := r.StartDate, "never"
	if since == "" {
		since = r.CreatedAt.In(loc).Format(dateLayout)
	}
	if r.LastHeld != nil {
		since, last = (*r.LastHeld)[:10], *r.LastHeld
	}
	quiet := daysBetween(since, today) > s.QuietDays
	it := Item{Title: r.Name, Route: fmt.Sprintf("#/circles/%d", r.ID), Circle: r.Name, Since: since, basis: "held " + last}
	what := "circle"
	if r.Kind == "pair" {
		what = "pair"
	}
	switch {
	case quiet:
		it.Key, it.Kind = fmt.Sprintf("quiet:c%d", r.ID), "quiet"
		it.Reason = fmt.Sprintf("No session held in %s", plural(daysBetween(since, today), "day"))
		if r.LastHeld != nil {
			it.Reason += " (last " + short(since, today) + ")"
		} else {
			it.Reason = fmt.Sprintf("No session held since the %s started %s ago", what, plural(daysBetween(since, today), "day"))
		}
		if !planned {
			it.Reason += ", and none planned"
		}
	case !planned:
		it.Key, it.Kind = fmt.Sprintf("no-next:c%d", r.ID), "no-next"
		it.Reason = fmt.Sprintf("No next session planned for this %s", what)
	}
	return it
}
