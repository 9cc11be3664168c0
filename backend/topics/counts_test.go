package topics_test

import (
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/sessions"
	"circlebook/backend/topics"

	"gorm.io/gorm"
)

// TestKeptCountsFollowTags tags and untags sessions every way the app does
// (the session's topics replaced, a session deleted, a topic deleted, a
// tag added twice by an import): List's counts, kept by triggers, equal a
// recount each time.
func TestKeptCountsFollowTags(t *testing.T) {
	svc, f := setup(t)
	ses := sessions.New(f.DB, testdb.Now)
	c := f.Circle("Leaders")
	a, b := f.Session(c, "2026-11-11T17:00", model.SessionHeld), f.Session(c, "2026-11-25T17:00", model.SessionPlanned)
	hiring, budgets, ethics := f.Topic("Hiring"), f.Topic("Budgets"), f.Topic("Ethics")
	steps := []struct {
		name string
		do   func() error
	}{
		{"tag a session", func() error { _, err := ses.SetTopics(a.ID, []uint{hiring.ID, budgets.ID}); return err }},
		{"tag another", func() error { _, err := ses.SetTopics(b.ID, []uint{hiring.ID, ethics.ID}); return err }},
		{"replace a session's tags", func() error { _, err := ses.SetTopics(a.ID, []uint{ethics.ID}); return err }},
		{"tag again, as an import does", func() error {
			return f.DB.Exec("INSERT INTO session_topics (session_id, topic_id) VALUES (?, ?) ON CONFLICT DO NOTHING", b.ID, hiring.ID).Error
		}},
		{"delete a topic", func() error { return svc.Delete(ethics.ID) }},
		{"delete a session", func() error { return f.DB.Delete(&model.Session{}, b.ID).Error }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		countsAgree(t, svc, f.DB, st.name)
	}
}

func countsAgree(t *testing.T, svc *topics.Topics, db *gorm.DB, step string) {
	t.Helper()
	var want []topics.Topic
	err := db.Raw(`SELECT t.id, t.name, (SELECT COUNT(*) FROM session_topics st WHERE st.topic_id = t.id) AS session_count
		FROM topics t ORDER BY lower(t.name)`).Scan(&want).Error
	if err != nil {
		t.Fatalf("%s: recount: %v", step, err)
	}
	got := list(t, svc)
	if len(got) != len(want) {
		t.Fatalf("%s: %d topics, want %d", step, len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: %+v, want %+v", step, got[i], want[i])
		}
	}
}
