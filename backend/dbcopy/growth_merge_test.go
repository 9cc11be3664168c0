package dbcopy_test

import (
	"context"
	"errors"
	"testing"

	"circlebook/backend/bundle"
	"circlebook/backend/dbcopy"
	"circlebook/backend/growth"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/services"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// A growth record matched by UUID that belongs elsewhere in the target
// than in the source is a conflict, as for the bundle import: refused,
// the target unchanged. Each case moves one record in the source after
// both sides were copied from one database.
func TestMergeGrowthConflictIsRefused(t *testing.T) {
	moves := map[string]string{
		"a goal to another person": `UPDATE goals SET person_id = (SELECT MIN(id) FROM people WHERE id <> goals.person_id)
			WHERE id = (SELECT MIN(id) FROM goals)`,
		"a check-in to another session": `UPDATE goal_checkins SET session_id = (SELECT MIN(id) FROM sessions WHERE id <> goal_checkins.session_id)
			WHERE id = (SELECT MIN(id) FROM goal_checkins WHERE session_id IS NOT NULL)`,
		"a milestone to another person": `UPDATE milestones SET person_id = (SELECT MIN(id) FROM people WHERE id <> milestones.person_id)
			WHERE id = (SELECT MIN(id) FROM milestones)`,
		"an item to another framework": `UPDATE framework_items SET name = 'Moved',
			framework_id = (SELECT MIN(id) FROM frameworks WHERE id <> framework_items.framework_id) WHERE id = (SELECT MIN(id) FROM framework_items)`,
		"a rating to another phase": `UPDATE skill_ratings SET phase = CASE phase WHEN 'before' THEN 'after' ELSE 'before' END
			WHERE id = (SELECT MIN(r.id) FROM skill_ratings r WHERE NOT EXISTS (SELECT 1 FROM skill_ratings o WHERE o.circle_id = r.circle_id
			AND o.person_id = r.person_id AND o.framework_item_id = r.framework_item_id AND o.phase <> r.phase))`,
		"the group's feedback to a person": `UPDATE session_feedback SET person_id = (SELECT MIN(p.id) FROM people p
			WHERE NOT EXISTS (SELECT 1 FROM session_feedback o WHERE o.session_id = session_feedback.session_id AND o.person_id = p.id))
			WHERE id = (SELECT MIN(id) FROM session_feedback WHERE person_id IS NULL)`,
	}
	base := withDemo(t, sqliteStore(t))
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			for move, update := range moves {
				src, dst := sqliteStore(t), target(t)
				copyDB(t, base.DB, src.DB)
				copyDB(t, base.DB, dst.DB)
				if res := src.DB.Exec(update); res.Error != nil || res.RowsAffected != 1 {
					t.Fatalf("%s: %d rows moved (%v), want 1", move, res.RowsAffected, res.Error)
				}
				before := fingerprint(t, dst.DB)
				_, err := dbcopy.Merge(context.Background(), src.DB, dst.DB, dbcopy.Options{})
				if !errors.Is(err, dbcopy.ErrConflict) {
					t.Errorf("%s: err = %v, want ErrConflict", move, err)
				}
				if after := fingerprint(t, dst.DB); !before.Equal(after) {
					t.Errorf("%s: a refused merge changed the target:%s", move, before.Diff(after))
				}
			}
		})
	}
}

// growthPlaceSQL reads, for each growth table, every record's UUID (a
// circle's use of a framework: its circle's and framework's) and where it
// belongs, by the UUIDs of what it refers to and its key: what the merge
// and the bundle import must agree on.
var growthPlaceSQL = map[string]string{
	"frameworks": `SELECT uuid, lower(name) FROM frameworks`,
	"framework_items": `SELECT i.uuid, f.uuid || '/' || lower(i.name) FROM framework_items i
		JOIN frameworks f ON f.id = i.framework_id`,
	"circle_frameworks": `SELECT c.uuid || '/' || f.uuid, '' FROM circle_frameworks cf
		JOIN circles c ON c.id = cf.circle_id JOIN frameworks f ON f.id = cf.framework_id`,
	"goals": `SELECT g.uuid, p.uuid || '/' || COALESCE(c.uuid, '') || '/' || g.visibility FROM goals g
		JOIN people p ON p.id = g.person_id LEFT JOIN circles c ON c.id = g.circle_id`,
	"goal_tasks": `SELECT t.uuid, g.uuid FROM goal_tasks t JOIN goals g ON g.id = t.goal_id`,
	"goal_items": `SELECT g.uuid || '/' || i.uuid, '' FROM goal_items gi
		JOIN goals g ON g.id = gi.goal_id JOIN framework_items i ON i.id = gi.framework_item_id`,
	"goal_checkins": `SELECT k.uuid, g.uuid || '/' || COALESCE(s.uuid, '') FROM goal_checkins k
		JOIN goals g ON g.id = k.goal_id LEFT JOIN sessions s ON s.id = k.session_id`,
	"milestones": `SELECT m.uuid, p.uuid || '/' || m.visibility FROM milestones m JOIN people p ON p.id = m.person_id`,
	"skill_ratings": `SELECT r.uuid, c.uuid || '/' || p.uuid || '/' || i.uuid || '/' || r.phase FROM skill_ratings r
		JOIN circles c ON c.id = r.circle_id JOIN people p ON p.id = r.person_id JOIN framework_items i ON i.id = r.framework_item_id`,
	"session_feedback": `SELECT f.uuid, s.uuid || '/' || COALESCE(p.uuid, '') FROM session_feedback f
		JOIN sessions s ON s.id = f.session_id LEFT JOIN people p ON p.id = f.person_id`,
}

