package actions_test

import (
	"strings"
	"testing"
	"time"

	"circlebook/backend/actions"
	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/circles"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestCreate(t *testing.T) {
	l := setupLive(t)
	it, err := l.actions.Create(l.circle.ID, actions.Input{Text: "  write the brief  ", OwnerID: l.ana.ID, DueOn: "2026-12-04", SessionID: l.session.ID})
	if err != nil {
		t.Fatal(err)
	}
	if it.ID == 0 || it.Text != "write the brief" || owner(it.ActionItem) != l.ana.ID || it.OwnerName != "Ána Muñoz" ||
		it.DueOn != "2026-12-04" || it.SessionID == nil || *it.SessionID != l.session.ID ||
		it.Status != model.ActionOpen || it.Source != model.SourceManual || it.NoteID != nil || it.CircleID != l.circle.ID {
		t.Errorf("created %+v", it)
	}
	whole, err := l.actions.Create(l.circle.ID, actions.Input{Text: "read the chapter"})
	if err != nil {
		t.Fatal(err)
	}
	if whole.OwnerID != nil || whole.OwnerName != "" || whole.SessionID != nil || whole.DueOn != "" {
		t.Errorf("created %+v, want the whole circle's, no session, no due date", whole)
	}
}

func TestCreateRejects(t *testing.T) {
	l := setupLive(t)
	other := l.f.Circle("Other")
	outsider := l.f.Person("Zed Outsider")
	l.f.Member(other, outsider, model.RoleMentee)
	elsewhere := l.f.Session(other, "2026-11-25T17:00", model.SessionPlanned)

	tests := []struct {
		name     string
		circleID uint
		in       actions.Input
		code     apperr.Code
		field    string
	}{
		{"no text", l.circle.ID, actions.Input{Text: "   "}, apperr.Invalid, "text"},
		{"text too long", l.circle.ID, actions.Input{Text: strings.Repeat("a", check.MaxText+1)}, apperr.TooLong, "text"},
		{"bad due date", l.circle.ID, actions.Input{Text: "x", DueOn: "friday"}, apperr.Invalid, "dueOn"},
		{"impossible due date", l.circle.ID, actions.Input{Text: "x", DueOn: "2026-02-30"}, apperr.Invalid, "dueOn"},
		{"owner not a member", l.circle.ID, actions.Input{Text: "x", OwnerID: outsider.ID}, apperr.Invalid, "ownerId"},
		{"owner unknown", l.circle.ID, actions.Input{Text: "x", OwnerID: 999}, apperr.Invalid, "ownerId"},
		{"session of another circle", l.circle.ID, actions.Input{Text: "x", SessionID: elsewhere.ID}, apperr.Invalid, "sessionId"},
		{"session unknown", l.circle.ID, actions.Input{Text: "x", SessionID: 999}, apperr.Invalid, "sessionId"},
		{"circle unknown", 999, actions.Input{Text: "x"}, apperr.NotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := l.actions.Create(tt.circleID, tt.in)
			testdb.WantError(t, err, tt.code, tt.field)
			if n := l.f.Count("action_items"); n != 0 {
				t.Errorf("%d action items written, want none", n)
			}
		})
	}
}

