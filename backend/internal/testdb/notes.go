package testdb

import "circlebook/backend/model"

// Note adds s's note of the given visibility (model.Shared or model.Private).
func (f Fixture) Note(s model.Session, visibility, body string) model.Note {
	f.t.Helper()
	n := model.Note{SessionID: s.ID, Visibility: visibility, Body: body, Version: 1}
	f.create(&n)
	return n
}

// Revision adds an earlier version of note n with the given body.
func (f Fixture) Revision(n model.Note, body string) model.NoteRevision {
	f.t.Helper()
	r := model.NoteRevision{NoteID: n.ID, Version: n.Version, Body: body, Reason: model.RevisionTyping}
	f.create(&r)
	return r
}

// Pin pins a note of the given visibility to p, taken in s when s is not nil.
func (f Fixture) Pin(p model.Person, s *model.Session, visibility, body string) model.Pin {
	f.t.Helper()
	pin := model.Pin{PersonID: p.ID, Body: body, Visibility: visibility}
	if s != nil {
		pin.SessionID, pin.CircleID = &s.ID, &s.CircleID
	}
	f.create(&pin)
	return pin
}