// growthPlaces reads where table's records belong, by UUID.
func growthPlaces(t *testing.T, db *gorm.DB, table string) map[string]string {
	t.Helper()
	rows, err := db.Raw(growthPlaceSQL[table]).Rows()
	if err != nil {
		t.Fatalf("%s: %v", table, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", table, err)
	}
	return out
}

// carried lists, by growth table, the UUIDs of the records bundles carry.
func carried(bundles []bundle.Bundle) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	add := func(table string, m bundle.Meta) {
		if out[table] == nil {
			out[table] = map[string]bool{}
		}
		out[table][m.UUID] = true
	}
	for _, b := range bundles {
		for _, g := range b.Goals {
			add("goals", g.Meta)
			for _, x := range g.Tasks {
				add("goal_tasks", x.Meta)
			}
			for _, item := range g.Items {
				add("goal_items", bundle.Meta{UUID: g.UUID + "/" + item})
			}
		}
		for _, f := range b.Frameworks {
			add("frameworks", f.Meta)
			for _, x := range f.Items {
				add("framework_items", x.Meta)
			}
		}
		for _, x := range b.CheckIns {
			add("goal_checkins", x.Meta)
		}
		for _, x := range b.Milestones {
			add("milestones", x.Meta)
		}
		for _, x := range b.SkillRatings {
			add("skill_ratings", x.Meta)
		}
		for _, x := range b.Feedback {
			add("session_feedback", x.Meta)
		}
	}
	return out
}

// checkGrowthAgrees checks that the growth records a merging copy of src
// left in byCopy are the ones the import of src's bundles left in
// byBundle, each where it belongs there; the copy also has what no bundle
// carries (private and personal goals, and their tasks and check-ins;
// private milestones), unless the target had it already (before: its
// records' places before either).
func checkGrowthAgrees(t *testing.T, byCopy, byBundle, src *gorm.DB, before map[string]map[string]string, bundles []bundle.Bundle) {
	t.Helper()
	sent := carried(bundles)
	for _, table := range growthTables {
		got, want := growthPlaces(t, byCopy, table), growthPlaces(t, byBundle, table)
		for k, place := range want {
			if p, ok := got[k]; !ok {
				t.Errorf("%s: %s, which the import brought, is not in the merged copy", table, k)
			} else if p != place {
				t.Errorf("%s: %s is at %s in the merged copy, at %s after the import", table, k, p, place)
			}
		}
		if table == "circle_frameworks" {
			if len(got) != len(want) {
				t.Errorf("circle_frameworks: the merged copy has %d uses, the import %d", len(got), len(want))
			}
			continue
		}
		extra := 0
		for k := range growthPlaces(t, src, table) {
			if _, had := before[table][k]; !had && !sent[table][k] {
				extra++
			}
		}
		if n := len(got) - len(want); n != extra {
			t.Errorf("%s: the merged copy has %d records the import did not bring, want %d (none of its bundles carried them)", table, n, extra)
		}
		if table == "goals" && extra == 0 {
			t.Error("goals: no private or personal goal was left to the copy: the test tests nothing")
		}
	}
}

// beforeGrowth reads where every growth record of db belongs, by table.
func beforeGrowth(t *testing.T, db *gorm.DB) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, table := range growthTables {
		out[table] = growthPlaces(t, db, table)
	}
	return out
}

// The group's feedback on a session (no person) given on both sides, each
// with its own UUID, is one form: matched by session and a NULL person, as
// the partial unique index keeps it, and kept as the target has it.
func TestMergeGroupFeedbackMatchesByKey(t *testing.T) {
	base := withDemo(t, sqliteStore(t))
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			src, dst := sqliteStore(t), target(t)
			var session uint
			if err := base.DB.Raw("SELECT MIN(session_id) FROM session_feedback WHERE person_id IS NULL").Scan(&session).Error; err != nil || session == 0 {
				t.Fatalf("no group feedback in the sample (%v)", err)
			}
			for side, st := range map[string]*store.Store{"source": src, "target": dst} {
				copyDB(t, base.DB, st.DB)
				if err := st.DB.Exec("DELETE FROM session_feedback WHERE session_id = ? AND person_id IS NULL", session).Error; err != nil {
					t.Fatal(err)
				}
				s := services.New(st.DB, testdb.Now, t.TempDir())
				if _, err := s.Feedback.Give(growth.FeedbackInput{SessionID: session, Usefulness: 3, Worked: side}); err != nil {
					t.Fatal(err)
				}
			}
			got := byTable(mergeDB(t, src.DB, dst.DB))["session_feedback"]
			if got.Added != 0 || got.ByKey != 1 {
				t.Errorf("feedback: added %d, kept by key %d, want 0 and 1", got.Added, got.ByKey)
			}
			var worked []string
			dst.DB.Model(&model.SessionFeedback{}).Where("session_id = ? AND person_id IS NULL", session).Pluck("worked", &worked)
			if len(worked) != 1 || worked[0] != "target" {
				t.Errorf("the group's feedback in the target: %q, want the target's alone", worked)
			}
		})
	}
}
