package notes_test

import (
	"strings"
	"testing"

	"circlebook/backend/actions"
	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/people"
)

func TestPin(t *testing.T) {
	e := setup(t)
	ana := e.f.Person("Ana")
	e.f.Member(e.circle, ana, model.RoleMentee)

	inSession, err := e.svc.Pin(ana.ID, e.session.ID, "  Wants to lead the next retro.  ", model.Shared)
	if err != nil {
		t.Fatal(err)
	}
	if inSession.ID == 0 || inSession.PersonID != ana.ID || inSession.Body != "Wants to lead the next retro." || inSession.Visibility != model.Shared ||
		inSession.SessionID == nil || *inSession.SessionID != e.session.ID || inSession.CircleID == nil || *inSession.CircleID != e.circle.ID {
		t.Errorf("pinned in a session: %+v, want the session's circle and the trimmed text", inSession)
	}
	loose, err := e.svc.Pin(ana.ID, 0, "Prefers mornings.", model.Private)
	if err != nil {
		t.Fatal(err)
	}
	if loose.SessionID != nil || loose.CircleID != nil || loose.Visibility != model.Private {
		t.Errorf("pinned outside a session: %+v, want no session or circle", loose)
	}
}

func TestPinRejects(t *testing.T) {
	e := setup(t)
	ana := e.f.Person("Ana")
	tests := []struct {
		name       string
		personID   uint
		sessionID  uint
		body       string
		visibility string
		code       apperr.Code
		field      string
	}{
		{"empty body", ana.ID, 0, "  \n ", model.Private, apperr.Invalid, "body"},
		{"body too long", ana.ID, 0, strings.Repeat("a", check.MaxText+1), model.Private, apperr.TooLong, "body"},
		{"bad visibility", ana.ID, 0, "x", "public", apperr.Invalid, "visibility"},
		{"unknown person", 999, 0, "x", model.Private, apperr.Invalid, "personId"},
		{"no person", 0, 0, "x", model.Private, apperr.Invalid, "personId"},
		{"unknown session", ana.ID, 999, "x", model.Private, apperr.NotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.Pin(tt.personID, tt.sessionID, tt.body, tt.visibility)
			testdb.WantError(t, err, tt.code, tt.field)
			if n := e.f.Count("pins"); n != 0 {
				t.Errorf("%d pins written, want none", n)
			}
		})
	}
}

func TestUnpin(t *testing.T) {
	e := setup(t)
	ana := e.f.Person("Ana")
	gone, err := e.svc.Pin(ana.ID, 0, "one", model.Private)
	if err != nil {
		t.Fatal(err)
	}
	kept, err := e.svc.Pin(ana.ID, 0, "two", model.Private)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Unpin(gone.ID); err != nil {
		t.Fatal(err)
	}
	var ids []uint
	e.f.DB.Model(&model.Pin{}).Pluck("id", &ids)
	if len(ids) != 1 || ids[0] != kept.ID {
		t.Errorf("pins left = %v, want [%d]", ids, kept.ID)
	}
	testdb.WantError(t, e.svc.Unpin(gone.ID), apperr.NotFound, "")
}

func TestPersonPageShowsPinsAndActions(t *testing.T) {
	e := setup(t)
	ana := e.f.Person("Ana")
	kwame := e.f.Person("Kwame")
	e.f.Member(e.circle, ana, model.RoleMentee)
	e.f.Member(e.circle, kwame, model.RoleMentee)
	for _, p := range []struct {
		session uint
		body    string
	}{{e.session.ID, "first"}, {0, "second"}, {e.session.ID, "third"}} {
		if _, err := e.svc.Pin(ana.ID, p.session, p.body, model.Private); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.svc.Pin(kwame.ID, 0, "not Ana's", model.Private); err != nil {
		t.Fatal(err)
	}
	acts := actions.New(e.f.DB, e.clock.Now)
	mine, err := acts.Create(e.circle.ID, actions.Input{Text: "write the brief", OwnerID: ana.ID})
	if err != nil {
		t.Fatal(err)
	}
	done, err := acts.Create(e.circle.ID, actions.Input{Text: "already done", OwnerID: ana.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acts.SetDone(done.ID, true); err != nil {
		t.Fatal(err)
	}
	for _, in := range []actions.Input{{Text: "Kwame's", OwnerID: kwame.ID}, {Text: "everyone's"}} {
		if _, err := acts.Create(e.circle.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	e.save(t, model.Shared, "- [ ] @Ana from the notes\n")

	page, err := people.New(e.f.DB, e.clock.Now).Get(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	var pins []string
	for _, p := range page.Pins {
		pins = append(pins, p.Body+"@"+p.CircleName)
	}
	if want := "third@Leaders,second@,first@Leaders"; strings.Join(pins, ",") != want {
		t.Errorf("pins = %v, want %s (newest first, with the circle's name)", pins, want)
	}
	var acted []string
	for _, a := range page.Actions {
		acted = append(acted, a.Text)
		if a.OwnerName != "Ana" {
			t.Errorf("action %q has owner name %q", a.Text, a.OwnerName)
		}
	}
	if want := mine.Text + ",from the notes"; strings.Join(acted, ",") != want {
		t.Errorf("actions = %v, want %s: Ana's open ones only", acted, want)
	}

	empty, err := people.New(e.f.DB, e.clock.Now).Get(e.f.Person("Nobody").ID)
	if err != nil {
		t.Fatal(err)
	}
	if empty.Pins == nil || empty.Actions == nil || len(empty.Pins)+len(empty.Actions) != 0 {
		t.Errorf("a person with nothing pinned: pins %v, actions %v; want empty, non-nil lists", empty.Pins, empty.Actions)
	}
}
