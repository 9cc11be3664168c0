package find

import (
	"strings"

	"circlebook/backend/search"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// maxRecent is how many recent searches and opened items are kept and shown.
const maxRecent = 10

// Recent is what an empty search box shows, newest first.
type Recent struct {
	Searches []string `json:"searches"`
	Opened   []Opened `json:"opened"`
}

// Opened is an item opened from the results.
type Opened struct {
	Kind  string `json:"kind"`
	ID    uint   `json:"id"`
	Title string `json:"title"`
	Where string `json:"where"`
	Route string `json:"route"`
}

// Visit is a hit the user opened, and the query that found it.
type Visit struct {
	Query string `json:"query"`
	Kind  string `json:"kind"`
	ID    uint   `json:"id"`
}

// Visit remembers the query and the opened item, in one transaction, and
// forgets all but the newest maxRecent of each.
func (f *Find) Visit(v Visit) error {
	at := f.now().UTC().Format("2006-01-02T15:04:05.000000000Z")
	q := strings.TrimSpace(v.Query)
	return f.db.Transaction(func(tx *gorm.DB) error {
		if q != "" && len([]rune(q)) <= 500 {
			if err := tx.Table("search_recent").Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "query"}}, DoUpdates: clause.Assignments(map[string]any{"used_at": at})}).
				Create(map[string]any{"query": q, "used_at": at}).Error; err != nil {
				return err
			}
		}
		if v.Kind != "" && v.ID != 0 {
			err := tx.Table("search_opened").Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "kind"}, {Name: "item_id"}}, DoUpdates: clause.Assignments(map[string]any{"opened_at": at})}).
				Create(map[string]any{"kind": v.Kind, "item_id": v.ID, "opened_at": at}).Error
			if err != nil {
				return err
			}
		}
		if err := tx.Exec("DELETE FROM search_recent WHERE query NOT IN (SELECT query FROM search_recent ORDER BY used_at DESC LIMIT ?)", maxRecent).Error; err != nil {
			return err
		}
		return tx.Exec("DELETE FROM search_opened WHERE (kind, item_id) NOT IN (SELECT kind, item_id FROM search_opened ORDER BY opened_at DESC LIMIT ?)", maxRecent).Error
	})
}

// ForgetRecent clears both lists.
func (f *Find) ForgetRecent() error {
	return f.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("DELETE FROM search_recent").Error; err != nil {
			return err
		}
		return tx.Exec("DELETE FROM search_opened").Error
	})
}

// Recent lists the recent searches and the opened items still there.
func (f *Find) Recent() (Recent, error) {
	out := Recent{Searches: []string{}, Opened: []Opened{}}
	err := f.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Table("search_recent").Order("used_at DESC").Limit(maxRecent).Pluck("query", &out.Searches).Error; err != nil {
			return err
		}
		var seen []struct {
			Kind   string
			ItemID uint
		}
		if err := tx.Table("search_opened").Order("opened_at DESC").Limit(maxRecent).Find(&seen).Error; err != nil {
			return err
		}
		for _, s := range seen {
			if o, ok, err := opened(tx, s.Kind, s.ItemID); err != nil {
				return err
			} else if ok {
				out.Opened = append(out.Opened, o)
			}
		}
		return nil
	})
	return out, err
}

// opened reads an opened item as a hit would show it; ok is false when it is gone.
func opened(tx *gorm.DB, kindName string, id uint) (Opened, bool, error) {
	for _, k := range kinds {
		if k.kind != kindName && strings.TrimSuffix(k.kind, "s") != kindName && !(k.kind == "people" && kindName == "person") {
			continue
		}
		var r row
		res := tx.Table(k.from).Select(k.cols).Where("t.id = ?", id).Limit(1).Scan(&r)
		if res.Error != nil || res.RowsAffected == 0 {
			return Opened{}, false, res.Error
		}
		h := k.hit(r, search.Terms{}, "")
		return Opened{Kind: h.Kind, ID: h.ID, Title: h.Title, Where: h.Where, Route: h.Route}, true, nil
	}
	return Opened{}, false, nil
}
