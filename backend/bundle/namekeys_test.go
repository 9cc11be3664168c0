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

// TestImportKeepsCircleKeyAndPin: a bundle's newer version of a circle
// renames it here and its name key follows (that update runs no hooks);
// whether it is pinned stays this laptop's choice, and a bundle carries none.
func TestImportKeepsCircleKeyAndPin(t *testing.T) {
	f := newStore(t)
	c := f.Circle("Equipo Norte")
	if err := f.DB.Model(&c).UpdateColumn("pinned", true).Error; err != nil {
		t.Fatal(err)
	}
	b, data := export(t, f.DB, c.ID, false)
	if strings.Contains(string(data), "pinned") || strings.Contains(string(data), "nameKey") {
		t.Errorf("the bundle carries a local preference or a derived key: %.300s", data)
	}
	b.Circle.Name, b.Circle.UpdatedAt = "Équipe Sur", later(time.Hour)
	load(t, f.DB, encoded(t, b))
	var k struct {
		Name, NameKey string
		Pinned        bool
	}
	f.DB.Raw("SELECT name, name_key, pinned FROM circles WHERE id = ?", c.ID).Scan(&k)
	if k.Name != "Équipe Sur" || k.NameKey != "equipe sur" || !k.Pinned {
		t.Errorf("after the import: %+v, want renamed, keyed and still pinned", k)
	}

	dst := newStore(t)
	res := load(t, dst.DB, data)
	dst.DB.Raw("SELECT name, name_key, pinned FROM circles WHERE id = ?", res.CircleID).Scan(&k)
	if k.Name != "Equipo Norte" || k.NameKey != "equipo norte" || k.Pinned {
		t.Errorf("imported into a fresh store: %+v, want keyed and not pinned", k)
	}
}
