package dbcopy_test

import (
	"context"
	"errors"
	"maps"
	"strings"
	"testing"

	"circlebook/backend/bundle"
	"circlebook/backend/dbcopy"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/services"
	"circlebook/backend/sessions"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// Two laptops (the sample program with withDemo's extras, whose notes,
// pin and action item get new UUIDs on each, and each leader's own work
// through the services) merge into one database, on each engine: the first into the
// empty one (a copy), the second by UUID. Everything of both is there
// once; Zoe, entered on both, is one person; the shared circle's new
// sessions are numbered apart; the note typed on both keeps the first's
// text and the second's as a revision. Merging both again adds nothing.
// Then the merged database merges back into a laptop (PostgreSQL ->
// SQLite on the postgres target).
func TestMergeTwoLaptops(t *testing.T) {
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			ana, ben := laptop(t, "ana", "2026-12-10T10:00"), laptop(t, "ben", "2026-12-08T10:00")
			dst := target(t)
			if rep := mergeDB(t, ana.DB, dst.DB); rep.Copied == nil {
				t.Fatal("a merge into an empty database was not a copy")
			}
			rep := mergeDB(t, ben.DB, dst.DB)
			got := byTable(rep)
			for table, want := range map[string][2]int64{ // added, kept by key
				"circles": {1, 0}, "people": {2, 1}, "topics": {0, 1}, "memberships": {1, 1}, "sessions": {2, 0},
				"notes": {2, 3}, "session_topics": {1, 0}, "action_items": {1, 0}, "pins": {1, 0}, "attendance": {2, 0},
				// the frameworks (and items) made on both under one name are one each (addGrowth's and
				// addLaptopGrowth's); so are the ratings both made (the first person's, Zoe's) and the
				// first person's feedback; the rest is each laptop's own, a private milestone included
				"frameworks": {0, 2}, "framework_items": {0, 2}, "circle_frameworks": {1, 0}, "goals": {3, 0}, "goal_tasks": {3, 0},
				"goal_checkins": {2, 0}, "milestones": {3, 0}, "skill_ratings": {1, 2}, "session_feedback": {2, 1},
			} {
				if g := got[table]; g.Added != want[0] || g.ByKey != want[1] {
					t.Errorf("%s: added %d, kept by key %d, want %d and %d", table, g.Added, g.ByKey, want[0], want[1])
				}
			}
			if got["notes"].Differing != 1 || got["note_revisions"].Added < 1 {
				t.Errorf("notes: %d differing, %d revisions added; want the shared note's second text kept as a revision",
					got["notes"].Differing, got["note_revisions"].Added)
			}
			checkAllThere(t, ana.DB, dst.DB, dbcopy.MergeReport{})
			checkAllThere(t, ben.DB, dst.DB, rep)
			checkNumbers(t, dst.DB, ana.DB, ben.DB)
			checkKeptText(t, dst.DB, "ben wrote this")

			before := fingerprint(t, dst.DB)
			for i, src := range []*store.Store{ana, ben} {
				if added, _ := mergeDB(t, src.DB, dst.DB).Totals(); added != 0 {
					t.Errorf("merging laptop %d again added %d records", i+1, added)
				}
			}
			if after := fingerprint(t, dst.DB); !before.Equal(after) {
				t.Errorf("merging again changed the target:%s", before.Diff(after))
			}
			copyDB(t, dst.DB, sqliteStore(t).DB) // its checks compare the derived tables with the ones a fresh file's triggers build
			if p := testdb.With(t, dst.DB).Person("After the merge"); p.ID == 0 {
				t.Error("no id after the merge")
			}

			back := mergeDB(t, dst.DB, ben.DB)
			checkAllThere(t, dst.DB, ben.DB, back)
			if added, _ := mergeDB(t, dst.DB, ben.DB).Totals(); added != 0 {
				t.Errorf("merging back again added %d records", added)
			}
		})
	}
}

