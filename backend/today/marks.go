package today

import (
	"strings"
	"time"

	"circlebook/backend/apperr"

	"gorm.io/gorm"
)

// Mark states.
const (
	snoozed   = "snoozed"
	dismissed = "dismissed"
)

// maxMarks bounds the marks one Get reads: the newest this many. A snooze
// that ended is deleted on the next Snooze, Dismiss or Restore.
const maxMarks = 2000

// mark is what the leader did to an item.
type mark struct {
	ItemKey  string
	State    string
	UntilAt  string // RFC 3339 UTC: a snooze hides the item until then
	Basis    string // a dismissal hides the item while its basis is this
	MarkedAt string
}

// hides reports whether m keeps it off the screen at now.
func (m mark) hides(it Item, now time.Time) bool {
	switch m.State {
	case snoozed:
		until, err := time.Parse(time.RFC3339, m.UntilAt)
		return err == nil && now.Before(until)
	case dismissed:
		return m.Basis == it.basis
	}
	return false
}

// loadMarks reads the marks by item key.
func loadMarks(tx *gorm.DB) (map[string]mark, error) {
	var ms []mark
	if err := tx.Table("today_marks").Order("marked_at DESC").Limit(maxMarks).Find(&ms).Error; err != nil {
		return nil, err
	}
	out := make(map[string]mark, len(ms))
	for _, m := range ms {
		out[m.ItemKey] = m
	}
	return out, nil
}

// Snooze hides the item key for days (3 or 7) from now.
func (t *Today) Snooze(key string, days int) error {
	if days != 3 && days != 7 {
		return apperr.New(apperr.Invalid, "days", "Snooze for 3 or 7 days.")
	}
	now := t.now().UTC()
	if err := checkKey(key); err != nil {
		return err
	}
	m := mark{ItemKey: key, State: snoozed, UntilAt: now.AddDate(0, 0, days).Format(time.RFC3339)}
	return t.db.Transaction(func(tx *gorm.DB) error { return put(tx, now, m) })
}

// Dismiss hides the item key until its reason changes materially: the
// basis the item rests on now (see attention.go) is kept with the mark,
// and an item whose basis differs shows again.
func (t *Today) Dismiss(key string) error {
	if err := checkKey(key); err != nil {
		return err
	}
	now := t.now()
	return t.db.Transaction(func(tx *gorm.DB) error {
		it, ok, err := findItem(tx, now, key)
		if err != nil {
			return err
		}
		if !ok {
			return apperr.New(apperr.NotFound, "key", "This item no longer needs attention.")
		}
		return put(tx, now, mark{ItemKey: key, State: dismissed, Basis: it.basis})
	})
}

// Restore undoes a snooze or a dismissal of key.
func (t *Today) Restore(key string) error {
	if err := checkKey(key); err != nil {
		return err
	}
	return t.db.Transaction(func(tx *gorm.DB) error {
		return tx.Table("today_marks").Where("item_key = ?", key).Delete(nil).Error
	})
}

// put replaces m.ItemKey's mark with m, inside the caller's transaction,
// and drops the snoozes already over.
func put(tx *gorm.DB, now time.Time, m mark) error {
	now = now.UTC()
	m.MarkedAt = now.Format(time.RFC3339Nano)
	err := tx.Table("today_marks").Where("state = ? AND until_at <= ?", snoozed, now.Format(time.RFC3339)).Delete(nil).Error
	if err != nil {
		return err
	}
	if err := tx.Table("today_marks").Where("item_key = ?", m.ItemKey).Delete(nil).Error; err != nil {
		return err
	}
	return tx.Table("today_marks").Create(map[string]any{"item_key": m.ItemKey, "state": m.State,
		"until_at": m.UntilAt, "basis": m.Basis, "marked_at": m.MarkedAt}).Error
}

// checkKey refuses a key no item could have.
func checkKey(key string) error {
	kind, _, ok := strings.Cut(key, ":")
	if !ok || rankOf[kind] == 0 || len(key) > 200 {
		return apperr.New(apperr.Invalid, "key", "This is not an item of the Today screen.")
	}
	return nil
}
