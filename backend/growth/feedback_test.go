package growth_test

import (
	"maps"
	"testing"

	"circlebook/backend/growth"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestFeedbackAndTrend(t *testing.T) {
	st, f := open(t)
	svc := growth.NewFeedback(st.DB, testdb.Now)
	c, ana := circleOf(f)
	first := f.Session(c, "2026-11-04T17:00", model.SessionHeld)
	second := f.Session(c, "2026-11-18T17:00", model.SessionHeld)
	f.Mark(first, ana, model.Present)
	give := func(s model.Session, who *uint, useful int) []model.SessionFeedback {
		t.Helper()
		out, err := svc.Give(growth.FeedbackInput{SessionID: s.ID, PersonID: who, Usefulness: useful, Worked: "pairs"})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	give(first, nil, 3)
	give(first, &ana.ID, 4)
	list := give(first, nil, 5) // the group's again: replaces it
	if len(list) != 2 || list[0].PersonID != nil || list[0].Usefulness != 5 || *list[1].PersonID != ana.ID {
		t.Errorf("feedback = %+v, want the group's (5) then Ana's", list)
	}
	give(second, nil, 2)
	trend, err := svc.Trend(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(trend) != 2 || trend[0].SessionID != first.ID || trend[0].Mean != 4.5 || trend[0].Count != 2 || trend[1].Mean != 2 {
		t.Errorf("trend = %+v, want 4.5 (2) then 2 (1)", trend)
	}
}

func TestFeedbackRejects(t *testing.T) {
	st, f := open(t)
	svc := growth.NewFeedback(st.DB, testdb.Now)
	c, ana := circleOf(f)
	planned := f.Session(c, "2026-12-02T17:00", model.SessionPlanned)
	held := f.Session(c, "2026-11-18T17:00", model.SessionHeld)
	f.Mark(held, ana, model.Absent)
	for _, tt := range []struct {
		name   string
		in     growth.FeedbackInput
		fields []string
	}{
		{"not held yet", growth.FeedbackInput{SessionID: planned.ID, Usefulness: 3}, []string{"sessionId"}},
		{"absent person, usefulness 0", growth.FeedbackInput{SessionID: held.ID, PersonID: &ana.ID}, []string{"personId", "usefulness"}},
		{"usefulness 6", growth.FeedbackInput{SessionID: held.ID, Usefulness: 6}, []string{"usefulness"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := counts(f)
			_, err := svc.Give(tt.in)
			testdb.WantFields(t, err, tt.fields...)
			if after := counts(f); !maps.Equal(before, after) {
				t.Errorf("rows %v, want %v", after, before)
			}
		})
	}
}
