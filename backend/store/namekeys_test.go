package store_test

import (
	"strings"
	"testing"

	"circlebook/backend/model"
	"circlebook/backend/store"
)

// TestUpgradeFoldsPeopleNames opens the v1 fixture: the migration fills the
// folded keys of the people already there and indexes the name key, so the
// people list can walk it in order.
func TestUpgradeFoldsPeopleNames(t *testing.T) {
	st := openV1(t)
	var rows []struct{ Name, NameKey, SearchKey string }
	if err := st.DB.Raw("SELECT name, name_key, search_key FROM people ORDER BY id").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	want := []string{"ana munoz", "emre unal", "chidi okafor", "mateus oliveira"}
	if len(rows) != len(want) {
		t.Fatalf("%d people, want %d", len(rows), len(want))
	}
	for i, r := range rows {
		if r.NameKey != want[i] || !strings.HasPrefix(r.SearchKey, want[i]) {
			t.Errorf("%s: keys %q, %q; want %q", r.Name, r.NameKey, r.SearchKey, want[i])
		}
	}
	if !strings.Contains(rows[1].SearchKey, "payments") || !strings.Contains(rows[1].SearchKey, "emre.unal@example.org") {
		t.Errorf("Emre's search key %q lacks their team or email", rows[1].SearchKey)
	}
	var plan []struct{ Detail string }
	st.DB.Raw("EXPLAIN QUERY PLAN SELECT id FROM people ORDER BY name_key, name, id LIMIT 50").Scan(&plan)
	for _, p := range plan {
		if strings.Contains(p.Detail, "TEMP B-TREE") || !strings.Contains(p.Detail, "idx_people_name_key") {
			t.Errorf("sorting people by name_key: plan %q, want a walk of idx_people_name_key", p.Detail)
		}
	}
}

// TestPeopleKeysFollowEveryWrite creates, renames and batch-creates people
// through GORM: each write keeps the keys in step.
func TestPeopleKeysFollowEveryWrite(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := model.Person{Name: "Íñigo  Sáenz", Email: "Inigo@Example.org", Team: "Diseño"}
	if err := st.DB.Create(&p).Error; err != nil {
		t.Fatal(err)
	}
	key := func(id uint) (k struct{ NameKey, SearchKey string }) {
		st.DB.Raw("SELECT name_key, search_key FROM people WHERE id = ?", id).Scan(&k)
		return k
	}
	if k := key(p.ID); k.NameKey != "inigo saenz" || k.SearchKey != "inigo saenz\ninigo@example.org\ndiseno\n" {
		t.Errorf("after create: %+v", k)
	}
	p.Name, p.Title = "Ángel Peña", "Jefe de Ingeniería"
	if err := st.DB.Save(&p).Error; err != nil {
		t.Fatal(err)
	}
	if k := key(p.ID); k.NameKey != "angel pena" || !strings.HasSuffix(k.SearchKey, "jefe de ingenieria") {
		t.Errorf("after save: %+v", k)
	}
	batch := []model.Person{{Name: "Zoë"}, {Name: "Łukasz"}}
	if err := st.DB.CreateInBatches(&batch, 10).Error; err != nil {
		t.Fatal(err)
	}
	if a, b := key(batch[0].ID), key(batch[1].ID); a.NameKey != "zoe" || b.NameKey != "lukasz" {
		t.Errorf("after a batch: %+v, %+v", a, b)
	}
}
