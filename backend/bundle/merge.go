package bundle

import (
	"errors"
	"io"
	"slices"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Counts says what an import did with one kind of record.
type Counts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// Result says what an import did, kind by kind.
type Result struct {
	CircleID      uint   `json:"circleId"` // the circle's id here
	Circle        Counts `json:"circle"`
	People        Counts `json:"people"`
	Memberships   Counts `json:"memberships"`
	Sessions      Counts `json:"sessions"`
	AgendaItems   Counts `json:"agendaItems"`
	Attendance    Counts `json:"attendance"`
	Notes         Counts `json:"notes"`
	ActionItems   Counts `json:"actionItems"`
	Topics        Counts `json:"topics"`
	SessionTopics Counts `json:"sessionTopics"`
	Pins          Counts `json:"pins"`

	Goals            Counts `json:"goals"`
	GoalTasks        Counts `json:"goalTasks"`
	CheckIns         Counts `json:"checkIns"`
	Milestones       Counts `json:"milestones"`
	Frameworks       Counts `json:"frameworks"`
	FrameworkItems   Counts `json:"frameworkItems"`
	CircleFrameworks Counts `json:"circleFrameworks"`
	GoalItems        Counts `json:"goalItems"`
	SkillRatings     Counts `json:"skillRatings"`
	Feedback         Counts `json:"feedback"`
}

// Total adds up the counts of every kind.
func (r Result) Total() Counts {
	var t Counts
	for _, c := range []Counts{r.Circle, r.People, r.Memberships, r.Sessions, r.AgendaItems, r.Attendance,
		r.Notes, r.ActionItems, r.Topics, r.SessionTopics, r.Pins, r.Goals, r.GoalTasks, r.CheckIns, r.Milestones,
		r.Frameworks, r.FrameworkItems, r.CircleFrameworks, r.GoalItems, r.SkillRatings, r.Feedback} {
		t.Created, t.Updated, t.Unchanged = t.Created+c.Created, t.Updated+c.Updated, t.Unchanged+c.Unchanged
	}
	return t
}

// Import reads a bundle from r (see Read) and merges it into db in one
// transaction (see Merge). On any error nothing is written.
func Import(db *gorm.DB, r io.Reader, now time.Time) (Result, error) {
	b, err := Read(r)
	if err != nil {
		return Result{}, err
	}
	var res Result
	err = db.Transaction(func(tx *gorm.DB) (err error) {
		res, err = merge(tx, &b, now)
		return err
	})
	if err != nil {
		return Result{}, dbErr("", err)
	}
	return res, nil
}

// Merge validates b and merges it inside the caller's transaction; the caller
// rolls back on an error. now dates the revisions it keeps of overwritten notes.
//
// The rules, for every record with a UUID:
//   - A record is matched here by its UUID. A person whose UUID is unknown
//     here is matched by email (ASCII case-insensitive, as the unique index
//     compares), a topic by name (likewise), a membership, attendance mark or
//     note by what makes it unique (circle and person; session and person;
//     session and visibility). A record matched that way keeps the UUID it has
//     here; the bundle's UUID for it resolves to it.
//   - A matched record is updated when the bundle's updatedAt is later than
//     its own, taking the bundle's updatedAt; otherwise it is left alone. An
//     unmatched record is created with the bundle's UUID and times. Nothing is
//     ever deleted, so importing the same bundle again changes nothing.
//   - A person's private note is only written when the bundle has one.
//   - A note whose text is overwritten keeps its old text as a revision.
//   - A record matched by UUID must still belong where the bundle puts it: a
//     session in this circle, a mark to the same session and person, and so
//     on. Otherwise, and when an update would take an email or topic name
//     another record here has, the import is refused with a Conflict.
//   - References resolve to records in the bundle or already here (a session
//     or note referred to must be this circle's).
//   - Growth records (version 2 on) match by UUID; a framework also by
//     name, an item by name within its framework, a rating by circle,
//     person, item and phase, feedback by session and person. A goal must
//     be the same person's in this circle, a task on its goal, a check-in
//     on its goal, a milestone the same person's. A goal or milestone
//     created here is shared; a matched one keeps its visibility.
//   - Sessions keep the numbers the bundle gives them. One written with no
//     number, or with a number another session here has, takes the next
//     number after the circle's highest; the sessions here keep theirs.
func Merge(tx *gorm.DB, b Bundle, now time.Time) (Result, error) {
	if err := Validate(b); err != nil {
		return Result{}, err
	}
	res, err := merge(tx, &b, now)
	if err != nil {
		return Result{}, dbErr("", err)
	}
	return res, nil
}

func merge(tx *gorm.DB, b *Bundle, now time.Time) (Result, error) {
	m := newMerger(tx, b, now)
	for _, step := range []func() error{
		m.findCircle, m.findPeople, m.findSessions, m.findTopics, m.findRefs,
		m.findMemberships, m.findAgenda, m.findAttendance, m.findNotes, m.findNoteRefs, m.findActions, m.findPins,
		m.findGrowth,
	} {
		if err := step(); err != nil {
			return Result{}, err
		}
	}
	for _, step := range []func() error{
		m.putCircle, m.putPeople, m.putMemberships, m.putSessions, m.putAgenda, m.putAttendance,
		m.putNotes, m.putActions, m.putTopics, m.putSessionTopics, m.putPins, m.number, m.putGrowth,
	} {
		if err := step(); err != nil {
			return Result{}, err
		}
	}
	m.res.CircleID = m.circle.ID
	return m.res, nil
}

// merger holds what a merge has found and done. The find steps only read;
// the put steps write, in an order that creates every record before the
// records that refer to it.
type merger struct {
	tx  *gorm.DB
	b   *Bundle
	now time.Time
	res Result

	circle *model.Circle // nil until found or created
	// Local ids by UUID (a bundle record's, or a reference's), filled as
	// records are matched, looked up and created.
	personID, sessionID, noteID, topicID map[string]uint
	// What each bundle record matched here, by index; nil when it is new.
	people      []*model.Person
	memberships []*model.Membership
	sessions    []*model.Session
	agenda      [][]*model.AgendaItem
	attendance  []*model.Attendance
	notes       []*model.Note
	actions     []*model.ActionItem
	topics      []*model.Topic
	pins        []*model.Pin
	// The sessions the import created or updated, by local id.
	written []uint
	// What the growth records matched, and the ids they refer to.
	g growthFound
}

func newMerger(tx *gorm.DB, b *Bundle, now time.Time) *merger {
	return &merger{tx: tx, b: b, now: now,
		personID: map[string]uint{}, sessionID: map[string]uint{}, noteID: map[string]uint{}, topicID: map[string]uint{},
		people: make([]*model.Person, len(b.People)), memberships: make([]*model.Membership, len(b.Memberships)),
		sessions: make([]*model.Session, len(b.Sessions)), agenda: make([][]*model.AgendaItem, len(b.Sessions)),
		attendance: make([]*model.Attendance, len(b.Attendance)), notes: make([]*model.Note, len(b.Notes)),
		actions: make([]*model.ActionItem, len(b.ActionItems)), topics: make([]*model.Topic, len(b.Topics)),
		pins: make([]*model.Pin, len(b.Pins))}
}

func (m *merger) circleID() uint {
	if m.circle == nil {
		return 0
	}
	return m.circle.ID
}

// byUUID loads the rows of T whose UUIDs are given, keyed by UUID.
func byUUID[T any](tx *gorm.DB, uuids []string, uuidOf func(*T) string) (map[string]*T, error) {
	out := make(map[string]*T, len(uuids))
	for chunk := range slices.Chunk(uuids, 500) {
		var rows []T
		if err := tx.Where("uuid IN ?", chunk).Find(&rows).Error; err != nil {
			return nil, err
		}
		for i := range rows {
			out[uuidOf(&rows[i])] = &rows[i]
		}
	}
	return out, nil
}

// uuids lists the UUIDs of a kind's records.
func uuids[T any](rows []T, meta func(*T) Meta) []string {
	out := make([]string, len(rows))
	for i := range rows {
		out[i] = meta(&rows[i]).UUID
	}
	return out
}

// claims remembers which bundle record matched each local row of a kind, so
// that two bundle records never become one row.
type claims map[uint]int

func (c claims) take(id uint, kind string, i int) error {
	if j, dup := c[id]; dup {
		return fail(apperr.Conflict, at(kind, i), "This is the same record here as %s[%d] (matched by UUID, email, name or what makes it unique); the bundle holds it twice.", kind, j)
	}
	c[id] = i
	return nil
}

func conflict(path, format string, args ...any) error {
	return fail(apperr.Conflict, path, format, args...)
}

// newer reports whether the bundle's version of a record is later than ours.
func newer(m Meta, ours time.Time) bool {
	return parseStamp(m.UpdatedAt).After(ours)
}

// parseStamp parses a time Validate has accepted.
func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t.UTC()
}

// dbErr explains a failed write; an *apperr.Error passes through.
func dbErr(path string, err error) error {
	var ae *apperr.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ae):
		return err
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return &apperr.Error{Code: apperr.Conflict, Field: Field, Message: prefix(path, "This would duplicate a record already here."), Err: err}
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return &apperr.Error{Code: apperr.Invalid, Field: Field, Message: prefix(path, "This refers to a record that does not exist here."), Err: err}
	}
	errors.As(apperr.FromDB(err, "", "bundle"), &ae)
	return &apperr.Error{Code: ae.Code, Field: Field, Message: prefix(path, ae.Message), Err: err}
}

func prefix(path, msg string) string {
	if path == "" {
		return msg
	}
	return path + ": " + msg
}
