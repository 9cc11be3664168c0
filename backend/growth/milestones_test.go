package growth_test

import (
	"maps"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/growth"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestMilestones(t *testing.T) {
	st, f := open(t)
	svc := growth.NewMilestones(st.DB, testdb.Now)
	ana := f.Person("Ana")
	m, err := svc.Add(growth.MilestoneInput{PersonID: ana.ID, Kind: model.MilestonePromotion, HappenedOn: "2026-10-01", Text: " Promoted to L4 "})
	if err != nil {
		t.Fatal(err)
	}
	if m.UUID == "" || m.Text != "Promoted to L4" || m.Visibility != model.Private {
		t.Errorf("milestone = %+v, want trimmed and private by default", m)
	}
	today, err := svc.Add(growth.MilestoneInput{PersonID: ana.ID, Kind: model.MilestonePraise, Text: "Great demo", Visibility: model.Shared})
	if err != nil || today.HappenedOn != "2026-11-25" {
		t.Fatalf("a milestone dated today: %+v, %v", today, err)
	}
	if _, err := svc.Update(m.ID, growth.MilestoneInput{Kind: model.MilestoneNewRole, HappenedOn: "2026-10-02", Text: "Tech lead"}); err != nil {
		t.Fatal(err)
	}
	list, err := svc.ForPerson(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != today.ID || list[1].Kind != model.MilestoneNewRole {
		t.Errorf("list = %+v, want the newest first, the first changed", list)
	}
	gone, err := svc.Delete(m.ID)
	if err != nil || f.Count("milestones") != 1 {
		t.Fatalf("delete: %v, %d left", err, f.Count("milestones"))
	}
	back, err := svc.Restore(gone)
	if err != nil || back.UUID != m.UUID || f.Count("milestones") != 2 {
		t.Fatalf("restore: %+v, %v", back, err)
	}
	_, err = svc.Restore(gone)
	testdb.WantError(t, err, apperr.Conflict, "")
}

func TestMilestoneRejects(t *testing.T) {
	st, f := open(t)
	svc := growth.NewMilestones(st.DB, testdb.Now)
	ana := f.Person("Ana")
	for _, tt := range []struct {
		name   string
		in     growth.MilestoneInput
		fields []string
	}{
		{"no kind, no text", growth.MilestoneInput{}, []string{"kind", "text"}},
		{"bad date", growth.MilestoneInput{Kind: "other", Text: "x", HappenedOn: "31/12/2026"}, []string{"happenedOn"}},
		{"two lines", growth.MilestoneInput{Kind: "other", Text: "a\nb"}, []string{"text"}},
		{"too long", growth.MilestoneInput{Kind: "other", Text: strings.Repeat("x", 10_001)}, []string{"text"}},
		{"visibility", growth.MilestoneInput{Kind: "other", Text: "x", Visibility: "public"}, []string{"visibility"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.in.PersonID = ana.ID
			before := counts(f)
			_, err := svc.Add(tt.in)
			testdb.WantFields(t, err, tt.fields...)
			if after := counts(f); !maps.Equal(before, after) {
				t.Errorf("rows %v, want %v", after, before)
			}
		})
	}
	_, err := svc.Add(growth.MilestoneInput{PersonID: 999, Kind: "other", Text: "x"})
	testdb.WantError(t, err, apperr.NotFound, "")
}
