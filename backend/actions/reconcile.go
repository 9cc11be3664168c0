package actions

import (
	"time"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Reconcile makes a note's task lines and the action items parsed from it
// agree, inside the caller's transaction: a new line adds an item, a ticked
// box marks its item done (unticking in the note does not reopen it), and an
// open item whose line is gone is removed. A line still being typed (Typing)
// keeps the item it already has but adds none. An @name that matches no
// member stays in the text and the item goes to the whole circle.
func Reconcile(tx *gorm.DB, note model.Note, ses model.Session, lines []Line, now time.Time) error {
	var existing []model.ActionItem
	if err := tx.Where("note_id = ? AND source = ?", note.ID, model.SourceNotes).Find(&existing).Error; err != nil {
		return err
	}
	byKey := make(map[string]model.ActionItem, len(existing))
	for _, it := range existing {
		byKey[it.LineKey] = it
	}
	members := lazyMembers(tx, ses.CircleID)
	seen := map[string]bool{}
	var fresh []Line
	for _, l := range lines {
		_, made := byKey[l.Key]
		if seen[l.Key] || (l.Typing && !made) { // a line being typed makes no item yet
			continue
		}
		seen[l.Key] = true
		if !made {
			fresh = append(fresh, l)
			continue
		}
		if err := apply(tx, byKey, l, note, ses, members, now); err != nil {
			return err
		}
	}
	for _, l := range fresh {
		if old, ok := editedDone(byKey, seen, l); ok {
			seen[old.LineKey] = true
			if err := rewrite(tx, old, l, members); err != nil {
				return err
			}
			continue
		}
		if err := apply(tx, byKey, l, note, ses, members, now); err != nil {
			return err
		}
	}
	for key, it := range byKey {
		if !seen[key] && it.Status == model.ActionOpen {
			if err := tx.Delete(&it).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

func apply(tx *gorm.DB, byKey map[string]model.ActionItem, l Line, note model.Note, ses model.Session, members func() ([]Member, error), now time.Time) error {
	if it, ok := byKey[l.Key]; ok {
		if l.Done && it.Status != model.ActionDone {
			return tx.Model(&it).Updates(map[string]any{"status": model.ActionDone, "done_at": model.UTC(now)}).Error
		}
		return nil
	}
	it := model.ActionItem{CircleID: ses.CircleID, SessionID: &ses.ID, Text: l.Text, DueOn: l.Due,
		Status: model.ActionOpen, Source: model.SourceNotes, NoteID: &note.ID, LineKey: l.Key}
	if l.Owner != "" {
		ms, err := members()
		if err != nil {
			return err
		}
		if id, ok := ResolveOwner(l.Owner, ms); !ok {
			it.Text = "@" + l.Owner + " " + l.Text
		} else if id != 0 {
			it.OwnerID = &id
		}
	}
	if l.Done {
		it.Status, it.DoneAt = model.ActionDone, model.UTC(now)
	}
	return tx.Create(&it).Error
}

// editedDone finds the done item a new ticked line l is an edit of: one
// whose line is gone from the note (a done item outlives its line, so a
// ticked line whose text was fixed would otherwise make a second done
// item). Of several, the one whose text shares the most with l's.
func editedDone(byKey map[string]model.ActionItem, seen map[string]bool, l Line) (model.ActionItem, bool) {
	if !l.Done {
		return model.ActionItem{}, false
	}
	var best model.ActionItem
	found, bestScore := false, -1
	for key, it := range byKey {
		if seen[key] || it.Status != model.ActionDone {
			continue
		}
		if sc := shared(it.Text, l.Text); sc > bestScore || (sc == bestScore && it.ID < best.ID) {
			best, bestScore, found = it, sc, true
		}
	}
	return best, found
}

// shared is the length of a's and b's common start plus their common end.
func shared(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	m := 0
	for m < len(a)-n && m < len(b)-n && a[len(a)-1-m] == b[len(b)-1-m] {
		m++
	}
	return n + m
}

// rewrite makes the done item it follow its edited line l: text, due,
// owner and line key; it stays done, with its first done time.
func rewrite(tx *gorm.DB, it model.ActionItem, l Line, members func() ([]Member, error)) error {
	text, owner := l.Text, (*uint)(nil)
	if l.Owner != "" {
		ms, err := members()
		if err != nil {
			return err
		}
		if id, ok := ResolveOwner(l.Owner, ms); !ok {
			text = "@" + l.Owner + " " + l.Text
		} else if id != 0 {
			owner = &id
		}
	}
	return tx.Model(&it).Updates(map[string]any{"text": text, "due_on": l.Due, "owner_id": owner, "line_key": l.Key}).Error
}

// lazyMembers reads the circle's members the first time a new line names
// an owner, and not at all on the saves (most of them) that make no item.
func lazyMembers(tx *gorm.DB, circleID uint) func() ([]Member, error) {
	var ms []Member
	var err error
	loaded := false
	return func() ([]Member, error) {
		if !loaded {
			ms, err = circleMembers(tx, circleID)
			loaded = true
		}
		return ms, err
	}
}

func circleMembers(tx *gorm.DB, circleID uint) ([]Member, error) {
	var ms []Member
	err := tx.Table("memberships m").Select("p.id AS person_id, p.name, p.email").
		Joins("JOIN people p ON p.id = m.person_id").Where("m.circle_id = ?", circleID).
		Order("m.left_on = '' DESC, p.name").Scan(&ms).Error
	return ms, err
}
