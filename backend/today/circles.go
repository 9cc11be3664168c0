package today

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// circleSQL reads, for circles that still meet, the last held and the
// last planned session (index lookups on sessions by circle, status and
// start), keeping those that may be quiet or have nothing planned.
const circleSQL = `SELECT * FROM (SELECT c.id, c.name, c.kind, c.time_zone, c.start_date, c.created_at,
		(SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = 'held') AS last_held,
		(SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = 'planned') AS last_planned
	FROM circles c WHERE ` + activeCircle + ` AND c.status <> 'paused') q
WHERE q.last_held IS NULL OR q.last_held < ? OR q.last_planned IS NULL OR q.last_planned < ?
ORDER BY COALESCE(q.last_held, ''), q.id
LIMIT ?`

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
// holds until the circle meets again.
func quietCircles(tx *gorm.DB, c clock, s Settings, add func(Item)) error {
	var rows []circleRow
	err := tx.Raw(circleSQL, sqlDay(c.now, 1-s.QuietDays), sqlDay(c.now, 2), c.rows).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
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
		default:
			continue
		}
		add(it)
	}
	return nil
}
