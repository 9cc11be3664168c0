package topics_test

import (
	"slices"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/circles"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/topics"
)

func setup(t *testing.T) (*topics.Topics, testdb.Fixture) {
	t.Helper()
	st, f := testdb.New(t)
	return topics.New(st.DB, testdb.Now), f
}

func list(t *testing.T, svc *topics.Topics) []topics.Topic {
	t.Helper()
	all, err := svc.List()
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func names(ts []topics.Topic) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return out
}

func find(t *testing.T, svc *topics.Topics, name string) topics.Topic {
	t.Helper()
	for _, tp := range list(t, svc) {
		if tp.Name == name {
			return tp
		}
	}
	t.Fatalf("no topic %q", name)
	return topics.Topic{}
}

func TestSeededTopics(t *testing.T) {
	svc, f := setup(t)
	want := []string{"Career growth", "Data-driven decisions", "Feedback", "Leadership principles",
		"Prioritization", "Product design", "Project management"}
	if got := names(list(t, svc)); !slices.Equal(got, want) {
		t.Errorf("topics after migration = %v, want %v", got, want)
	}
	var uuids []string
	f.DB.Model(&model.Topic{}).Pluck("uuid", &uuids)
	if len(uuids) != 7 || slices.Contains(uuids, "") {
		t.Errorf("seeded uuids = %v, want seven, none empty", uuids)
	}
}

func TestCreate(t *testing.T) {
	svc, _ := setup(t)
	got, err := svc.Create("  mentoring styles ")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == 0 || got.Name != "mentoring styles" || got.UUID == "" {
		t.Errorf("created %+v, want the trimmed name", got)
	}
	all := names(list(t, svc))
	if i := slices.Index(all, "mentoring styles"); i != 4 { // by name, ignoring case
		t.Errorf("topics = %v, want the new one between Leadership principles and Prioritization", all)
	}
}

func TestCreateRejects(t *testing.T) {
	svc, f := setup(t)
	tests := []struct {
		name  string
		code  apperr.Code
		field string
	}{
		{"", apperr.Invalid, "name"},
		{"   ", apperr.Invalid, "name"},
		{strings.Repeat("a", check.MaxText+1), apperr.TooLong, "name"},
		{"Feedback", apperr.Conflict, "name"},
		{"FEEDBACK", apperr.Conflict, "name"},
		{" feedback ", apperr.Conflict, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := svc.Create(tt.name)
			testdb.WantError(t, err, tt.code, tt.field)
			if n := f.Count("topics"); n != 7 {
				t.Errorf("%d topics, want the seven seeded", n)
			}
		})
	}
}

func TestRename(t *testing.T) {
	svc, f := setup(t)
	fb := find(t, svc, "Feedback")
	c := f.Circle("Leaders")
	s := f.Session(c, "2026-11-25T17:00", model.SessionHeld)
	f.Tag(s, model.Topic{Base: model.Base{ID: fb.ID}})

	got, err := svc.Rename(fb.ID, " Giving feedback ")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != fb.ID || got.Name != "Giving feedback" {
		t.Errorf("renamed %+v", got)
	}
	if r := find(t, svc, "Giving feedback"); r.SessionCount != 1 {
		t.Errorf("renamed topic has %d sessions, want its tag kept", r.SessionCount)
	}
	if _, err := svc.Rename(fb.ID, "giving FEEDBACK"); err != nil {
		t.Errorf("changing only the case of a name: %v", err)
	}

	_, err = svc.Rename(fb.ID, "career GROWTH")
	testdb.WantError(t, err, apperr.Conflict, "name")
	_, err = svc.Rename(fb.ID, " ")
	testdb.WantError(t, err, apperr.Invalid, "name")
	_, err = svc.Rename(999, "Anything")
	testdb.WantError(t, err, apperr.NotFound, "")
	if got := find(t, svc, "giving FEEDBACK"); got.ID != fb.ID {
		t.Errorf("after refused renames the topic is %+v", got)
	}
}

func TestDeleteCascadesToSessionTags(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	s := f.Session(c, "2026-11-25T17:00", model.SessionHeld)
	gone := f.Topic("Gone soon")
	kept := f.Topic("Kept")
	f.Tag(s, gone)
	f.Tag(s, kept)

	if err := svc.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	var tags []uint
	f.DB.Model(&model.SessionTopic{}).Where("session_id = ?", s.ID).Pluck("topic_id", &tags)
	if !slices.Equal(tags, []uint{kept.ID}) {
		t.Errorf("session's topics = %v, want only [%d]", tags, kept.ID)
	}
	if n := f.Count("topics"); n != 8 {
		t.Errorf("%d topics, want 8", n)
	}
	testdb.WantError(t, svc.Delete(gone.ID), apperr.NotFound, "")
}

func TestListCountsSessions(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	other := f.Circle("Other")
	a := f.Session(c, "2026-11-11T17:00", model.SessionHeld)
	b := f.Session(c, "2026-11-25T17:00", model.SessionPlanned)
	x := f.Session(other, "2026-11-25T17:00", model.SessionHeld)
	fb := f.Topic("Hiring")
	f.Tag(a, fb)
	f.Tag(b, fb)
	f.Tag(x, fb)

	counts := map[string]int{}
	for _, tp := range list(t, svc) {
		counts[tp.Name] = tp.SessionCount
	}
	if counts["Hiring"] != 3 || counts["Feedback"] != 0 || len(counts) != 8 {
		t.Errorf("counts = %v, want Hiring 3 and the rest 0", counts)
	}
}

func TestCirclePageTopics(t *testing.T) {
	_, f := setup(t)
	c := f.Circle("Leaders")
	other := f.Circle("Other")
	held1 := f.Session(c, "2026-10-28T17:00", model.SessionHeld)
	held2 := f.Session(c, "2026-11-11T17:00", model.SessionHeld)
	planned := f.Session(c, "2026-11-25T17:00", model.SessionPlanned)
	cancelled := f.Session(c, "2026-12-09T17:00", model.SessionCancelled)
	elsewhere := f.Session(other, "2026-11-11T17:00", model.SessionHeld)
	hiring, budgets, ethics, zebra := f.Topic("Hiring"), f.Topic("budgets"), f.Topic("Ethics"), f.Topic("Zebra")
	for _, s := range []model.Session{held1, held2, planned} {
		f.Tag(s, hiring)
	}
	f.Tag(held1, budgets)
	f.Tag(held2, ethics)
	f.Tag(cancelled, ethics)
	f.Tag(cancelled, zebra) // only on a cancelled session: not covered
	f.Tag(elsewhere, zebra) // another circle's

	page, err := circles.New(f.DB, testdb.Now).Get(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tp := range page.Topics {
		got = append(got, tp.Name+":"+strings.Repeat("I", tp.SessionCount))
	}
	want := []string{"Hiring:III", "budgets:I", "Ethics:I"} // most first, then by name ignoring case
	if !slices.Equal(got, want) {
		t.Errorf("circle page topics = %v, want %v", got, want)
	}

	empty, err := circles.New(f.DB, testdb.Now).Get(f.Circle("Empty").ID)
	if err != nil {
		t.Fatal(err)
	}
	if empty.Topics == nil || len(empty.Topics) != 0 {
		t.Errorf("empty circle's topics = %#v, want an empty, non-nil list", empty.Topics)
	}
}
