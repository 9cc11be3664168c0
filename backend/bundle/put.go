package bundle

import (
	"fmt"
	"time"

	"circlebook/backend/fold"
	"circlebook/backend/model"
	"circlebook/backend/sessions"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The put steps write what the find steps decided: create the new records,
// update the matched ones the bundle has a later version of. Inserts and
// updates are plain, never INSERT OR REPLACE, so the attendance triggers
// (circle_tallies) see every change.

// base gives a new record the bundle's UUID and times.
func base(m Meta) model.Base {
	return model.Base{UUID: m.UUID, CreatedAt: parseStamp(m.CreatedAt), UpdatedAt: parseStamp(m.UpdatedAt)}
}

// insert creates rows in batches, filling in their ids.
func insert[T any](m *merger, path string, rows *[]T) error {
	if len(*rows) == 0 {
		return nil
	}
	if err := m.tx.Omit(clause.Associations).CreateInBatches(rows, 200).Error; err != nil {
		return dbErr(path, err)
	}
	return nil
}

// update writes cols to row id of table's type when the bundle's version is
// newer than ours, counting what it did; the row takes the bundle's updatedAt.
func (m *merger) update(c *Counts, path string, table any, id uint, meta Meta, ours time.Time, cols func() map[string]any) error {
	if !newer(meta, ours) {
		c.Unchanged++
		return nil
	}
	set := cols()
	set["updated_at"] = parseStamp(meta.UpdatedAt)
	if err := m.tx.Model(table).Where("id = ?", id).UpdateColumns(set).Error; err != nil {
		return dbErr(path, err)
	}
	if err := model.RefreshSearchKey(m.tx, table, id); err != nil { // UpdateColumns runs no hooks
		return dbErr(path, err)
	}
	c.Updated++
	return nil
}

func (m *merger) putCircle() error {
	c := m.b.Circle
	if m.circle != nil {
		return m.update(&m.res.Circle, "circle", &model.Circle{}, m.circle.ID, c.Meta, m.circle.UpdatedAt, func() map[string]any { return circleCols(c) })
	}
	row := []model.Circle{{Base: base(c.Meta)}}
	applyCircle(&row[0], c)
	if err := insert(m, "circle", &row); err != nil {
		return err
	}
	m.circle = &row[0]
	m.res.Circle.Created++
	return nil
}

func (m *merger) putPeople() error {
	var fresh []model.Person
	for i, p := range m.b.People {
		if old := m.people[i]; old != nil {
			if err := m.update(&m.res.People, at("people", i), &model.Person{}, old.ID, p.Meta, old.UpdatedAt, func() map[string]any { return personCols(p) }); err != nil {
				return err
			}
			continue
		}
		row := model.Person{Base: base(p.Meta)}
		applyPerson(&row, p)
		fresh = append(fresh, row)
	}
	if err := insert(m, "people", &fresh); err != nil {
		return err
	}
	for _, p := range fresh {
		m.personID[p.UUID] = p.ID
	}
	m.res.People.Created += len(fresh)
	return nil
}

func (m *merger) putMemberships() error {
	var fresh []model.Membership
	for i, x := range m.b.Memberships {
		if old := m.memberships[i]; old != nil {
			cols := func() map[string]any {
				return map[string]any{"role": x.Role, "joined_on": x.JoinedOn, "left_on": x.LeftOn}
			}
			if err := m.update(&m.res.Memberships, at("memberships", i), &model.Membership{}, old.ID, x.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		fresh = append(fresh, model.Membership{Base: base(x.Meta), CircleID: m.circle.ID, PersonID: m.personID[x.Person],
			Role: x.Role, JoinedOn: x.JoinedOn, LeftOn: x.LeftOn})
	}
	m.res.Memberships.Created += len(fresh)
	return insert(m, "memberships", &fresh)
}

func (m *merger) putSessions() error {
	var fresh []model.Session
	for i, s := range m.b.Sessions {
		if old := m.sessions[i]; old != nil {
			updated := m.res.Sessions.Updated
			if err := m.update(&m.res.Sessions, at("sessions", i), &model.Session{}, old.ID, s.Meta, old.UpdatedAt, func() map[string]any { return sessionCols(s) }); err != nil {
				return err
			}
			if m.res.Sessions.Updated > updated {
				m.written = append(m.written, old.ID)
			}
			continue
		}
		row := model.Session{Base: base(s.Meta), CircleID: m.circle.ID}
		applySession(&row, s)
		fresh = append(fresh, row)
	}
	if err := insert(m, "sessions", &fresh); err != nil {
		return err
	}
	for _, s := range fresh {
		m.sessionID[s.UUID] = s.ID
		m.written = append(m.written, s.ID)
	}
	m.res.Sessions.Created += len(fresh)
	return nil
}

func (m *merger) putAgenda() error {
	var fresh []model.AgendaItem
	for i, s := range m.b.Sessions {
		for j, a := range s.Agenda {
			if old := m.agenda[i][j]; old != nil {
				cols := func() map[string]any {
					return map[string]any{"position": a.Position, "title": a.Title, "minutes": a.Minutes, "done": a.Done}
				}
				if err := m.update(&m.res.AgendaItems, fmt.Sprintf("sessions[%d].agenda[%d]", i, j), &model.AgendaItem{}, old.ID, a.Meta, old.UpdatedAt, cols); err != nil {
					return err
				}
				continue
			}
			fresh = append(fresh, model.AgendaItem{Base: base(a.Meta), SessionID: m.sessionID[s.UUID],
				Position: a.Position, Title: a.Title, Minutes: a.Minutes, Done: a.Done})
		}
	}
	m.res.AgendaItems.Created += len(fresh)
	return insert(m, "agenda items", &fresh)
}

func (m *merger) putAttendance() error {
	var fresh []model.Attendance
	for i, x := range m.b.Attendance {
		if old := m.attendance[i]; old != nil {
			cols := func() map[string]any { return map[string]any{"status": x.Status} }
			if err := m.update(&m.res.Attendance, at("attendance", i), &model.Attendance{}, old.ID, x.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		fresh = append(fresh, model.Attendance{Base: base(x.Meta), SessionID: m.sessionID[x.Session],
			PersonID: m.personID[x.Person], Status: x.Status})
	}
	m.res.Attendance.Created += len(fresh)
	return insert(m, "attendance", &fresh)
}

// putNotes writes notes. A note whose text the bundle overwrites first keeps
// that text as a revision, so a merge never loses what was typed here.
func (m *merger) putNotes() error {
	var fresh []model.Note
	for i, x := range m.b.Notes {
		old := m.notes[i]
		if old == nil {
			fresh = append(fresh, model.Note{Base: base(x.Meta), SessionID: m.sessionID[x.Session],
				Visibility: x.Visibility, Body: x.Body, Version: x.Version})
			continue
		}
		if newer(x.Meta, old.UpdatedAt) && old.Body != x.Body {
			if err := m.keep(*old, at("notes", i)); err != nil {
				return err
			}
		}
		cols := func() map[string]any {
			return map[string]any{"body": x.Body, "version": max(x.Version, old.Version+1)}
		}
		if err := m.update(&m.res.Notes, at("notes", i), &model.Note{}, old.ID, x.Meta, old.UpdatedAt, cols); err != nil {
			return err
		}
	}
	if err := insert(m, "notes", &fresh); err != nil {
		return err
	}
	for _, n := range fresh {
		m.noteID[n.UUID] = n.ID
	}
	m.res.Notes.Created += len(fresh)
	return nil
}

// keep saves a note's current text as a revision. The schema's reasons are
// fixed; "before-restore" is the one that means "the text another version replaced".
func (m *merger) keep(n model.Note, path string) error {
	rev := []model.NoteRevision{{NoteID: n.ID, Version: n.Version, Body: n.Body, Reason: model.RevisionBeforeRestore}}
	rev[0].CreatedAt, rev[0].UpdatedAt = m.now.UTC(), m.now.UTC()
	return insert(m, path, &rev)
}

func (m *merger) putActions() error {
	var fresh []model.ActionItem
	for i, x := range m.b.ActionItems {
		row := model.ActionItem{Base: base(x.Meta), CircleID: m.circle.ID}
		m.applyAction(&row, x)
		if old := m.actions[i]; old != nil {
			cols := func() map[string]any {
				return map[string]any{"session_id": row.SessionID, "owner_id": row.OwnerID, "text": row.Text, "due_on": row.DueOn,
					"status": row.Status, "done_at": row.DoneAt, "source": row.Source, "note_id": row.NoteID, "line_key": row.LineKey}
			}
			if err := m.update(&m.res.ActionItems, at("actionItems", i), &model.ActionItem{}, old.ID, x.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		fresh = append(fresh, row)
	}
	m.res.ActionItems.Created += len(fresh)
	return insert(m, "actionItems", &fresh)
}

func (m *merger) applyAction(row *model.ActionItem, x ActionItem) {
	row.SessionID, row.OwnerID, row.NoteID = m.id(m.sessionID, x.Session), m.id(m.personID, x.Owner), m.id(m.noteID, x.Note)
	row.Text, row.DueOn, row.Status, row.DoneAt, row.Source, row.LineKey = x.Text, x.DueOn, x.Status, x.DoneAt, x.Source, x.LineKey
}

// id returns the local id an optional reference resolved to, or nil.
func (m *merger) id(ids map[string]uint, uuid string) *uint {
	if uuid == "" {
		return nil
	}
	id := ids[uuid]
	return &id
}

func (m *merger) putTopics() error {
	var fresh []model.Topic
	for i, t := range m.b.Topics {
		if old := m.topics[i]; old != nil {
			cols := func() map[string]any { return map[string]any{"name": t.Name} }
			if err := m.update(&m.res.Topics, at("topics", i), &model.Topic{}, old.ID, t.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		fresh = append(fresh, model.Topic{Base: base(t.Meta), Name: t.Name})
	}
	if err := insert(m, "topics", &fresh); err != nil {
		return err
	}
	for _, t := range fresh {
		m.topicID[t.UUID] = t.ID
	}
	m.res.Topics.Created += len(fresh)
	return nil
}

// putSessionTopics adds the tags missing here; a tag has no other content.
func (m *merger) putSessionTopics() error {
	for i, st := range m.b.SessionTopics {
		row := model.SessionTopic{SessionID: m.sessionID[st.Session], TopicID: m.topicID[st.Topic]}
		if err := m.link(&row, &m.res.SessionTopics, at("sessionTopics", i)); err != nil {
			return err
		}
	}
	return nil
}

// link inserts a link row (a pair of keys) unless the target has it,
// counting it created or unchanged; where names it in an error.
func (m *merger) link(row any, count *Counts, where string) error {
	res := m.tx.Clauses(clause.OnConflict{DoNothing: true}).Create(row)
	if res.Error != nil {
		return dbErr(where, res.Error)
	}
	if res.RowsAffected > 0 {
		count.Created++
	} else {
		count.Unchanged++
	}
	return nil
}

func (m *merger) putPins() error {
	var fresh []model.Pin
	for i, x := range m.b.Pins {
		session := m.id(m.sessionID, x.Session)
		if old := m.pins[i]; old != nil {
			cols := func() map[string]any {
				return map[string]any{"session_id": session, "body": x.Body, "visibility": x.Visibility}
			}
			if err := m.update(&m.res.Pins, at("pins", i), &model.Pin{}, old.ID, x.Meta, old.UpdatedAt, cols); err != nil {
				return err
			}
			continue
		}
		circle := m.circle.ID
		fresh = append(fresh, model.Pin{Base: base(x.Meta), PersonID: m.personID[x.Person], CircleID: &circle,
			SessionID: session, Body: x.Body, Visibility: x.Visibility})
	}
	m.res.Pins.Created += len(fresh)
	return insert(m, "pins", &fresh)
}

// number numbers the sessions the import wrote (see NumberSessions).
func (m *merger) number() error {
	if len(m.written) == 0 {
		return nil
	}
	return dbErr("sessions", NumberSessions(m.tx, m.circle.ID, m.written))
}

// NumberSessions is the rule a merge numbers the sessions it wrote into a
// circle by (an import here, a merging copy in backend/dbcopy): they keep
// the numbers they came with, which were shown and exported where they were
// made. One written with no number, or with one another session here
// already has, takes the next number after the circle's highest, in date
// order; the sessions here keep theirs. It runs in the caller's transaction.
func NumberSessions(tx *gorm.DB, circleID uint, written []uint) error {
	if err := sessions.LockNumbers(tx, circleID); err != nil { // another writer numbering this circle waits
		return err
	}
	var rows []model.Session
	if err := tx.Select("id", "number").Where("circle_id = ?", circleID).Order("starts_at, id").Find(&rows).Error; err != nil {
		return err
	}
	isWritten := map[uint]bool{}
	for _, id := range written {
		isWritten[id] = true
	}
	taken, highest := map[int]bool{}, 0
	for _, r := range rows {
		highest = max(highest, r.Number)
		if !isWritten[r.ID] {
			taken[r.Number] = true
		}
	}
	for _, r := range rows {
		if !isWritten[r.ID] {
			continue
		}
		if r.Number > 0 && !taken[r.Number] {
			taken[r.Number] = true
			continue
		}
		highest++
		if err := tx.Model(&model.Session{}).Where("id = ?", r.ID).UpdateColumn("number", highest).Error; err != nil {
			return err
		}
	}
	return nil
}

func applyCircle(r *model.Circle, c Circle) {
	r.Name, r.Purpose, r.Kind, r.Cadence, r.CadenceDays = c.Name, c.Purpose, c.Kind, c.Cadence, c.CadenceDays
	r.MeetingDay, r.MeetingTime, r.DurationMinutes, r.TimeZone = c.MeetingDay, c.MeetingTime, c.DurationMinutes, c.TimeZone
	r.Place, r.VideoLink, r.StartDate, r.EndDate, r.Status, r.Color = c.Place, c.VideoLink, c.StartDate, c.EndDate, c.Status, c.Color
}

// circleCols leaves pinned alone: it is this laptop's preference, never in a
// bundle. The name key is set here because UpdateColumns runs no hooks.
func circleCols(c Circle) map[string]any {
	return map[string]any{"name": c.Name, "purpose": c.Purpose, "kind": c.Kind, "cadence": c.Cadence,
		"cadence_days": c.CadenceDays, "meeting_day": c.MeetingDay, "meeting_time": c.MeetingTime,
		"duration_minutes": c.DurationMinutes, "time_zone": c.TimeZone, "place": c.Place, "video_link": c.VideoLink,
		"start_date": c.StartDate, "end_date": c.EndDate, "status": c.Status, "color": c.Color,
		"name_key": fold.Key(c.Name)}
}

func applyPerson(r *model.Person, p Person) {
	r.Name, r.Email, r.Pronouns, r.Title, r.Team = p.Name, p.Email, p.Pronouns, p.Title, p.Team
	r.Location, r.TimeZone, r.StartDate, r.Strengths, r.GrowthAreas = p.Location, p.TimeZone, p.StartDate, p.Strengths, p.GrowthAreas
	r.Organization, r.RoleWanted, r.Languages, r.Capacity = p.Organization, p.RoleWanted, p.Languages, p.Capacity
	r.OrgPref, r.Cohort = p.OrgPref, p.Cohort
	if p.PrivateNote != nil {
		r.PrivateNote = *p.PrivateNote
	}
}

// personCols leaves the private note alone unless the bundle has one.
func personCols(p Person) map[string]any {
	cols := map[string]any{"name": p.Name, "email": p.Email, "pronouns": p.Pronouns, "title": p.Title, "team": p.Team,
		"location": p.Location, "time_zone": p.TimeZone, "start_date": p.StartDate, "strengths": p.Strengths,
		"growth_areas": p.GrowthAreas, "organization": p.Organization, "role_wanted": p.RoleWanted,
		"languages": p.Languages, "capacity": p.Capacity, "org_pref": p.OrgPref, "cohort": p.Cohort}
	if p.PrivateNote != nil {
		cols["private_note"] = *p.PrivateNote
	}
	cols["name_key"], cols["search_key"] = model.PersonKeys(p.Name, p.Email, p.Team, p.Title) // UpdateColumns runs no hooks
	return cols
}

func applySession(r *model.Session, s Session) {
	r.Number, r.StartsAt, r.DurationMinutes, r.Topic, r.Place = s.Number, s.StartsAt, s.DurationMinutes, s.Topic, s.Place
	r.Status, r.StartedAt, r.EndedAt = s.Status, s.StartedAt, s.EndedAt
}

func sessionCols(s Session) map[string]any {
	return map[string]any{"number": s.Number, "starts_at": s.StartsAt, "duration_minutes": s.DurationMinutes,
		"topic": s.Topic, "place": s.Place, "status": s.Status, "started_at": s.StartedAt, "ended_at": s.EndedAt}
}
