package store

import (
	"testing"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

// TestNamePrefixesManyRowsAStatement inserts and deletes many people a
// statement, as an import and its undo do, on both engines: PostgreSQL
// counts them once a statement (2026-12-05-name-prefixes-batch) and must
// keep the same counts as SQLite's row triggers and a recount.
func TestNamePrefixesManyRowsAStatement(t *testing.T) {
	es := engines(t)
	names := []string{"Ana Muñoz", "ana munoz", "Anabel", "Al", "A", "", "Íñigo Sáenz", "Zoë", "李明", "Ana-María"}
	kept := func(what string) {
		t.Helper()
		wantKept(t, es, what+": name_prefixes", "SELECT list, depth, prefix, n FROM name_prefixes WHERE n <> 0", prefixRecount(t))
	}
	insertMany := func(round int) func(db *gorm.DB) error {
		return func(db *gorm.DB) error {
			ps := make([]model.Person, 0, 3*len(names))
			for i := range 3 * len(names) {
				ps = append(ps, model.Person{Name: names[(i+round)%len(names)]})
			}
			return db.CreateInBatches(&ps, 7).Error
		}
	}
	newPerson(t, es, "Anabel Solo")
	kept("one person")
	step(t, es, "insert 30 people, 7 a statement", insertMany(0))
	kept("30 people")
	step(t, es, "insert 30 more", insertMany(3))
	kept("60 people")
	step(t, es, "delete every third", func(db *gorm.DB) error { return db.Exec("DELETE FROM people WHERE id % 3 = 0").Error })
	kept("every third deleted")
	step(t, es, "delete the Anas", func(db *gorm.DB) error { return db.Exec("DELETE FROM people WHERE name_key LIKE 'ana%'").Error })
	kept("the Anas deleted")
	step(t, es, "delete nobody", func(db *gorm.DB) error { return db.Exec("DELETE FROM people WHERE id < 0").Error })
	kept("nobody deleted")
	step(t, es, "delete everyone", func(db *gorm.DB) error { return db.Exec("DELETE FROM people").Error })
	kept("everyone deleted")
}
