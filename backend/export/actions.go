package export

import (
	"sort"
	"time"

	"circlebook/backend/actions"
	"circlebook/backend/check"
	"circlebook/backend/model"
)

// loadActions groups the action items captured in the period by owner: items
// from a session by the session's date, others by the day they were made.
// An item parsed from a note that is not shared is left out; the notes
// service never makes one, and the summary must not trust that alone.
func (b *builder) loadActions(s *Summary) error {
	items, err := actions.Scan(actions.Query(b.tx).
		Joins("LEFT JOIN notes n ON n.id = a.note_id").
		Where("a.circle_id = ? AND (a.note_id IS NULL OR n.visibility = ?)", b.circle.ID, model.Shared))
	if err != nil {
		return err
	}
	dates := make(map[uint]sessionRef, len(b.sessions))
	for _, ses := range b.sessions {
		dates[ses.ID] = sessionRef{date: ses.StartsAt[:10], number: ses.Number}
	}
	groups := map[uint]*OwnerActions{}
	for _, it := range items {
		ref := sessionRef{date: it.CreatedAt.In(b.loc).Format(check.DateLayout)}
		if r, ok := dates[derefID(it.SessionID)]; ok {
			ref = r
		}
		if !b.inPeriod(ref.date) {
			continue
		}
		owner := derefID(it.OwnerID)
		g := groups[owner]
		if g == nil {
			g = &OwnerActions{Items: []Action{}}
			if owner != 0 {
				g.Owner = b.name(owner, it.OwnerName)
			}
			groups[owner] = g
		}
		b.addAction(g, it, ref)
	}
	s.Actions = b.ordered(groups)
	return nil
}

type sessionRef struct {
	date   string
	number int
}

func (b *builder) addAction(g *OwnerActions, it actions.Item, ref sessionRef) {
	a := Action{Text: b.text(it.Text), Status: it.Status, DueOn: it.DueOn, SessionNumber: ref.number}
	switch it.Status {
	case model.ActionDone:
		g.Done++
		if t, err := time.Parse(time.RFC3339, it.DoneAt); err == nil {
			a.DoneOn = t.In(b.loc).Format(check.DateLayout)
		}
	default:
		g.Open++
		if a.DueOn != "" && a.DueOn < b.today {
			a.Overdue = true
			g.Overdue++
		}
	}
	if !b.opt.FiguresOnly {
		g.Items = append(g.Items, a)
	}
}

// ordered lists the groups in roster order, then other owners, then the whole circle's.
func (b *builder) ordered(groups map[uint]*OwnerActions) []OwnerActions {
	ids := make([]uint, 0, len(groups))
	for id := range groups {
		ids = append(ids, id)
	}
	rank := func(id uint) int {
		if i, ok := b.index[id]; ok && id != 0 {
			return i
		}
		return len(b.people)
	}
	sort.Slice(ids, func(i, j int) bool {
		ri, rj := rank(ids[i]), rank(ids[j])
		if ri != rj {
			return ri < rj
		}
		return ids[i] > ids[j] // an unknown owner before the whole circle (id 0)
	})
	out := make([]OwnerActions, 0, len(ids))
	for _, id := range ids {
		out = append(out, *groups[id])
	}
	return out
}

func derefID(id *uint) uint {
	if id == nil {
		return 0
	}
	return *id
}