// checkNumbers checks the shared circle's session numbers: each once, the
// first laptop's new session keeping its number, the second's taking the next.
func checkNumbers(t *testing.T, dst, first, second *gorm.DB) {
	t.Helper()
	craft := circleNamed(t, dst, shared)
	var nums []int
	if err := dst.Model(&model.Session{}).Where("circle_id = ?", craft.ID).Order("number").Pluck("number", &nums).Error; err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(nums); i++ {
		if nums[i] == nums[i-1] {
			t.Errorf("two sessions of %s have number %d: %v", shared, nums[i], nums)
		}
	}
	newest := func(db *gorm.DB) model.Session {
		var s model.Session
		if err := db.Where("circle_id = ?", circleNamed(t, db, shared).ID).Order("created_at DESC, id DESC").First(&s).Error; err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b := newest(first), newest(second)
	var ga, gb model.Session
	dst.Where("uuid = ?", a.UUID).Take(&ga)
	dst.Where("uuid = ?", b.UUID).Take(&gb)
	if ga.Number != a.Number || gb.Number != nums[len(nums)-1] || gb.Number != a.Number+1 {
		t.Errorf("new sessions numbered %d and %d, want %d (kept) and %d (next)", ga.Number, gb.Number, a.Number, a.Number+1)
	}
}

// checkKeptText checks that a note's other text is one of its revisions.
func checkKeptText(t *testing.T, db *gorm.DB, body string) {
	t.Helper()
	var n int64
	if err := db.Model(&model.NoteRevision{}).Where("body = ? AND reason = ?", body, model.RevisionBeforeRestore).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d revisions hold %q, want 1", n, body)
	}
}

// A failure halfway (the target refuses notes, after the circles, people,
// sessions and marks went in) leaves the target as it was.
func TestMergeFailureLeavesTargetAsItWas(t *testing.T) {
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			dst := target(t)
			mergeDB(t, laptop(t, "ana", "2026-12-10T10:00").DB, dst.DB)
			testdb.FailInserts(t, dst.DB, "notes", "no notes today")
			before := fingerprint(t, dst.DB)
			_, err := dbcopy.Merge(context.Background(), laptop(t, "ben", "2026-12-08T10:00").DB, dst.DB, dbcopy.Options{Batch: 7})
			if err == nil || !strings.Contains(err.Error(), "no notes today") {
				t.Fatalf("err = %v, want the notes refused", err)
			}
			if after := fingerprint(t, dst.DB); !before.Equal(after) {
				t.Errorf("a failed merge changed the target:%s", before.Diff(after))
			}
		})
	}
}

// A session that belongs to another circle in the target than in the
// source is a conflict (as for the bundle import): refused, target unchanged.
func TestMergeConflictIsRefused(t *testing.T) {
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			dst := target(t)
			src := withDemo(t, sqliteStore(t))
			mergeDB(t, src.DB, dst.DB)
			craft := circleNamed(t, src.DB, shared)
			err := src.DB.Exec("UPDATE sessions SET circle_id = (SELECT MIN(id) FROM circles WHERE id <> ?) WHERE id = (SELECT MIN(id) FROM sessions WHERE circle_id = ?)",
				craft.ID, craft.ID).Error
			if err != nil {
				t.Fatal(err)
			}
			before := fingerprint(t, dst.DB)
			_, err = dbcopy.Merge(context.Background(), src.DB, dst.DB, dbcopy.Options{})
			if !errors.Is(err, dbcopy.ErrConflict) {
				t.Fatalf("err = %v, want ErrConflict", err)
			}
			if after := fingerprint(t, dst.DB); !before.Equal(after) {
				t.Errorf("a refused merge changed the target:%s", before.Diff(after))
			}
		})
	}
}

