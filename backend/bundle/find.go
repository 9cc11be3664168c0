package bundle

import (
	"errors"
	"fmt"

	"circlebook/backend/apperr"
	"circlebook/backend/fold"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// The find steps match the bundle's records to rows here and check that
// every reference resolves. They only read.

func (m *merger) findCircle() error {
	var c model.Circle
	err := m.tx.Where("uuid = ?", m.b.Circle.UUID).Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil
	}
	m.circle = &c
	return err
}

// findPeople matches people by UUID, then by email.
func (m *merger) findPeople() error {
	found, err := byUUID(m.tx, uuids(m.b.People, func(p *Person) Meta { return p.Meta }), func(p *model.Person) string { return p.UUID })
	if err != nil {
		return err
	}
	byEmail, err := m.peopleByEmail()
	if err != nil {
		return err
	}
	taken := claims{}
	for i, p := range m.b.People {
		old := found[p.UUID]
		if old == nil && p.Email != "" {
			old = byEmail[fold.LowerASCII(p.Email)]
		}
		if old == nil {
			continue
		}
		if err := taken.take(old.ID, "people", i); err != nil {
			return err
		}
		if owner := byEmail[fold.LowerASCII(p.Email)]; p.Email != "" && owner != nil && owner.ID != old.ID && newer(p.Meta, old.UpdatedAt) {
			return conflict(at("people", i)+".email", "%s here already has the email %s, so %s cannot take it.", owner.Name, p.Email, old.Name)
		}
		m.people[i], m.personID[p.UUID] = old, old.ID
	}
	return nil
}

// peopleByEmail loads the people here who have any of the bundle's emails.
func (m *merger) peopleByEmail() (map[string]*model.Person, error) {
	var emails []string
	for _, p := range m.b.People {
		if p.Email != "" {
			emails = append(emails, fold.LowerASCII(p.Email))
		}
	}
	out := map[string]*model.Person{}
	for i := 0; i < len(emails); i += 500 {
		var rows []model.Person
		if err := m.tx.Where("email <> '' AND lower(email) IN ?", emails[i:min(i+500, len(emails))]).Find(&rows).Error; err != nil {
			return nil, err
		}
		for j := range rows {
			out[fold.LowerASCII(rows[j].Email)] = &rows[j]
		}
	}
	return out, nil
}

// findSessions matches sessions by UUID; each must be this circle's.
func (m *merger) findSessions() error {
	found, err := byUUID(m.tx, uuids(m.b.Sessions, func(s *Session) Meta { return s.Meta }), func(s *model.Session) string { return s.UUID })
	if err != nil {
		return err
	}
	for i, s := range m.b.Sessions {
		if old := found[s.UUID]; old != nil {
			if old.CircleID != m.circleID() {
				return conflict(at("sessions", i)+".uuid", "A session with this UUID belongs to another circle here.")
			}
			m.sessions[i], m.sessionID[s.UUID] = old, old.ID
		}
	}
	return nil
}

// findTopics matches topics by UUID, then by name.
func (m *merger) findTopics() error {
	var all []model.Topic
	if err := m.tx.Find(&all).Error; err != nil {
		return err
	}
	byID, byName := make(map[string]*model.Topic, len(all)), make(map[string]*model.Topic, len(all))
	for i := range all {
		byID[all[i].UUID], byName[fold.LowerASCII(all[i].Name)] = &all[i], &all[i]
	}
	taken := claims{}
	for i, t := range m.b.Topics {
		old := byID[t.UUID]
		if old == nil {
			old = byName[fold.LowerASCII(t.Name)]
		}
		if old == nil {
			continue
		}
		if err := taken.take(old.ID, "topics", i); err != nil {
			return err
		}
		if owner := byName[fold.LowerASCII(t.Name)]; owner != nil && owner.ID != old.ID && newer(t.Meta, old.UpdatedAt) {
			return conflict(at("topics", i)+".name", "The topic %q here would be renamed %q, but another topic has that name; rename or delete one of them first.", old.Name, t.Name)
		}
		m.topics[i], m.topicID[t.UUID] = old, old.ID
	}
	return nil
}

// ref is a reference to a record of some kind: where it is and to what.
type ref struct{ path, uuid string }

// findRefs resolves references to people, sessions and topics that are not
// in the bundle against the records here.
func (m *merger) findRefs() error {
	var people, sessions, topics []ref
	for i, x := range m.b.Memberships {
		people = append(people, ref{at("memberships", i) + ".person", x.Person})
	}
	for i, x := range m.b.Attendance {
		sessions = append(sessions, ref{at("attendance", i) + ".session", x.Session})
		people = append(people, ref{at("attendance", i) + ".person", x.Person})
	}
	for i, x := range m.b.Notes {
		sessions = append(sessions, ref{at("notes", i) + ".session", x.Session})
	}
	for i, x := range m.b.ActionItems {
		sessions = append(sessions, ref{at("actionItems", i) + ".session", x.Session})
		people = append(people, ref{at("actionItems", i) + ".owner", x.Owner})
	}
	for i, x := range m.b.SessionTopics {
		sessions = append(sessions, ref{at("sessionTopics", i) + ".session", x.Session})
		topics = append(topics, ref{at("sessionTopics", i) + ".topic", x.Topic})
	}
	for i, x := range m.b.Pins {
		people = append(people, ref{at("pins", i) + ".person", x.Person})
		sessions = append(sessions, ref{at("pins", i) + ".session", x.Session})
	}
	return firstErr(
		func() error { return m.resolvePeople(people) },
		func() error { return m.resolveSessions(sessions) },
		func() error { return m.resolveTopics(topics) },
	)
}

