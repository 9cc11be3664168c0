package bundle_test

import (
	"bytes"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/bundle"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// sharedLinksSQL counts the links of a circle's shared goals to items of
// the frameworks it uses: what its bundle carries.
const sharedLinksSQL = `SELECT COUNT(*) FROM goal_items gi JOIN goals g ON g.id = gi.goal_id
	JOIN framework_items i ON i.id = gi.framework_item_id
	JOIN circle_frameworks cf ON cf.framework_id = i.framework_id AND cf.circle_id = g.circle_id
	WHERE g.circle_id = ? AND g.visibility = ?`

// TestGoalItemsTravel: a bundle carries its shared goals' links to their
// skills, never a private goal's; they import onto the goals, and a second
// import adds none.
func TestGoalItemsTravel(t *testing.T) {
	src, ids := withSample(t)
	dst := newStore(t)
	carried := 0
	var datas [][]byte
	for _, id := range ids {
		b, data := export(t, src.DB, id, true)
		datas = append(datas, data)
		n := 0
		for _, g := range b.Goals {
			n += len(g.Items)
		}
		var shared int64
		src.DB.Raw(sharedLinksSQL, id, model.Shared).Scan(&shared)
		if int64(n) != shared {
			t.Errorf("circle %d: the bundle links %d items, its shared goals %d", id, n, shared)
		}
		res := load(t, dst.DB, data)
		if res.GoalItems.Created != n {
			t.Errorf("circle %d: import linked %+v, want %d created", id, res.GoalItems, n)
		}
		carried += n
	}
	var private int64
	src.DB.Raw("SELECT COUNT(*) FROM goal_items gi JOIN goals g ON g.id = gi.goal_id WHERE g.visibility = ?", model.Private).Scan(&private)
	if carried < 10 || private == 0 {
		t.Fatalf("the sample's bundles carry %d links, and it has %d of private goals: want some of each", carried, private)
	}
	if got := dst.Count("goal_items"); got != int64(carried) {
		t.Errorf("%d links after the import, want the %d carried (no private goal's)", got, carried)
	}
	for _, data := range datas {
		if res := load(t, dst.DB, data); res.GoalItems.Created != 0 {
			t.Errorf("imported again: %+v links, want none created", res.GoalItems)
		}
	}
}

// A bundle made before goals had linked items (no "items") still imports.
func TestBundleWithoutGoalItemsImports(t *testing.T) {
	src, ids := withSample(t)
	b, _ := export(t, src.DB, ids[0], false)
	for i := range b.Goals {
		b.Goals[i].Items = nil
	}
	data := encoded(t, b)
	dst := newStore(t)
	if res := load(t, dst.DB, data); res.Goals.Created != len(b.Goals) || dst.Count("goal_items") != 0 {
		t.Errorf("imported %+v goals and %d links, want %d goals, no links", res.Goals, dst.Count("goal_items"), len(b.Goals))
	}
}

func TestGoalItemsRefused(t *testing.T) {
	src, ids := withSample(t)
	valid, _ := export(t, src.DB, ids[0], false)
	g := -1
	for i, x := range valid.Goals {
		if len(x.Items) > 0 {
			g = i
			break
		}
	}
	if g < 0 {
		t.Fatal("no goal of the first sample circle links an item")
	}
	var items []string
	for _, it := range valid.Frameworks[0].Items {
		items = append(items, it.UUID)
	}
	for _, tt := range []struct {
		name string
		edit func(b *bundle.Bundle)
		code apperr.Code
		msg  string
	}{
		{"an unknown item", func(b *bundle.Bundle) {
			b.Goals[g].Items = append(b.Goals[g].Items, "0b3f1c9e-0000-4000-8000-000000000001")
		}, apperr.Invalid, "must be an item of a framework the circle uses"},
		{"an item of a framework the circle does not use", func(b *bundle.Bundle) {
			b.Frameworks[0].Used = false
		}, apperr.Invalid, "must be an item of a framework the circle uses"},
		{"an item twice", func(b *bundle.Bundle) { b.Goals[g].Items = []string{items[0], items[0]} }, apperr.Invalid, "has the same item"},
		{"not a UUID", func(b *bundle.Bundle) { b.Goals[g].Items = []string{"Communication"} }, apperr.Invalid, ""},
		{"more than the cap", func(b *bundle.Bundle) {
			b.Goals[g].Items = nil
			for range model.MaxGoalItems + 1 {
				b.Goals[g].Items = append(b.Goals[g].Items, items[0])
			}
		}, apperr.TooLong, "There are 9"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := decoded(t, encoded(t, valid))
			tt.edit(&b)
			_, err := bundle.Read(bytes.NewReader(encoded(t, b)))
			ae := testdb.WantError(t, err, tt.code, bundle.Field)
			if !strings.HasPrefix(ae.Message, "goals[") || !strings.Contains(ae.Message, ".items") || !strings.Contains(ae.Message, tt.msg) {
				t.Errorf("message = %q, want it about goals[%d].items, saying %q", ae.Message, g, tt.msg)
			}
		})
	}
}
