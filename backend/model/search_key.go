package model

import (
	"strings"

	"circlebook/backend/fold"

	"gorm.io/gorm"
)

// SearchKeyed is a record whose searchable text Go folds into a search_key
// column (fold.Key, a line a field): the full-text index of migration
// 2026-12-04-search-everything indexes that column, so the index folds
// exactly as fold.Key does. BeforeSave sets it on every Create and Save; a
// write that bypasses hooks (UpdateColumns, raw SQL) sets it from SearchText.
type SearchKeyed interface {
	SearchText() string
}

// SearchKey folds the fields of a record's searchable text, a line each.
func SearchKey(fields ...string) string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = fold.Key(f)
	}
	return strings.Join(keys, "\n")
}

// SearchText is the folded text search finds a note by: its body.
func (n *Note) SearchText() string { return SearchKey(n.Body) }

// BeforeSave keeps the note's search key in step with its body.
func (n *Note) BeforeSave(*gorm.DB) error { n.SearchKey = n.SearchText(); return nil }

// SearchText is the folded text search finds an action item by.
func (a *ActionItem) SearchText() string { return SearchKey(a.Text) }

// BeforeSave keeps the action item's search key in step with its text.
func (a *ActionItem) BeforeSave(*gorm.DB) error { a.SearchKey = a.SearchText(); return nil }

// SearchText is the folded text search finds a session by: its title (topic).
func (s *Session) SearchText() string { return SearchKey(s.Topic) }

// BeforeSave keeps the session's search key in step with its title.
func (s *Session) BeforeSave(*gorm.DB) error { s.SearchKey = s.SearchText(); return nil }

// SearchText is the folded text search finds a goal by: title, why and success criteria.
func (g *Goal) SearchText() string { return SearchKey(g.Title, g.Why, g.SuccessCriteria) }

// BeforeSave keeps the goal's search key in step with its text.
func (g *Goal) BeforeSave(*gorm.DB) error { g.SearchKey = g.SearchText(); return nil }

// SearchText is the folded text search finds a topic by: its name.
func (t *Topic) SearchText() string { return SearchKey(t.Name) }

// BeforeSave keeps the topic's search key in step with its name.
func (t *Topic) BeforeSave(*gorm.DB) error { t.SearchKey = t.SearchText(); return nil }

// SearchText is the folded text search finds a circle by: name and purpose.
func (c *Circle) SearchText() string { return SearchKey(c.Name, c.Purpose) }

// RefreshSearchKey sets row id's search key from its text, for a write
// that ran no hooks (UpdateColumns): row is a pointer to the record's
// model, and is loaded. Records without a search key are left alone.
func RefreshSearchKey(tx *gorm.DB, row any, id uint) error {
	k, ok := row.(SearchKeyed)
	if !ok {
		return nil
	}
	if err := tx.Where("id = ?", id).Take(row).Error; err != nil {
		return err
	}
	return tx.Model(row).Where("id = ?", id).UpdateColumn("search_key", k.SearchText()).Error
}