func firstErr(steps ...func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// outside lists the referenced UUIDs that are neither in the bundle nor resolved yet.
func outside(refs []ref, inBundle map[string]bool, resolved map[string]uint) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range refs {
		if r.uuid != "" && !inBundle[r.uuid] && resolved[r.uuid] == 0 && !seen[r.uuid] {
			seen[r.uuid] = true
			out = append(out, r.uuid)
		}
	}
	return out
}

// unresolved returns an error for the first reference that resolves to nothing.
func unresolved(refs []ref, inBundle map[string]bool, resolved map[string]uint, what string) error {
	for _, r := range refs {
		if r.uuid != "" && !inBundle[r.uuid] && resolved[r.uuid] == 0 {
			return fail(apperr.Invalid, r.path, "There is no %s with UUID %s in the bundle or here.", what, r.uuid)
		}
	}
	return nil
}

func set[T any](rows []T, meta func(*T) Meta) map[string]bool {
	out := make(map[string]bool, len(rows))
	for i := range rows {
		out[meta(&rows[i]).UUID] = true
	}
	return out
}

func (m *merger) resolvePeople(refs []ref) error {
	inBundle := set(m.b.People, func(p *Person) Meta { return p.Meta })
	found, err := byUUID(m.tx, outside(refs, inBundle, m.personID), func(p *model.Person) string { return p.UUID })
	if err != nil {
		return err
	}
	for id, p := range found {
		m.personID[id] = p.ID
	}
	return unresolved(refs, inBundle, m.personID, "person")
}

func (m *merger) resolveSessions(refs []ref) error {
	inBundle := set(m.b.Sessions, func(s *Session) Meta { return s.Meta })
	found, err := byUUID(m.tx, outside(refs, inBundle, m.sessionID), func(s *model.Session) string { return s.UUID })
	if err != nil {
		return err
	}
	for id, s := range found {
		if s.CircleID == m.circleID() {
			m.sessionID[id] = s.ID
		}
	}
	return unresolved(refs, inBundle, m.sessionID, "session of this circle")
}

func (m *merger) resolveTopics(refs []ref) error {
	inBundle := set(m.b.Topics, func(t *Topic) Meta { return t.Meta })
	found, err := byUUID(m.tx, outside(refs, inBundle, m.topicID), func(t *model.Topic) string { return t.UUID })
	if err != nil {
		return err
	}
	for id, t := range found {
		m.topicID[id] = t.ID
	}
	return unresolved(refs, inBundle, m.topicID, "topic")
}

// findMemberships matches memberships by UUID, then by circle and person.
func (m *merger) findMemberships() error {
	found, err := byUUID(m.tx, uuids(m.b.Memberships, func(x *Membership) Meta { return x.Meta }), func(x *model.Membership) string { return x.UUID })
	if err != nil {
		return err
	}
	var here []model.Membership
	if err := m.tx.Where("circle_id = ?", m.circleID()).Find(&here).Error; err != nil {
		return err
	}
	byPerson := map[uint]*model.Membership{}
	for i := range here {
		byPerson[here[i].PersonID] = &here[i]
	}
	taken := claims{}
	for i, x := range m.b.Memberships {
		personID := m.personID[x.Person]
		old := found[x.UUID]
		if old != nil && (old.CircleID != m.circleID() || old.PersonID != personID) {
			return conflict(at("memberships", i)+".uuid", "A membership with this UUID puts someone else, or another circle, together here.")
		}
		if old == nil && personID != 0 {
			old = byPerson[personID]
		}
		if old != nil {
			if err := taken.take(old.ID, "memberships", i); err != nil {
				return err
			}
			m.memberships[i] = old
		}
	}
	return nil
}

// findAgenda matches agenda items by UUID; each must be on its session here.
func (m *merger) findAgenda() error {
	var ids []string
	for _, s := range m.b.Sessions {
		ids = append(ids, uuids(s.Agenda, func(a *AgendaItem) Meta { return a.Meta })...)
	}
	found, err := byUUID(m.tx, ids, func(a *model.AgendaItem) string { return a.UUID })
	if err != nil {
		return err
	}
	for i, s := range m.b.Sessions {
		m.agenda[i] = make([]*model.AgendaItem, len(s.Agenda))
		for j, a := range s.Agenda {
			old := found[a.UUID]
			if old != nil && old.SessionID != m.sessionID[s.UUID] {
				return conflict(fmt.Sprintf("sessions[%d].agenda[%d].uuid", i, j), "An agenda item with this UUID is on another session here.")
			}
			m.agenda[i][j] = old
		}
	}
	return nil
}

