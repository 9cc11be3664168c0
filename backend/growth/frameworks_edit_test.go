package growth_test

import (
	"maps"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/growth"
	"circlebook/backend/internal/testdb"
)

func TestFrameworkRename(t *testing.T) {
	st, f := open(t)
	svc := growth.NewFrameworks(st.DB, testdb.Now)
	core, err := svc.Create(growth.FrameworkInput{Name: "Core skills", Items: []string{"Listening", "Feedback"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Create(growth.FrameworkInput{Name: "Principles", Items: []string{"Ownership"}}); err != nil {
		t.Fatal(err)
	}

	got, err := svc.Rename(core.ID, "  Mentoring skills ")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != core.ID || got.Name != "Mentoring skills" || len(got.Items) != 2 || got.Items[1].Name != "Feedback" {
		t.Errorf("Rename = %+v", got)
	}
	if stored, _ := svc.Get(core.ID); stored.Name != "Mentoring skills" || stored.UUID != core.UUID {
		t.Errorf("stored = %+v", stored)
	}
	// The same name in other case is the same framework's: allowed.
	if got, err := svc.Rename(core.ID, "MENTORING skills"); err != nil || got.Name != "MENTORING skills" {
		t.Errorf("Rename(case only) = %+v, %v", got, err)
	}

	before := counts(f)
	for _, tt := range []struct {
		name, to string
		code     apperr.Code
		field    string
	}{
		{"empty", "   ", apperr.Invalid, "name"},
		{"two lines", "Core\nskills", apperr.Invalid, "name"},
		{"too long", strings.Repeat("x", 201), apperr.TooLong, "name"},
		{"another's name, case aside", "principles", apperr.Conflict, "name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := svc.Rename(core.ID, tt.to)
			testdb.WantError(t, err, tt.code, tt.field)
		})
	}
	_, err = svc.Rename(999, "Anything")
	testdb.WantError(t, err, apperr.NotFound, "")
	if after := counts(f); !maps.Equal(before, after) {
		t.Errorf("refused renames wrote: %v -> %v", before, after)
	}
	if stored, _ := svc.Get(core.ID); stored.Name != "MENTORING skills" {
		t.Errorf("a refused rename changed the name to %q", stored.Name)
	}
}

func TestFrameworkDelete(t *testing.T) {
	st, f := open(t)
	svc := growth.NewFrameworks(st.DB, testdb.Now)
	c, ana := circleOf(f)
	newFramework := func(name string) uint {
		fw, err := svc.Create(growth.FrameworkInput{Name: name, Items: []string{"Listening", "Feedback"}})
		if err != nil {
			t.Fatal(err)
		}
		return fw.ID
	}
	spare, used, rated := newFramework("Spare"), newFramework("Used"), newFramework("Rated")

	// Unused and unrated: it goes, with its items.
	if err := svc.Delete(spare); err != nil {
		t.Fatal(err)
	}
	_, err := svc.Get(spare)
	testdb.WantError(t, err, apperr.NotFound, "")
	if n := f.Count("framework_items"); n != 4 {
		t.Errorf("framework_items = %d, want 4 (the deleted one's went)", n)
	}

	// Used by a circle: refused, nothing written; dropped, it goes.
	if _, err := svc.Use(c.ID, used); err != nil {
		t.Fatal(err)
	}
	before := counts(f)
	ae := testdb.WantError(t, svc.Delete(used), apperr.Conflict, "")
	if !strings.Contains(ae.Message, "used by 1 circle") {
		t.Errorf("message %q", ae.Message)
	}
	if after := counts(f); !maps.Equal(before, after) {
		t.Errorf("a refused delete wrote: %v -> %v", before, after)
	}
	if _, err := svc.Drop(c.ID, used); err != nil {
		t.Fatal(err)
	}
	if err := svc.Delete(used); err != nil {
		t.Errorf("Delete after Drop: %v", err)
	}

	// Rated in a circle that no longer uses it: the ratings keep it.
	fw, err := svc.Get(rated)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Use(c.ID, rated); err != nil {
		t.Fatal(err)
	}
	skills := growth.NewSkills(st.DB, testdb.Now)
	if _, err := skills.Rate(growth.RatingInput{PersonID: ana.ID, CircleID: c.ID, FrameworkItemID: fw.Items[1].ID, Rating: 3, Phase: "before"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Drop(c.ID, rated); err != nil {
		t.Fatal(err)
	}
	before = counts(f)
	ae = testdb.WantError(t, svc.Delete(rated), apperr.Conflict, "")
	if !strings.Contains(ae.Message, "1 skill rating") {
		t.Errorf("message %q", ae.Message)
	}
	if after := counts(f); !maps.Equal(before, after) {
		t.Errorf("a refused delete wrote: %v -> %v", before, after)
	}

	testdb.WantError(t, svc.Delete(999), apperr.NotFound, "")
}
