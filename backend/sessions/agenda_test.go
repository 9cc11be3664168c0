package sessions_test

import (
	"fmt"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

// wantAgenda checks the items' titles in order and that positions run 0..n-1.
func wantAgenda(t *testing.T, items []model.AgendaItem, titles ...string) {
	t.Helper()
	if len(items) != len(titles) {
		t.Fatalf("agenda = %v, want %q", agendaTitles(items), titles)
	}
	for i, it := range items {
		if it.Title != titles[i] || it.Position != i {
			t.Errorf("agenda = %v, want %q at positions 0..%d", agendaTitles(items), titles, len(titles)-1)
			return
		}
	}
}

func agendaTitles(items []model.AgendaItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, fmt.Sprintf("%s@%d", it.Title, it.Position))
	}
	return out
}

func agendaSession(t *testing.T) (*sessions.Sessions, testdb.Fixture, uint, []model.AgendaItem) {
	t.Helper()
	svc, f := setup(t)
	s := f.Session(f.Circle("Leaders"), "2026-12-01T17:00", model.SessionPlanned)
	var items []model.AgendaItem
	for _, title := range []string{"A", "B", "C", "D"} {
		var err error
		if items, err = svc.AddAgendaItem(s.ID, sessions.AgendaInput{Title: title, Minutes: 10}); err != nil {
			t.Fatal(err)
		}
	}
	return svc, f, s.ID, items
}

func TestAddAgendaItem(t *testing.T) {
	_, f, sessionID, items := agendaSession(t)
	wantAgenda(t, items, "A", "B", "C", "D")
	for _, it := range items {
		if it.SessionID != sessionID || it.Minutes != 10 || it.ID == 0 {
			t.Errorf("item %+v", it)
		}
	}
	if n := f.Count("agenda_items"); n != 4 {
		t.Errorf("agenda items = %d, want 4", n)
	}
}

func TestAgendaRejects(t *testing.T) {
	svc, f, sessionID, items := agendaSession(t)
	_, err := svc.AddAgendaItem(sessionID, sessions.AgendaInput{Title: "   "})
	testdb.WantError(t, err, apperr.Invalid, "title")
	_, err = svc.AddAgendaItem(sessionID, sessions.AgendaInput{Title: "Long", Minutes: -5})
	testdb.WantError(t, err, apperr.Invalid, "minutes")
	_, err = svc.AddAgendaItem(999, sessions.AgendaInput{Title: "Orphan"})
	testdb.WantError(t, err, apperr.NotFound, "")
	_, err = svc.UpdateAgendaItem(items[0].ID, sessions.AgendaInput{Title: ""})
	testdb.WantError(t, err, apperr.Invalid, "title")
	for name, call := range map[string]func() error{
		"update": func() error { _, err := svc.UpdateAgendaItem(999, sessions.AgendaInput{Title: "X"}); return err },
		"delete": func() error { _, err := svc.DeleteAgendaItem(999); return err },
		"move":   func() error { _, err := svc.MoveAgendaItem(999, 0); return err },
	} {
		t.Run(name, func(t *testing.T) { testdb.WantError(t, call(), apperr.NotFound, "") })
	}
	if n := f.Count("agenda_items"); n != 4 {
		t.Errorf("agenda items = %d, want 4", n)
	}
}

func TestUpdateAgendaItem(t *testing.T) {
	svc, _, _, items := agendaSession(t)
	got, err := svc.UpdateAgendaItem(items[1].ID, sessions.AgendaInput{Title: " Wins and blockers ", Minutes: 25, Done: true})
	if err != nil {
		t.Fatal(err)
	}
	wantAgenda(t, got, "A", "Wins and blockers", "C", "D")
	if got[1].Minutes != 25 || !got[1].Done {
		t.Errorf("updated item = %+v, want 25 minutes, done", got[1])
	}
}

func TestDeleteAgendaItemCloses(t *testing.T) {
	tests := []struct {
		index int
		want  []string
	}{
		{0, []string{"B", "C", "D"}},
		{2, []string{"A", "B", "D"}},
		{3, []string{"A", "B", "C"}},
	}
	for _, tt := range tests {
		svc, f, _, items := agendaSession(t)
		got, err := svc.DeleteAgendaItem(items[tt.index].ID)
		if err != nil {
			t.Fatal(err)
		}
		wantAgenda(t, got, tt.want...)
		if n := f.Count("agenda_items"); n != 3 {
			t.Errorf("agenda items = %d, want 3", n)
		}
	}
}

func TestMoveAgendaItem(t *testing.T) {
	tests := []struct {
		name     string
		index    int
		position int
		want     []string
	}{
		{"first to last", 0, 3, []string{"B", "C", "D", "A"}},
		{"last to first", 3, 0, []string{"D", "A", "B", "C"}},
		{"middle down one", 1, 2, []string{"A", "C", "B", "D"}},
		{"to where it is", 2, 2, []string{"A", "B", "C", "D"}},
		{"past the end is clamped", 0, 99, []string{"B", "C", "D", "A"}},
		{"before the start is clamped", 2, -5, []string{"C", "A", "B", "D"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f, sessionID, items := agendaSession(t)
			got, err := svc.MoveAgendaItem(items[tt.index].ID, tt.position)
			if err != nil {
				t.Fatal(err)
			}
			wantAgenda(t, got, tt.want...)
			// What came back is what is stored.
			var stored []model.AgendaItem
			f.DB.Where("session_id = ?", sessionID).Order("position").Find(&stored)
			wantAgenda(t, stored, tt.want...)
		})
	}
}
