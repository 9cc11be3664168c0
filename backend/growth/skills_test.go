package growth_test

import (
	"maps"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/growth"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestSkillsBeforeAfter(t *testing.T) {
	st, f := open(t)
	fws := growth.NewFrameworks(st.DB, testdb.Now)
	svc := growth.NewSkills(st.DB, testdb.Now)
	c, ana := circleOf(f)
	fw, err := fws.Create(growth.FrameworkInput{Name: "Core", Items: []string{"Listening", "Feedback"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fws.Use(c.ID, fw.ID); err != nil {
		t.Fatal(err)
	}
	listening := fw.Items[0].ID
	rate := func(phase string, rating int) []growth.SkillRow {
		t.Helper()
		rows, err := svc.Rate(growth.RatingInput{PersonID: ana.ID, CircleID: c.ID, FrameworkItemID: listening, Rating: rating, Phase: phase})
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	rate(model.PhaseBefore, 1)
	rate(model.PhaseBefore, 2) // replaces the first
	rows := rate(model.PhaseAfter, 4)
	if len(rows) != 2 || rows[0].Name != "Listening" || rows[0].Before != 2 || rows[0].After != 4 || rows[1].Before != 0 {
		t.Errorf("ratings = %+v, want Listening 2 -> 4 and Feedback unrated", rows)
	}
	if n := f.Count("skill_ratings"); n != 2 {
		t.Errorf("skill_ratings = %d, want 2 (one per phase)", n)
	}
	view, err := growth.NewStory(st.DB, testdb.Now).Circle(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(view.Skills) != 2 || view.Skills[0].Before != 2 || view.Skills[0].After != 4 || view.Skills[0].RatedAfter != 1 {
		t.Errorf("circle skills = %+v", view.Skills)
	}
}

func TestSkillRejects(t *testing.T) {
	st, f := open(t)
	fws := growth.NewFrameworks(st.DB, testdb.Now)
	svc := growth.NewSkills(st.DB, testdb.Now)
	c, ana := circleOf(f)
	bo := f.Person("Bo")
	used, _ := fws.Create(growth.FrameworkInput{Name: "Used", Items: []string{"A"}})
	unused, _ := fws.Create(growth.FrameworkInput{Name: "Unused", Items: []string{"B"}})
	if _, err := fws.Use(c.ID, used.ID); err != nil {
		t.Fatal(err)
	}
	ok := growth.RatingInput{PersonID: ana.ID, CircleID: c.ID, FrameworkItemID: used.Items[0].ID, Rating: 3, Phase: model.PhaseBefore}
	for _, tt := range []struct {
		name   string
		edit   func(*growth.RatingInput)
		fields []string
	}{
		{"rating 0", func(in *growth.RatingInput) { in.Rating = 0 }, []string{"rating"}},
		{"rating 6 and no phase", func(in *growth.RatingInput) { in.Rating, in.Phase = 6, "during" }, []string{"rating", "phase"}},
		{"not a member", func(in *growth.RatingInput) { in.PersonID = bo.ID }, []string{"personId"}},
		{"item of a framework not used", func(in *growth.RatingInput) { in.FrameworkItemID = unused.Items[0].ID }, []string{"frameworkItemId"}},
		{"in the future", func(in *growth.RatingInput) { in.RatedOn = "2026-12-01" }, []string{"ratedOn"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.edit(&in)
			before := counts(f)
			_, err := svc.Rate(in)
			testdb.WantFields(t, err, tt.fields...)
			if after := counts(f); !maps.Equal(before, after) {
				t.Errorf("rows %v, want %v", after, before)
			}
		})
	}
	in := ok
	in.CircleID = 999
	_, err := svc.Rate(in)
	testdb.WantError(t, err, apperr.NotFound, "")
}
