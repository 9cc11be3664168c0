package bundle

import (
	"errors"
	"fmt"
	"regexp"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/fold"
	"circlebook/backend/model"
)

// Limits on how many records of each kind a bundle may hold; a real circle
// stays far below them.
const (
	MaxPeople        = 10_000 // and memberships
	MaxSessions      = 10_000
	MaxAgendaItems   = 500 // per session
	MaxAttendance    = 200_000
	MaxNotes         = 2 * MaxSessions // a shared and a private one per session
	MaxActionItems   = 100_000
	MaxTopics        = 10_000
	MaxSessionTopics = 100_000
	MaxPins          = 100_000
)

// Validate checks a bundle without a database: schema and version, counts,
// every UUID well formed and unique within its kind, every reference a UUID,
// enums, dates and times, text lengths (check.MaxText, check.MaxNote for note
// bodies), and that a bundle which says it holds no private text holds none.
// Whether references resolve needs the database; Merge checks that. The
// error names the first offending value, e.g. "sessions[3].startsAt: ...".
func Validate(b Bundle) error {
	if b.Schema != Schema || b.Version < MinVersion || b.Version > Version {
		return fail(apperr.Invalid, "version", "This is not a version %d to %d Circlebook bundle.", MinVersion, Version)
	}
	if err := counts(&b); err != nil {
		return err
	}
	v := validator{zones: map[string]bool{}}
	return rebase(check.First(
		v.stamp("exportedAt", b.ExportedAt, true),
		v.circle("circle", b.Circle),
		v.people(&b),
		v.memberships(b.Memberships),
		v.sessions(b.Sessions),
		v.attendance(b.Attendance),
		v.notes(&b),
		v.actions(b.ActionItems),
		v.topics(b.Topics),
		v.sessionTopics(b.SessionTopics),
		v.pins(&b),
		v.growth(&b),
	))
}

// rebase turns a check error, whose field is the value's path, into an
// import error on Field whose message starts with that path.
func rebase(err error) error {
	var ae *apperr.Error
	if err == nil || !errors.As(err, &ae) || ae.Field == Field {
		return err
	}
	return fail(ae.Code, ae.Field, "%s", ae.Message)
}

func counts(b *Bundle) error {
	agenda := 0
	for i, s := range b.Sessions {
		if len(s.Agenda) > MaxAgendaItems {
			return tooMany(fmt.Sprintf("sessions[%d].agenda", i), len(s.Agenda), MaxAgendaItems)
		}
		agenda += len(s.Agenda)
	}
	for _, c := range []struct {
		path   string
		n, max int
	}{
		{"people", len(b.People), MaxPeople}, {"memberships", len(b.Memberships), MaxPeople},
		{"sessions", len(b.Sessions), MaxSessions}, {"attendance", len(b.Attendance), MaxAttendance},
		{"notes", len(b.Notes), MaxNotes}, {"actionItems", len(b.ActionItems), MaxActionItems},
		{"topics", len(b.Topics), MaxTopics}, {"sessionTopics", len(b.SessionTopics), MaxSessionTopics},
		{"pins", len(b.Pins), MaxPins},
	} {
		if c.n > c.max {
			return tooMany(c.path, c.n, c.max)
		}
	}
	return nil
}

func tooMany(path string, n, limit int) error {
	return fail(apperr.TooLong, path, "There are %d; a bundle holds at most %d.", n, limit)
}

// validator remembers the time zones it has checked, as loading one reads the zone database.
type validator struct {
	zones map[string]bool
}

// seen maps each UUID (or key) of a kind to the index that had it first.
type seen map[string]int

func at(kind string, i int) string { return fmt.Sprintf("%s[%d]", kind, i) }

// once fails when key was already seen in kind.
func (s seen) once(path, kind, key string, i int, what string) error {
	if j, dup := s[key]; dup {
		return apperr.New(apperr.Invalid, path, "%s[%d] has the same %s; a bundle holds each once.", kind, j, what)
	}
	s[key] = i
	return nil
}

func (v *validator) meta(path, kind string, i int, m Meta, uuids seen) error {
	return check.First(
		uuidErr(path+".uuid", m.UUID, true),
		uuids.once(path+".uuid", kind, m.UUID, i, "UUID"),
		v.stamp(path+".createdAt", m.CreatedAt, true),
		v.stamp(path+".updatedAt", m.UpdatedAt, true),
	)
}

