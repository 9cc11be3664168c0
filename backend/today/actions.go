package today

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// actionRow is an open action item with its circle and owner.
type actionRow struct {
	ID, CircleID     uint
	SessionID        *uint
	Text, DueOn      string
	CreatedAt        time.Time
	Circle, TimeZone string
	Owner            *string
}

// actionSelect reads open items of circles that still meet, with their
// circle's name and zone and their owner's name looked up by key (so
// neither engine joins circles or people by reading them whole).
const actionSelect = `ai.id, ai.circle_id, ai.session_id, ai.text, ai.due_on, ai.created_at,
	(SELECT c.name FROM circles c WHERE c.id = ai.circle_id) AS circle,
	(SELECT c.time_zone FROM circles c WHERE c.id = ai.circle_id) AS time_zone,
	(SELECT p.name FROM people p WHERE p.id = ai.owner_id) AS owner`

func openActions(tx *gorm.DB) *gorm.DB {
	return tx.Table("action_items ai").Select(actionSelect).
		Where("ai.status = 'open' AND (SELECT c.status FROM circles c WHERE c.id = ai.circle_id) NOT IN ('archived', 'completed')")
}

// overdue finds open items past their due date by more than OverdueDays,
// in their circle's zone. The basis is the due date: a new one brings a
// dismissed item back.
func overdue(tx *gorm.DB, c clock, s Settings, add func(Item)) error {
	var rows []actionRow
	err := openActions(tx).Where("ai.due_on <> '' AND ai.due_on < ?", sqlDay(c.now, 1-s.OverdueDays)).
		Order("ai.due_on, ai.id").Limit(c.rows).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		today := c.day(r.TimeZone)
		late := daysBetween(r.DueOn, today)
		if late <= s.OverdueDays {
			continue
		}
		add(Item{Key: fmt.Sprintf("overdue:a%d", r.ID), Kind: "overdue", Title: r.title(),
			Reason: fmt.Sprintf("Due %s, %s overdue", short(r.DueOn, today), plural(late, "day")),
			Route:  r.route(), Circle: r.Circle, Since: r.DueOn, basis: "due " + r.DueOn})
	}
	return nil
}

// staleActions finds items open for more than OpenDays. The basis is the
// due date (often none): changing it brings a dismissed item back.
func staleActions(tx *gorm.DB, c clock, s Settings, add func(Item)) error {
	var rows []actionRow
	err := openActions(tx).Where("ai.created_at < ?", c.now.UTC().AddDate(0, 0, 1-s.OpenDays)).
		Order("ai.created_at, ai.id").Limit(c.rows).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		loc := c.zones.at(r.TimeZone)
		made := r.CreatedAt.In(loc).Format(dateLayout)
		today := c.day(r.TimeZone)
		open := daysBetween(made, today)
		if open <= s.OpenDays {
			continue
		}
		add(Item{Key: fmt.Sprintf("stale-action:a%d", r.ID), Kind: "stale-action", Title: r.title(),
			Reason: fmt.Sprintf("Open for %s (since %s)", plural(open, "day"), short(made, today)),
			Route:  r.route(), Circle: r.Circle, Since: made, basis: "due " + r.DueOn})
	}
	return nil
}

// title is the item as the screen names it: its text, then its owner.
func (r actionRow) title() string {
	text := []rune(r.Text)
	if len(text) > 80 {
		text = append(text[:79], '…')
	}
	if r.Owner != nil {
		return string(text) + " — " + *r.Owner
	}
	return string(text) + " — " + r.Circle
}

// route opens the session the item was captured in, or its circle.
func (r actionRow) route() string {
	if r.SessionID != nil {
		return fmt.Sprintf("#/sessions/%d", *r.SessionID)
	}
	return fmt.Sprintf("#/circles/%d", r.CircleID)
}
