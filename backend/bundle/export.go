package bundle

import (
	"encoding/json"
	"errors"
	"io"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Options says what an export includes besides the shared record.
type Options struct {
	// IncludePrivate adds private notes, private pins and people's private
	// notes. Only an explicit choice of the user may set it.
	IncludePrivate bool `json:"includePrivate"`
}

// Export reads circle circleID and everything that belongs to it into a
// Bundle stamped with now. Call it inside a transaction for a consistent read.
//
// Every list is in an order fixed by the records' content (dates, names,
// UUIDs), so the same data exports to the same bundle in any database.
// Records about a person who is no longer a member (their membership was
// removed) are left out with that person: their attendance marks and pins,
// goals, milestones, ratings and feedback. Private goals and milestones are
// never exported, whatever opt says.
// An action item they own stays, owned by the whole circle, with "@Name " in
// front of its text, as a task line naming a non-member is kept.
func Export(tx *gorm.DB, circleID uint, opt Options, now time.Time) (Bundle, error) {
	var c model.Circle
	if err := tx.Take(&c, circleID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return Bundle{}, apperr.Missing("circle", circleID)
	} else if err != nil {
		return Bundle{}, apperr.FromDB(err, "", "circle")
	}
	e := exporter{tx: tx, circleID: c.ID, opt: opt, people: map[uint]string{}, sessions: map[uint]string{},
		notes: map[uint]string{}}
	e.b = Bundle{Schema: Schema, Version: Version, ExportedAt: now.UTC().Format(time.RFC3339),
		IncludesPrivate: opt.IncludePrivate, Circle: circleOut(c)}
	for _, step := range []func() error{e.members, e.sessionsOut, e.attendance, e.notesOut, e.actions, e.topics, e.pins,
		e.goals, e.checkIns, e.milestones, e.frameworks, e.goalItems, e.skillRatings, e.feedback} {
		if err := step(); err != nil {
			return Bundle{}, apperr.FromDB(err, "", "circle")
		}
	}
	return e.b, nil
}

// Write writes b as indented JSON, text left readable (no HTML escaping).
func Write(w io.Writer, b Bundle) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// exporter gathers one circle's records, remembering the UUIDs of what it
// has exported so that later records refer to them.
type exporter struct {
	tx       *gorm.DB
	circleID uint
	opt      Options
	b        Bundle
	people   map[uint]string // exported people's UUIDs by id
	sessions map[uint]string
	notes    map[uint]string
	goalIDs  map[uint]string // exported goals' UUIDs by id
	itemIDs  map[uint]string // exported framework items' UUIDs by id
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func meta(b model.Base) Meta {
	return Meta{UUID: b.UUID, CreatedAt: stamp(b.CreatedAt), UpdatedAt: stamp(b.UpdatedAt)}
}

// members exports the circle's members, current and former, in name order,
// and their memberships in the same order.
func (e *exporter) members() error {
	var ms []model.Membership
	if err := e.tx.Where("circle_id = ?", e.circleID).Find(&ms).Error; err != nil {
		return err
	}
	byPerson := make(map[uint]model.Membership, len(ms))
	for _, m := range ms {
		byPerson[m.PersonID] = m
	}
	var people []model.Person
	err := e.tx.Where("id IN (SELECT person_id FROM memberships WHERE circle_id = ?)", e.circleID).
		Order("lower(name), uuid").Find(&people).Error
	if err != nil {
		return err
	}
	e.b.People, e.b.Memberships = make([]Person, 0, len(people)), make([]Membership, 0, len(people))
	for _, p := range people {
		m := byPerson[p.ID]
		e.people[p.ID] = p.UUID
		e.b.People = append(e.b.People, personOut(p, e.opt.IncludePrivate))
		e.b.Memberships = append(e.b.Memberships, Membership{Meta: meta(m.Base), Person: p.UUID,
			Role: m.Role, JoinedOn: m.JoinedOn, LeftOn: m.LeftOn})
	}
	return nil
}

// sessionsOut exports the sessions in date order, each with its agenda.
func (e *exporter) sessionsOut() error {
	var rows []model.Session
	err := e.tx.Where("circle_id = ?", e.circleID).Order("starts_at, uuid").
		Preload("Agenda", func(db *gorm.DB) *gorm.DB { return db.Order("position, uuid") }).Find(&rows).Error
	if err != nil {
		return err
	}
	e.b.Sessions = make([]Session, 0, len(rows))
	for _, s := range rows {
		e.sessions[s.ID] = s.UUID
		e.b.Sessions = append(e.b.Sessions, sessionOut(s))
	}
	return nil
}

// attendance exports the members' marks, by session then name.
func (e *exporter) attendance() error {
	var rows []model.Attendance
	err := e.tx.Table("attendance a").Select("a.*").
		Joins("JOIN sessions s ON s.id = a.session_id").Joins("JOIN people p ON p.id = a.person_id").
		Where("s.circle_id = ?", e.circleID).Order("s.starts_at, s.uuid, lower(p.name), p.uuid").
		Scan(&rows).Error
	if err != nil {
		return err
	}
	e.b.Attendance = make([]Attendance, 0, len(rows))
	for _, a := range rows {
		if person, ok := e.people[a.PersonID]; ok {
			e.b.Attendance = append(e.b.Attendance, Attendance{Meta: meta(a.Base), Session: e.sessions[a.SessionID],
				Person: person, Status: a.Status})
		}
	}
	return nil
}

// notesOut exports the shared notes (and the private ones when asked), by session.
func (e *exporter) notesOut() error {
	var rows []model.Note
	q := e.tx.Table("notes n").Select("n.*").Joins("JOIN sessions s ON s.id = n.session_id").
		Where("s.circle_id = ?", e.circleID)
	if !e.opt.IncludePrivate {
		q = q.Where("n.visibility = ?", model.Shared)
	}
	if err := q.Order("s.starts_at, s.uuid, n.visibility DESC").Scan(&rows).Error; err != nil {
		return err
	}
	e.b.Notes = make([]Note, 0, len(rows))
	for _, n := range rows {
		e.notes[n.ID] = n.UUID
		e.b.Notes = append(e.b.Notes, Note{Meta: meta(n.Base), Session: e.sessions[n.SessionID],
			Visibility: n.Visibility, Body: n.Body, Version: n.Version})
	}
	return nil
}

// actions exports the circle's action items in the order they were captured.
// An item parsed from a note left out of the bundle is left out too: its
// text is that note's.
func (e *exporter) actions() error {
	var rows []model.ActionItem
	if err := e.tx.Where("circle_id = ?", e.circleID).Order("created_at, uuid").Find(&rows).Error; err != nil {
		return err
	}
	outsiders, err := e.outsiders(rows)
	if err != nil {
		return err
	}
	e.b.ActionItems = make([]ActionItem, 0, len(rows))
	for _, a := range rows {
		if a.NoteID != nil && e.notes[*a.NoteID] == "" {
			continue
		}
		out := actionOut(a, e.sessions, e.notes)
		if a.OwnerID != nil {
			if out.Owner = e.people[*a.OwnerID]; out.Owner == "" {
				out.Text = "@" + outsiders[*a.OwnerID] + " " + out.Text
			}
		}
		e.b.ActionItems = append(e.b.ActionItems, out)
	}
	return nil
}

// outsiders returns the names of the action items' owners who are not members.
func (e *exporter) outsiders(items []model.ActionItem) (map[uint]string, error) {
	var ids []uint
	for _, a := range items {
		if a.OwnerID != nil && e.people[*a.OwnerID] == "" {
			ids = append(ids, *a.OwnerID)
		}
	}
	names := map[uint]string{}
	if len(ids) == 0 {
		return names, nil
	}
	var people []model.Person
	if err := e.tx.Select("id, name").Where("id IN ?", ids).Find(&people).Error; err != nil {
		return nil, err
	}
	for _, p := range people {
		names[p.ID] = p.Name
	}
	return names, nil
}

// topics exports the topics the circle's sessions are tagged with, by name,
// and the tags, by session.
func (e *exporter) topics() error {
	var rows []model.Topic
	err := e.tx.Where("id IN (SELECT st.topic_id FROM session_topics st JOIN sessions s ON s.id = st.session_id WHERE s.circle_id = ?)", e.circleID).
		Order("lower(name), uuid").Find(&rows).Error
	if err != nil {
		return err
	}
	e.b.Topics = make([]Topic, 0, len(rows))
	for _, t := range rows {
		e.b.Topics = append(e.b.Topics, Topic{Meta: meta(t.Base), Name: t.Name})
	}
	e.b.SessionTopics = []SessionTopic{}
	return e.tx.Table("session_topics st").Select("s.uuid AS session, t.uuid AS topic").
		Joins("JOIN sessions s ON s.id = st.session_id").Joins("JOIN topics t ON t.id = st.topic_id").
		Where("s.circle_id = ?", e.circleID).Order("s.starts_at, s.uuid, lower(t.name), t.uuid").
		Scan(&e.b.SessionTopics).Error
}

// pins exports the shared notes pinned to members in this circle (and the
// private ones when asked). Pins taken outside the circle stay home.
func (e *exporter) pins() error {
	var rows []model.Pin
	q := e.tx.Where("circle_id = ?", e.circleID)
	if !e.opt.IncludePrivate {
		q = q.Where("visibility = ?", model.Shared)
	}
	if err := q.Order("created_at, uuid").Find(&rows).Error; err != nil {
		return err
	}
	e.b.Pins = make([]Pin, 0, len(rows))
	for _, p := range rows {
		person, ok := e.people[p.PersonID]
		if !ok {
			continue
		}
		out := Pin{Meta: meta(p.Base), Person: person, Body: p.Body, Visibility: p.Visibility}
		if p.SessionID != nil {
			out.Session = e.sessions[*p.SessionID]
		}
		e.b.Pins = append(e.b.Pins, out)
	}
	return nil
}

func circleOut(c model.Circle) Circle {
	return Circle{Meta: meta(c.Base), Name: c.Name, Purpose: c.Purpose, Kind: c.Kind, Cadence: c.Cadence,
		CadenceDays: c.CadenceDays, MeetingDay: c.MeetingDay, MeetingTime: c.MeetingTime,
		DurationMinutes: c.DurationMinutes, TimeZone: c.TimeZone, Place: c.Place, VideoLink: c.VideoLink,
		StartDate: c.StartDate, EndDate: c.EndDate, Status: c.Status, Color: c.Color}
}

func personOut(p model.Person, private bool) Person {
	out := Person{Meta: meta(p.Base), Name: p.Name, Email: p.Email, Pronouns: p.Pronouns, Title: p.Title,
		Team: p.Team, Location: p.Location, TimeZone: p.TimeZone, StartDate: p.StartDate,
		Strengths: p.Strengths, GrowthAreas: p.GrowthAreas,
		Organization: p.Organization, RoleWanted: p.RoleWanted, Languages: p.Languages, Capacity: p.Capacity,
		OrgPref: p.OrgPref, Cohort: p.Cohort}
	if private {
		note := p.PrivateNote
		out.PrivateNote = &note
	}
	return out
}

func sessionOut(s model.Session) Session {
	out := Session{Meta: meta(s.Base), Number: s.Number, StartsAt: s.StartsAt, DurationMinutes: s.DurationMinutes,
		Topic: s.Topic, Place: s.Place, Status: s.Status, StartedAt: s.StartedAt, EndedAt: s.EndedAt,
		Agenda: make([]AgendaItem, 0, len(s.Agenda))}
	for _, a := range s.Agenda {
		out.Agenda = append(out.Agenda, AgendaItem{Meta: meta(a.Base), Position: a.Position, Title: a.Title,
			Minutes: a.Minutes, Done: a.Done})
	}
	return out
}

func actionOut(a model.ActionItem, sessions, notes map[uint]string) ActionItem {
	out := ActionItem{Meta: meta(a.Base), Text: a.Text, DueOn: a.DueOn, Status: a.Status, DoneAt: a.DoneAt,
		Source: a.Source, LineKey: a.LineKey}
	if a.SessionID != nil {
		out.Session = sessions[*a.SessionID]
	}
	if a.NoteID != nil {
		out.Note = notes[*a.NoteID]
	}
	return out
}