func (v *validator) circle(p string, c Circle) error {
	custom := 0
	if c.Cadence == model.CadenceCustom {
		custom = 1
	}
	return check.First(
		v.meta(p, "circle", 0, c.Meta, seen{}),
		check.Required(p+".name", "Name", c.Name),
		check.Text(p+".purpose", c.Purpose),
		check.OneOf(p+".kind", "Kind", c.Kind, model.KindGroup, model.KindPair),
		check.OneOf(p+".cadence", "Cadence", c.Cadence, model.CadenceWeekly, model.CadenceBiweekly, model.CadenceMonthly, model.CadenceCustom),
		check.Range(p+".cadenceDays", "Days between sessions", c.CadenceDays, custom, 366),
		check.Range(p+".meetingDay", "Meeting day", c.MeetingDay, -1, 6),
		check.ClockTime(p+".meetingTime", c.MeetingTime),
		check.Range(p+".durationMinutes", "Duration", c.DurationMinutes, 5, 24*60),
		v.zone(p+".timeZone", c.TimeZone),
		check.Text(p+".place", c.Place),
		check.Text(p+".videoLink", c.VideoLink),
		check.Date(p+".startDate", c.StartDate),
		check.Date(p+".endDate", c.EndDate),
		check.Order(p+".endDate", c.StartDate, c.EndDate),
		check.OneOf(p+".status", "Status", c.Status, model.CircleForming, model.CircleActive, model.CirclePaused, model.CircleCompleted, model.CircleArchived),
		check.Color(p+".color", c.Color),
	)
}