// findAttendance matches marks by UUID, then by session and person.
func (m *merger) findAttendance() error {
	found, err := byUUID(m.tx, uuids(m.b.Attendance, func(x *Attendance) Meta { return x.Meta }), func(x *model.Attendance) string { return x.UUID })
	if err != nil {
		return err
	}
	var here []model.Attendance
	err = m.tx.Table("attendance a").Select("a.*").Joins("JOIN sessions s ON s.id = a.session_id").
		Where("s.circle_id = ?", m.circleID()).Scan(&here).Error
	if err != nil {
		return err
	}
	byPair := map[[2]uint]*model.Attendance{}
	for i := range here {
		byPair[[2]uint{here[i].SessionID, here[i].PersonID}] = &here[i]
	}
	taken := claims{}
	for i, x := range m.b.Attendance {
		pair := [2]uint{m.sessionID[x.Session], m.personID[x.Person]}
		old := found[x.UUID]
		if old != nil && [2]uint{old.SessionID, old.PersonID} != pair {
			return conflict(at("attendance", i)+".uuid", "An attendance mark with this UUID is for another session or person here.")
		}
		if old == nil && pair[0] != 0 && pair[1] != 0 {
			old = byPair[pair]
		}
		if old != nil {
			if err := taken.take(old.ID, "attendance", i); err != nil {
				return err
			}
			m.attendance[i] = old
		}
	}
	return nil
}

// findNotes matches notes by UUID, then by session and visibility.
func (m *merger) findNotes() error {
	found, err := byUUID(m.tx, uuids(m.b.Notes, func(x *Note) Meta { return x.Meta }), func(x *model.Note) string { return x.UUID })
	if err != nil {
		return err
	}
	var here []model.Note
	err = m.tx.Table("notes n").Select("n.*").Joins("JOIN sessions s ON s.id = n.session_id").
		Where("s.circle_id = ?", m.circleID()).Scan(&here).Error
	if err != nil {
		return err
	}
	byKind := map[string]*model.Note{}
	for i := range here {
		byKind[fmt.Sprint(here[i].SessionID, here[i].Visibility)] = &here[i]
	}
	taken := claims{}
	for i, x := range m.b.Notes {
		sessionID := m.sessionID[x.Session]
		old := found[x.UUID]
		if old != nil && (old.SessionID != sessionID || old.Visibility != x.Visibility) {
			return conflict(at("notes", i)+".uuid", "A note with this UUID belongs to another session, or is %s, here.", old.Visibility)
		}
		if old == nil && sessionID != 0 {
			old = byKind[fmt.Sprint(sessionID, x.Visibility)]
		}
		if old != nil {
			if err := taken.take(old.ID, "notes", i); err != nil {
				return err
			}
			m.notes[i], m.noteID[x.UUID] = old, old.ID
		}
	}
	return nil
}

// findNoteRefs resolves the notes action items were parsed from: in the
// bundle, or a note of this circle's here.
func (m *merger) findNoteRefs() error {
	var refs []ref
	for i, x := range m.b.ActionItems {
		refs = append(refs, ref{at("actionItems", i) + ".note", x.Note})
	}
	inBundle := set(m.b.Notes, func(n *Note) Meta { return n.Meta })
	ids := outside(refs, inBundle, m.noteID)
	if len(ids) > 0 {
		var rows []model.Note
		err := m.tx.Table("notes n").Select("n.id, n.uuid").Joins("JOIN sessions s ON s.id = n.session_id").
			Where("s.circle_id = ? AND n.uuid IN ?", m.circleID(), ids).Scan(&rows).Error
		if err != nil {
			return err
		}
		for _, n := range rows {
			m.noteID[n.UUID] = n.ID
		}
	}
	return unresolved(refs, inBundle, m.noteID, "note of this circle")
}

// findActions matches action items by UUID; each must be this circle's.
func (m *merger) findActions() error {
	found, err := byUUID(m.tx, uuids(m.b.ActionItems, func(x *ActionItem) Meta { return x.Meta }), func(x *model.ActionItem) string { return x.UUID })
	if err != nil {
		return err
	}
	for i, x := range m.b.ActionItems {
		if old := found[x.UUID]; old != nil {
			if old.CircleID != m.circleID() {
				return conflict(at("actionItems", i)+".uuid", "An action item with this UUID belongs to another circle here.")
			}
			m.actions[i] = old
		}
	}
	return nil
}

// findPins matches pins by UUID; each must be about the same person, in this circle.
func (m *merger) findPins() error {
	found, err := byUUID(m.tx, uuids(m.b.Pins, func(x *Pin) Meta { return x.Meta }), func(x *model.Pin) string { return x.UUID })
	if err != nil {
		return err
	}
	for i, x := range m.b.Pins {
		if old := found[x.UUID]; old != nil {
			if old.PersonID != m.personID[x.Person] || old.CircleID == nil || *old.CircleID != m.circleID() {
				return conflict(at("pins", i)+".uuid", "A pinned note with this UUID is about someone else, or in another circle, here.")
			}
			m.pins[i] = old
		}
	}
	return nil
}
