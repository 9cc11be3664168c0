package bundle_test

import (
	"strings"
	"testing"
	"time"

	"circlebook/backend/model"
)

// TestImportKeepsPeopleKeys: a bundle's newer version of a person renames
// them here, and the keys the people list sorts and searches by follow
// (that update runs no GORM hooks).
func TestImportKeepsPeopleKeys(t *testing.T) {
	f := newStore(t)
	c := f.Circle("Pair")
	p := f.Person("Inigo Saenz")
	f.Member(c, p, model.RoleMentor)
	b, _ := export(t, f.DB, c.ID, false)
	b.People[0].Name, b.People[0].Team, b.People[0].UpdatedAt = "Zoë Álvarez", "Diseño", later(time.Hour)
	load(t, f.DB, encoded(t, b))
	var k struct{ Name, NameKey, SearchKey string }
	f.DB.Raw("SELECT name, name_key, search_key FROM people WHERE id = ?", p.ID).Scan(&k)
	if k.Name != "Zoë Álvarez" || k.NameKey != "zoe alvarez" || !strings.Contains(k.SearchKey, "diseno") {
		t.Errorf("after the import: %+v", k)
	}
}
