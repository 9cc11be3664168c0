package circles

import (
	"slices"

	"circlebook/backend/apperr"
	"circlebook/backend/model"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// SidebarMax is how many circles the sidebar lists.
const SidebarMax = 20

// SidebarCircle is one circle in the sidebar.
type SidebarCircle struct {
	ID     uint   `json:"id"`
	Name   string `json:"name"`
	Color  string `json:"color"`
	Status string `json:"status"`
	Pinned bool   `json:"pinned"`
}

// SidebarList is what the sidebar shows.
type SidebarList struct {
	Circles []SidebarCircle `json:"circles"` // at most SidebarMax
	Total   int             `json:"total"`   // the circles not archived in the file
}

// sidebarColumns are a SidebarCircle's.
const sidebarColumns = "t.id, t.name, t.color, t.status, t.pinned"

// Sidebar returns the circles the sidebar lists. With SidebarMax circles or
// fewer (not archived), all of them, the pinned first, each part by name.
// With more: the pinned ones by name, then of recentIDs (the circles opened
// last, most recent first) those that exist and are not archived, in that
// order, up to SidebarMax in all.
func (s *Circles) Sidebar(recentIDs []uint) (SidebarList, error) {
	out := SidebarList{Circles: []SidebarCircle{}}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		total, err := currentCircles.Count(tx)
		if err != nil {
			return err
		}
		out.Total = total
		byName := func(table, where string) *gorm.DB {
			return tx.Table(table).Select(sidebarColumns).
				Where(where + " AND t.name_key >= ''").Order("t.name_key, t.name, t.id").Limit(SidebarMax)
		}
		if total <= SidebarMax {
			if err := byName("circles t", currentCircles.Where).Scan(&out.Circles).Error; err != nil {
				return err
			}
			slices.SortStableFunc(out.Circles, func(a, b SidebarCircle) int { return pinnedFirst(a) - pinnedFirst(b) })
			return nil
		}
		// The pinned circles' index, by name: the index of the circles not
		// archived would serve too, and read every one of them. SQLite is
		// told which; PostgreSQL's planner weighs the partial index itself.
		pinned := "circles t"
		if store.DialectOf(tx) == store.SQLite {
			pinned += " INDEXED BY idx_circles_pinned"
		}
		if err := byName(pinned, "t.pinned AND "+currentCircles.Where).Scan(&out.Circles).Error; err != nil {
			return err
		}
		out.Circles, err = appendRecent(tx, out.Circles, recentIDs)
		return err
	})
	return out, err
}

// pinnedFirst ranks a pinned circle before the others.
func pinnedFirst(c SidebarCircle) int {
	if c.Pinned {
		return 0
	}
	return 1
}

// appendRecent adds to list the circles of ids (the first SidebarMax of
// them) that exist, are not archived and are not in list yet, in the order
// of ids, until list holds SidebarMax.
func appendRecent(tx *gorm.DB, list []SidebarCircle, ids []uint) ([]SidebarCircle, error) {
	ids = ids[:min(len(ids), SidebarMax)]
	if len(list) >= SidebarMax || len(ids) == 0 {
		return list, nil
	}
	var found []SidebarCircle
	err := tx.Table("circles t").Select(sidebarColumns).
		Where("t.id IN ? AND "+currentCircles.Where, ids).Scan(&found).Error
	if err != nil {
		return nil, err
	}
	have := map[uint]bool{}
	for _, c := range list {
		have[c.ID] = true
	}
	for _, id := range ids {
		i := slices.IndexFunc(found, func(c SidebarCircle) bool { return c.ID == id })
		if i < 0 || have[id] || len(list) == SidebarMax {
			continue
		}
		have[id] = true
		list = append(list, found[i])
	}
	return list, nil
}

// SetPinned keeps a circle in the sidebar (pinned) or lets it go. Pinning is
// this laptop's preference: it leaves the circle's updatedAt alone, so a
// bundle's newer edit still wins a merge.
func (s *Circles) SetPinned(id uint, pinned bool) (model.Circle, error) {
	var c model.Circle
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &c); err != nil {
			return err
		}
		c.Pinned = pinned
		return apperr.FromDB(tx.Model(&c).UpdateColumn("pinned", pinned).Error, "pinned", "circle")
	})
	return c, err
}