// One circle on both sides (the second laptop a copy of the first, as if
// synced), with new sessions on both since: the target's keep their
// numbers, the source's keep theirs where free and take the next after the
// highest where not, by the bundle import's rule; a mark both changed stays
// as the target has it, and the tallies follow the marks.
func TestMergeOverlappingCircle(t *testing.T) {
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			base := withDemo(t, sqliteStore(t))
			dst, src := target(t), sqliteStore(t)
			copyDB(t, base.DB, dst.DB)
			copyDB(t, base.DB, src.DB)
			craft := circleNamed(t, src.DB, shared)
			var n int
			if err := src.DB.Model(&model.Session{}).Where("circle_id = ?", craft.ID).Select("MAX(number)").Scan(&n).Error; err != nil {
				t.Fatal(err)
			}
			var mark model.Attendance
			if err := src.DB.Joins("JOIN sessions s ON s.id = attendance.session_id").Where("s.circle_id = ? AND s.status = 'held'", craft.ID).
				Order("attendance.id").First(&mark).Error; err != nil {
				t.Fatal(err)
			}
			here, there := services.New(dst.DB, testdb.Now, t.TempDir()), services.New(src.DB, testdb.Now, t.TempDir())
			ours := schedule(t, here, craft.ID, "2026-12-10T10:00")
			early, late := schedule(t, there, craft.ID, "2026-12-08T10:00"), schedule(t, there, craft.ID, "2026-12-20T10:00")
			if ours.Number != n+1 || early.Number != n+1 || late.Number != n+2 {
				t.Fatalf("numbers before the merge %d, %d, %d, want %d, %d, %d", ours.Number, early.Number, late.Number, n+1, n+1, n+2)
			}
			if _, err := there.Sessions.MarkAttendance(mark.SessionID, mark.PersonID, otherStatus(mark.Status)); err != nil {
				t.Fatal(err)
			}

			rep := byTable(mergeDB(t, src.DB, dst.DB))
			if rep["sessions"].Added != 2 || rep["attendance"].Added != 0 || rep["circles"].Added != 0 {
				t.Errorf("added %d sessions, %d marks, %d circles; want 2, 0, 0", rep["sessions"].Added, rep["attendance"].Added, rep["circles"].Added)
			}
			for uuid, want := range map[string]int{ours.UUID: n + 1, early.UUID: n + 3, late.UUID: n + 2} {
				var got model.Session
				if err := dst.DB.Where("uuid = ?", uuid).Take(&got).Error; err != nil {
					t.Fatal(err)
				}
				if got.Number != want {
					t.Errorf("session at %s has number %d, want %d", got.StartsAt, got.Number, want)
				}
			}
			var status string
			dst.DB.Model(&model.Attendance{}).Where("uuid = ?", mark.UUID).Pluck("status", &status)
			if status != mark.Status {
				t.Errorf("the mark both changed is %s in the target, want the target's %s", status, mark.Status)
			}
			copyDB(t, dst.DB, sqliteStore(t).DB) // compares the tallies with the ones a fresh file's triggers build
		})
	}
}

// schedule schedules a held session of circle at startsAt through the services.
func schedule(t *testing.T, s *services.Services, circle uint, startsAt string) model.Session {
	t.Helper()
	ses, err := s.Sessions.Schedule(circle, sessions.SessionInput{StartsAt: startsAt, Status: model.SessionHeld})
	if err != nil {
		t.Fatal(err)
	}
	return ses
}

// otherStatus is a mark's status other than s.
func otherStatus(s string) string {
	if s == model.Late {
		return model.Absent
	}
	return model.Late
}