func TestUpdate(t *testing.T) {
	l := setupLive(t)
	it, err := l.actions.Create(l.circle.ID, actions.Input{Text: "write the brief", OwnerID: l.ana.ID, SessionID: l.session.ID})
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.actions.Update(it.ID, actions.Input{Text: "write the full brief", OwnerID: l.kwame.ID, DueOn: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != it.ID || got.Text != "write the full brief" || got.OwnerName != "Kwame Mensah" || got.DueOn != "2026-12-01" || got.SessionID != nil {
		t.Errorf("updated %+v", got)
	}
	_, err = l.actions.Update(it.ID, actions.Input{Text: "x", OwnerID: l.f.Person("Zed Outsider").ID})
	testdb.WantError(t, err, apperr.Invalid, "ownerId")
	_, err = l.actions.Update(999, actions.Input{Text: "x"})
	testdb.WantError(t, err, apperr.NotFound, "")
}

func TestSetDoneToggles(t *testing.T) {
	l := setupLive(t)
	it, err := l.actions.Create(l.circle.ID, actions.Input{Text: "write the brief"})
	if err != nil {
		t.Fatal(err)
	}
	l.clock.Advance(time.Hour)
	done, err := l.actions.SetDone(it.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if done.Status != model.ActionDone || done.DoneAt != "2026-11-25T10:00:00Z" {
		t.Errorf("done = %+v, want done at 10:00 UTC", done)
	}
	open, err := l.actions.SetDone(it.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if open.Status != model.ActionOpen || open.DoneAt != "" {
		t.Errorf("reopened = %+v, want open with no done time", open)
	}
	_, err = l.actions.SetDone(999, true)
	testdb.WantError(t, err, apperr.NotFound, "")
}

func TestListByStatus(t *testing.T) {
	l := setupLive(t)
	mk := func(text, due string, done bool) {
		t.Helper()
		it, err := l.actions.Create(l.circle.ID, actions.Input{Text: text, DueOn: due})
		if err != nil {
			t.Fatal(err)
		}
		if done {
			if _, err := l.actions.SetDone(it.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	mk("no date", "", false)
	mk("later", "2026-12-20", false)
	mk("sooner", "2026-12-01", false)
	mk("finished", "2026-11-01", true)
	l.f.Action(l.f.Circle("Other"), "another circle's")

	tests := []struct {
		status string
		want   []string
	}{
		{"open", []string{"sooner", "later", "no date"}}, // oldest due first, undated last
		{"done", []string{"finished"}},
		{"all", []string{"sooner", "later", "no date", "finished"}},
	}
	for _, tt := range tests {
		t.Run(tt.status, func(t *testing.T) {
			items, err := l.actions.List(l.circle.ID, tt.status)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range items {
				got = append(got, it.Text)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("List(%q) = %v, want %v", tt.status, got, tt.want)
			}
		})
	}
	_, err := l.actions.List(l.circle.ID, "closed")
	testdb.WantError(t, err, apperr.Invalid, "status")
	items, err := l.actions.List(999, "all")
	if err != nil || items == nil || len(items) != 0 {
		t.Errorf("List of an unknown circle = %v, %v; want an empty, non-nil list", items, err)
	}
}

func TestDelete(t *testing.T) {
	l := setupLive(t)
	it, err := l.actions.Create(l.circle.ID, actions.Input{Text: "write the brief"})
	if err != nil {
		t.Fatal(err)
	}
	keep := l.f.Action(l.circle, "keep me")
	if err := l.actions.Delete(it.ID); err != nil {
		t.Fatal(err)
	}
	if items := l.items(t); len(items) != 1 || items[0].ID != keep.ID {
		t.Errorf("left = %+v, want only %d", items, keep.ID)
	}
	testdb.WantError(t, l.actions.Delete(it.ID), apperr.NotFound, "")
}

func TestCirclePageShowsOpenItems(t *testing.T) {
	l := setupLive(t)
	for _, in := range []actions.Input{{Text: "undated"}, {Text: "due soon", DueOn: "2026-11-30", OwnerID: l.kwame.ID}, {Text: "finished"}} {
		it, err := l.actions.Create(l.circle.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if in.Text == "finished" {
			if _, err := l.actions.SetDone(it.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	l.f.Action(l.f.Circle("Other"), "another circle's")

	page, err := circles.New(l.f.DB, l.clock.Now).Get(l.circle.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range page.Actions {
		got = append(got, it.Text+"/"+it.OwnerName)
	}
	if want := "due soon/Kwame Mensah,undated/"; strings.Join(got, ",") != want {
		t.Errorf("circle page actions = %v, want %s", got, want)
	}
}
