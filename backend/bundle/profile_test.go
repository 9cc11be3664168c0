package bundle_test

import (
	"testing"

	"circlebook/backend/model"
)

// TestProfileFieldsTravel: matching's profile fields (organization, role
// wanted, languages, capacity) go into a bundle and come back out of it,
// on a fresh import and on an update of the same person.
func TestProfileFieldsTravel(t *testing.T) {
	src := newStore(t)
	c := src.Circle("Pairs")
	p := src.Person("Ana Lima", func(p *model.Person) {
		p.Organization, p.RoleWanted, p.Languages, p.Capacity = "Acme", model.WantsMentor, "pt, en", 3
		p.OrgPref, p.Cohort = "any", "2026 spring"
	})
	src.Member(c, p, model.RoleMentor)
	b, data := export(t, src.DB, c.ID, false)
	if got := b.People[0]; got.Organization != "Acme" || got.RoleWanted != "mentor" || got.Languages != "pt, en" || got.Capacity != 3 ||
		got.OrgPref != "any" || got.Cohort != "2026 spring" {
		t.Fatalf("exported %+v", got)
	}
	dst := newStore(t)
	load(t, dst.DB, data)
	var in model.Person
	if err := dst.DB.Where("uuid = ?", p.UUID).Take(&in).Error; err != nil {
		t.Fatal(err)
	}
	if in.Organization != "Acme" || in.RoleWanted != "mentor" || in.Languages != "pt, en" || in.Capacity != 3 ||
		in.OrgPref != "any" || in.Cohort != "2026 spring" {
		t.Errorf("imported %+v", in)
	}
	dst.DB.Model(&in).UpdateColumns(map[string]any{"organization": "Old", "capacity": 0})
	b.People[0].UpdatedAt = "2030-01-01T00:00:00Z" // the bundle's side is newer: it wins the merge
	load(t, dst.DB, encoded(t, b))
	dst.DB.Take(&in, in.ID)
	if in.Organization != "Acme" || in.Capacity != 3 {
		t.Errorf("after a second import: organization %q, capacity %d", in.Organization, in.Capacity)
	}
}