// A merging copy and the bundle import follow the same rules: the second
// laptop merged by copy, or imported circle by circle as bundles, leaves
// the same records (by UUID) and the same session numbers in the target,
// and the same growth records, each where it belongs; only the copy also
// brings the person in no circle, and the private and personal goals and
// private milestones no bundle carries.
func TestMergeAgreesWithBundleImport(t *testing.T) {
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			ana, ben := laptop(t, "ana", "2026-12-10T10:00"), laptop(t, "ben", "2026-12-08T10:00")
			byCopy, byBundle := target(t), target(t)
			for _, dst := range []*store.Store{byCopy, byBundle} {
				mergeDB(t, ana.DB, dst.DB)
			}
			before := beforeGrowth(t, byCopy.DB)
			mergeDB(t, ben.DB, byCopy.DB)
			var circles []model.Circle
			if err := ben.DB.Order("id").Find(&circles).Error; err != nil {
				t.Fatal(err)
			}
			var bundles []bundle.Bundle
			for _, c := range circles {
				b, err := bundle.Export(ben.DB, c.ID, bundle.Options{IncludePrivate: true}, testdb.Today)
				if err != nil {
					t.Fatal(err)
				}
				bundles = append(bundles, b)
				err = byBundle.DB.Transaction(func(tx *gorm.DB) error { _, err := bundle.Merge(tx, b, testdb.Today); return err })
				if err != nil {
					t.Fatalf("import %s: %v", c.Name, err)
				}
			}
			for _, table := range []string{"circles", "people", "topics", "memberships", "sessions", "agenda_items", "attendance",
				"notes", "pins", "action_items"} {
				extra := int64(0)
				if table == "people" {
					extra = 1 // ben Outsider, in no circle
				}
				if got, want := missing(t, byBundle.DB, byCopy.DB, table), int64(0); got != want {
					t.Errorf("%s: %d records the import brought are not in the merged copy", table, got)
				}
				if got := missing(t, byCopy.DB, byBundle.DB, table); got != extra {
					t.Errorf("%s: the merged copy has %d records the import did not bring, want %d", table, got, extra)
				}
			}
			if a, b := numbers(t, byCopy.DB), numbers(t, byBundle.DB); !maps.Equal(a, b) {
				t.Errorf("session numbers differ:\n copy   %v\n import %v", a, b)
			}
			checkGrowthAgrees(t, byCopy.DB, byBundle.DB, ben.DB, before, bundles)
		})
	}
}

// numbers maps each session's UUID to its number.
func numbers(t *testing.T, db *gorm.DB) map[string]int {
	t.Helper()
	var rows []model.Session
	if err := db.Select("uuid", "number").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, s := range rows {
		out[s.UUID] = s.Number
	}
	return out
}

// Records the target lacks among ones it has (here: a circle and a person
// deleted from it since a copy) are added wherever they lie in the
// source's batches; afterwards the target has what the source has.
func TestMergeAddsAmongKeptRecords(t *testing.T) {
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			src := withDemo(t, sqliteStore(t))
			dst := target(t)
			copyDB(t, src.DB, dst.DB)
			s := services.New(dst.DB, testdb.Now, t.TempDir())
			var first model.Circle
			var person model.Person
			if err := dst.DB.Order("id").First(&first).Error; err != nil {
				t.Fatal(err)
			}
			if err := dst.DB.Order("id").Offset(3).First(&person).Error; err != nil {
				t.Fatal(err)
			}
			if err := s.Circles.Delete(first.ID); err != nil {
				t.Fatal(err)
			}
			if err := s.People.Delete(person.ID); err != nil {
				t.Fatal(err)
			}
			rep := mergeDB(t, src.DB, dst.DB)
			checkAllThere(t, src.DB, dst.DB, dbcopy.MergeReport{})
			if got := byTable(rep); got["circles"].Added != 1 || got["people"].Added != 1 || got["sessions"].Added == 0 {
				t.Errorf("added %d circles, %d people, %d sessions; want 1, 1 and the circle's", got["circles"].Added, got["people"].Added, got["sessions"].Added)
			}
			if got, want := counts(t, dst.DB), counts(t, src.DB); !maps.Equal(got, want) {
				t.Errorf("counts %v, want the source's %v", got, want)
			}
		})
	}
}
