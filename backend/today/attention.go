package today

import (
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"
)

// ruleRows bounds what each rule's query reads when an item is looked up
// by key, and whatever the marks: more than MaxItems, so snoozed and
// dismissed items do not crowd out the rest.
const ruleRows = 300

// slackRows is what a Get reads beyond MaxItems and the marks: the rules
// query by UTC day and drop the few a circle's zone puts on the other side.
const slackRows = MaxItems / 4

// rowsFor is how many rows each rule reads for a Get with marks: enough
// for MaxItems after every marked item is hidden, so the list and a count
// up to MaxItems are the same as reading everything (each rule's query is
// ordered, so fewer rows are a prefix of more), at most ruleRows.
func rowsFor(marks map[string]mark) int { return min(ruleRows, MaxItems+slackRows+len(marks)) }

// Kinds, by urgency: rankOf orders the list (lower first).
var rankOf = map[string]int{"overdue": 1, "drifting": 2, "goal-risk": 3, "quiet": 4, "no-next": 5, "stale-action": 6, "goal-quiet": 7}

// clock is the moment a Get runs at, with the zones it reads days in and
// how many rows each rule's query reads.
type clock struct {
	now   time.Time
	zones *zones
	rows  int
}

// day is the date at c.now in zone, YYYY-MM-DD.
func (c clock) day(zone string) string { return c.now.In(c.zones.at(zone)).Format(dateLayout) }

// rule adds the items one kind of trouble finds.
type rule func(tx *gorm.DB, c clock, s Settings, add func(Item)) error

var rules = []rule{drifting, absentLong, overdue, staleActions, quietCircles, goalsAtRisk}

// collect runs every rule; an item found twice (one member drifting by both
// rules, one action overdue and old) keeps its first finding.
func collect(tx *gorm.DB, now time.Time, s Settings, rows int) ([]Item, error) {
	c := clock{now: now, zones: newZones(now), rows: rows}
	var items []Item
	seen := map[string]bool{}
	add := func(it Item) {
		if !seen[it.Key] {
			seen[it.Key] = true
			it.rank = rankOf[it.Kind]
			items = append(items, it)
		}
	}
	for _, r := range rules {
		if err := r(tx, c, s, add); err != nil {
			return nil, err
		}
	}
	return items, nil
}

// attention is the list at now: every rule's items but the snoozed and
// dismissed ones, most urgent first (visible), at most MaxItems; count is
// how many there were before the cap: exact up to MaxItems, and above it
// at least MaxItems+1 (the sidebar says "99+").
func attention(tx *gorm.DB, now time.Time, s Settings) ([]Item, int, error) {
	marks, err := loadMarks(tx)
	if err != nil {
		return nil, 0, err
	}
	items, err := collect(tx, now, s, rowsFor(marks))
	if err != nil {
		return nil, 0, err
	}
	out := visible(items, marks, now)
	return out[:min(len(out), MaxItems)], len(out), nil
}

// visible is items but the ones marks hide at now, most urgent kind first,
// each kind in its rules' order (longest standing first; drifting members
// by their latest miss, newest first), so the first MaxItems are the same
// whether each rule read rowsFor rows or all of them.
func visible(items []Item, marks map[string]mark, now time.Time) []Item {
	out := []Item{}
	for _, it := range items {
		if m, ok := marks[it.Key]; !ok || !m.hides(it, now) {
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].rank < out[j].rank })
	return out
}

// findItem finds the item key at now, marked or not.
func findItem(tx *gorm.DB, now time.Time, key string) (Item, bool, error) {
	s, err := loadSettings(tx)
	if err != nil {
		return Item{}, false, err
	}
	items, err := collect(tx, now, s, ruleRows)
	for _, it := range items {
		if it.Key == key {
			return it, true, err
		}
	}
	return Item{}, false, err
}

// daysBetween is how many days lie from date a to date b (YYYY-MM-DD each).
func daysBetween(a, b string) int {
	ta, err1 := time.Parse(dateLayout, a[:min(len(a), 10)])
	tb, err2 := time.Parse(dateLayout, b[:min(len(b), 10)])
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// short writes a date as a leader reads it: "8 Oct" (with the year when
// it is not this one).
func short(date, today string) string {
	t, err := time.Parse(dateLayout, date[:min(len(date), 10)])
	if err != nil {
		return date
	}
	if len(today) >= 4 && date[:4] != today[:4] {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan")
}

// plural is "1 day", "3 days".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// sqlDay is the date shifted by days, YYYY-MM-DD, for a query's bound;
// the exact comparison is made per circle zone afterwards.
func sqlDay(now time.Time, days int) string { return now.UTC().AddDate(0, 0, days).Format(dateLayout) }