func (v *validator) people(b *Bundle) error {
	uuids, emails := seen{}, seen{}
	for i, x := range b.People {
		p := at("people", i)
		err := check.First(
			v.meta(p, "people", i, x.Meta, uuids),
			check.Required(p+".name", "Name", x.Name),
			check.Email(p+".email", x.Email),
			check.Text(p+".pronouns", x.Pronouns),
			check.Text(p+".title", x.Title),
			check.Text(p+".team", x.Team),
			check.Text(p+".location", x.Location),
			v.zone(p+".timeZone", x.TimeZone),
			check.Date(p+".startDate", x.StartDate),
			check.Text(p+".strengths", x.Strengths),
			check.Text(p+".growthAreas", x.GrowthAreas),
			check.Text(p+".organization", x.Organization),
			check.OneOf(p+".roleWanted", "Role wanted", x.RoleWanted, "", model.WantsMentor, model.WantsMentee, model.WantsBoth),
			check.Text(p+".languages", x.Languages),
			check.Range(p+".capacity", "Capacity", x.Capacity, 0, 1000),
			check.OneOf(p+".orgPref", "Organization preference", x.OrgPref, "", "same", "different", "any"),
			check.Text(p+".cohort", x.Cohort),
			private(p+".privateNote", b.IncludesPrivate, x.PrivateNote != nil),
		)
		if err == nil && x.PrivateNote != nil {
			err = check.Text(p+".privateNote", *x.PrivateNote)
		}
		if err == nil && x.Email != "" {
			err = emails.once(p+".email", "people", fold.LowerASCII(x.Email), i, "email")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) memberships(ms []Membership) error {
	uuids, people := seen{}, seen{}
	for i, m := range ms {
		p := at("memberships", i)
		if err := check.First(
			v.meta(p, "memberships", i, m.Meta, uuids),
			uuidErr(p+".person", m.Person, true),
			people.once(p+".person", "memberships", m.Person, i, "person"),
			check.OneOf(p+".role", "Role", m.Role, model.Roles...),
			check.Date(p+".joinedOn", m.JoinedOn),
			check.Date(p+".leftOn", m.LeftOn),
			check.Order(p+".leftOn", m.JoinedOn, m.LeftOn),
		); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) sessions(ss []Session) error {
	uuids, agenda := seen{}, seen{}
	for i, s := range ss {
		p := at("sessions", i)
		if err := check.First(
			v.meta(p, "sessions", i, s.Meta, uuids),
			check.Range(p+".number", "Number", s.Number, 0, MaxSessions),
			check.DateTime(p+".startsAt", s.StartsAt),
			check.Range(p+".durationMinutes", "Duration", s.DurationMinutes, 5, 24*60),
			check.Text(p+".topic", s.Topic),
			check.Text(p+".place", s.Place),
			check.OneOf(p+".status", "Status", s.Status, model.SessionPlanned, model.SessionHeld, model.SessionCancelled),
			v.stamp(p+".startedAt", s.StartedAt, false),
			v.stamp(p+".endedAt", s.EndedAt, false),
		); err != nil {
			return err
		}
		for j, a := range s.Agenda {
			q := fmt.Sprintf("%s.agenda[%d]", p, j)
			if err := check.First(
				v.meta(q, "agenda items", j, a.Meta, agenda),
				check.Range(q+".position", "Position", a.Position, 0, MaxAgendaItems),
				check.Required(q+".title", "The agenda item", a.Title),
				check.Range(q+".minutes", "Minutes", a.Minutes, 0, 24*60),
			); err != nil {
				return err
			}
		}
	}
	return nil
}

func (v *validator) attendance(as []Attendance) error {
	uuids, marks := seen{}, seen{}
	for i, a := range as {
		p := at("attendance", i)
		if err := check.First(
			v.meta(p, "attendance", i, a.Meta, uuids),
			uuidErr(p+".session", a.Session, true),
			uuidErr(p+".person", a.Person, true),
			marks.once(p+".person", "attendance", a.Session+"/"+a.Person, i, "session and person"),
			check.OneOf(p+".status", "Attendance", a.Status, model.Present, model.Late, model.Excused, model.Absent),
		); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) notes(b *Bundle) error {
	uuids, kinds := seen{}, seen{}
	for i, n := range b.Notes {
		p := at("notes", i)
		if err := check.First(
			v.meta(p, "notes", i, n.Meta, uuids),
			uuidErr(p+".session", n.Session, true),
			check.OneOf(p+".visibility", "Visibility", n.Visibility, model.Shared, model.Private),
			private(p+".visibility", b.IncludesPrivate, n.Visibility == model.Private),
			kinds.once(p+".visibility", "notes", n.Session+"/"+n.Visibility, i, "session and visibility"),
			check.Note(p+".body", n.Body),
			check.Range(p+".version", "Version", n.Version, 0, 1<<30),
		); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) actions(as []ActionItem) error {
	uuids := seen{}
	for i, a := range as {
		p := at("actionItems", i)
		if err := check.First(
			v.meta(p, "actionItems", i, a.Meta, uuids),
			uuidErr(p+".session", a.Session, false),
			uuidErr(p+".owner", a.Owner, false),
			uuidErr(p+".note", a.Note, false),
			check.Required(p+".text", "The action", a.Text),
			check.Date(p+".dueOn", a.DueOn),
			check.OneOf(p+".status", "Status", a.Status, model.ActionOpen, model.ActionDone),
			v.stamp(p+".doneAt", a.DoneAt, false),
			check.OneOf(p+".source", "Source", a.Source, model.SourceManual, model.SourceNotes),
			check.Text(p+".lineKey", a.LineKey),
		); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) topics(ts []Topic) error {
	uuids, names := seen{}, seen{}
	for i, t := range ts {
		p := at("topics", i)
		if err := check.First(
			v.meta(p, "topics", i, t.Meta, uuids),
			check.Required(p+".name", "The topic", t.Name),
			names.once(p+".name", "topics", fold.LowerASCII(t.Name), i, "name"),
		); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) sessionTopics(sts []SessionTopic) error {
	pairs := seen{}
	for i, st := range sts {
		p := at("sessionTopics", i)
		if err := check.First(
			uuidErr(p+".session", st.Session, true),
			uuidErr(p+".topic", st.Topic, true),
			pairs.once(p+".topic", "sessionTopics", st.Session+"/"+st.Topic, i, "session and topic"),
		); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) pins(b *Bundle) error {
	uuids := seen{}
	for i, x := range b.Pins {
		p := at("pins", i)
		if err := check.First(
			v.meta(p, "pins", i, x.Meta, uuids),
			uuidErr(p+".person", x.Person, true),
			uuidErr(p+".session", x.Session, false),
			check.Required(p+".body", "The note", x.Body),
			check.OneOf(p+".visibility", "Visibility", x.Visibility, model.Shared, model.Private),
			private(p+".visibility", b.IncludesPrivate, x.Visibility == model.Private),
		); err != nil {
			return err
		}
	}
	return nil
}

// private fails for private text in a bundle that says it holds none.
func private(field string, allowed, isPrivate bool) error {
	if isPrivate && !allowed {
		return apperr.New(apperr.Invalid, field, "This is private, but the bundle says it holds no private text (includesPrivate is false).")
	}
	return nil
}

// uuidErr accepts a UUID in its canonical form: 36 characters, lowercase hex
// digits in groups of 8-4-4-4-12. An optional one may be "".
func uuidErr(field, s string, required bool) error {
	if s == "" && !required {
		return nil
	}
	ok := len(s) == 36
	for i := 0; ok && i < len(s); i++ {
		switch c := s[i]; i {
		case 8, 13, 18, 23:
			ok = c == '-'
		default:
			ok = '0' <= c && c <= '9' || 'a' <= c && c <= 'f'
		}
	}
	if !ok {
		return apperr.New(apperr.Invalid, field, "Use a UUID like 3f2b8c1e-7d4a-4b8e-9c1f-2a6d5e4f7b90 (lowercase).")
	}
	return nil
}

// stamp accepts an RFC 3339 time from 1970 on; an optional one may be "".
func (v *validator) stamp(field, s string, required bool) error {
	if s == "" && !required {
		return nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err != nil || t.Year() < 1970 {
		return apperr.New(apperr.Invalid, field, "Use a time like 2026-03-31T18:30:00Z.")
	}
	return nil
}

// zoneName is the shape of an IANA zone name. Checking it first means no
// path-like text ever reaches the zone database lookup.
var zoneName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_+-]{0,30}(/[A-Za-z0-9_+-]{1,30}){0,2}$`)

func (v *validator) zone(field, s string) error {
	if s == "" {
		return nil
	}
	ok, checked := v.zones[s]
	if !checked {
		ok = zoneName.MatchString(s) && check.TimeZone(field, s) == nil
		v.zones[s] = ok
	}
	if !ok {
		return apperr.New(apperr.Invalid, field, "Use a time zone like Europe/Madrid or America/Chicago.")
	}
	return nil
}
