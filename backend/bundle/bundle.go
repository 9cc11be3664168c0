// Package bundle writes one circle as a re-importable JSON bundle and merges
// such a bundle back into a database, by UUID, so that circles kept on two
// laptops can be brought together.
//
// A bundle holds the circle, its members (current and former) and their
// memberships, its sessions with their agendas, attendance, shared notes,
// action items, the topics its sessions are tagged with, and the notes pinned
// to its members in it; from version 2 on, its growth records too (see
// growth.go). Records refer to each other by UUID, never by integer
// id. Private text (private notes, private pins, people's private notes) is in
// a bundle only when the export asks for it. Note revisions are never in it.
//
// Import validates the whole bundle before it writes anything, then merges it
// in one transaction; see Import for the rules.
package bundle

// Schema names the bundle format; it is the first thing an importer checks.
const Schema = "circlebook.bundle"

// Version is the bundle format this code writes. It reads it and every
// earlier one, back to MinVersion.
const Version = 2

// MinVersion is the oldest bundle format this code reads: version 1 had no
// growth records, so a version 1 bundle imports with none.
const MinVersion = 1

// Bundle is one circle and everything that belongs to it, as written to JSON.
type Bundle struct {
	Schema          string         `json:"schema"`
	Version         int            `json:"version"`
	ExportedAt      string         `json:"exportedAt"`      // RFC 3339 UTC
	IncludesPrivate bool           `json:"includesPrivate"` // private notes, pins and people's private notes are in it
	Circle          Circle         `json:"circle"`
	People          []Person       `json:"people"` // the circle's members, current and former
	Memberships     []Membership   `json:"memberships"`
	Sessions        []Session      `json:"sessions"` // with their agenda items
	Attendance      []Attendance   `json:"attendance"`
	Notes           []Note         `json:"notes"`
	ActionItems     []ActionItem   `json:"actionItems"`
	Topics          []Topic        `json:"topics"` // the topics the circle's sessions are tagged with
	SessionTopics   []SessionTopic `json:"sessionTopics"`
	Pins            []Pin          `json:"pins"`
	Goals           []Goal         `json:"goals"` // shared goals only
	CheckIns        []CheckIn      `json:"checkIns"`
	Milestones      []Milestone    `json:"milestones"` // shared milestones only
	Frameworks      []Framework    `json:"frameworks"`
	SkillRatings    []SkillRating  `json:"skillRatings"`
	Feedback        []Feedback     `json:"feedback"`
}

// Meta identifies a record across databases and says when it last changed.
type Meta struct {
	UUID      string `json:"uuid"`      // lowercase, 8-4-4-4-12 hex digits
	CreatedAt string `json:"createdAt"` // RFC 3339, UTC when written
	UpdatedAt string `json:"updatedAt"` // RFC 3339; the newer side wins a merge
}

// Circle is the circle's profile.
type Circle struct {
	Meta
	Name            string `json:"name"`
	Purpose         string `json:"purpose"`
	Kind            string `json:"kind"`
	Cadence         string `json:"cadence"`
	CadenceDays     int    `json:"cadenceDays"`
	MeetingDay      int    `json:"meetingDay"`
	MeetingTime     string `json:"meetingTime"`
	DurationMinutes int    `json:"durationMinutes"`
	TimeZone        string `json:"timeZone"`
	Place           string `json:"place"`
	VideoLink       string `json:"videoLink"`
	StartDate       string `json:"startDate"`
	EndDate         string `json:"endDate"`
	Status          string `json:"status"`
	Color           string `json:"color"`
}

// Person is a member of the circle.
type Person struct {
	Meta
	Name        string `json:"name"`
	Email       string `json:"email"`
	Pronouns    string `json:"pronouns"`
	Title       string `json:"title"`
	Team        string `json:"team"`
	Location    string `json:"location"`
	TimeZone    string `json:"timeZone"`
	StartDate   string `json:"startDate"`
	Strengths   string `json:"strengths"`
	GrowthAreas string `json:"growthAreas"`
	// Organization, RoleWanted, Languages, Capacity, OrgPref and Cohort are matching's
	// profile fields; a bundle from before them leaves them empty.
	Organization string `json:"organization,omitempty"`
	RoleWanted   string `json:"roleWanted,omitempty"`
	Languages    string `json:"languages,omitempty"`
	Capacity     int    `json:"capacity,omitempty"`
	OrgPref      string `json:"orgPref,omitempty"`
	Cohort       string `json:"cohort,omitempty"`
	// PrivateNote is present only in a bundle that includes private text;
	// when absent, an import leaves the local private note as it is.
	PrivateNote *string `json:"privateNote,omitempty"`
}

// Membership puts a person (by UUID) in the bundle's circle.
type Membership struct {
	Meta
	Person   string `json:"person"`
	Role     string `json:"role"`
	JoinedOn string `json:"joinedOn"`
	LeftOn   string `json:"leftOn"`
}

// Session is one meeting of the circle, with its agenda.
type Session struct {
	Meta
	Number          int          `json:"number"`
	StartsAt        string       `json:"startsAt"` // local wall time, YYYY-MM-DDTHH:MM
	DurationMinutes int          `json:"durationMinutes"`
	Topic           string       `json:"topic"`
	Place           string       `json:"place"`
	Status          string       `json:"status"`
	StartedAt       string       `json:"startedAt"` // RFC 3339 or ""
	EndedAt         string       `json:"endedAt"`   // RFC 3339 or ""
	Agenda          []AgendaItem `json:"agenda"`
}

// AgendaItem is one point on a session's agenda.
type AgendaItem struct {
	Meta
	Position int    `json:"position"`
	Title    string `json:"title"`
	Minutes  int    `json:"minutes"`
	Done     bool   `json:"done"`
}

// Attendance is one person's mark at one session, both by UUID.
type Attendance struct {
	Meta
	Session string `json:"session"`
	Person  string `json:"person"`
	Status  string `json:"status"`
}

// Note is a session's shared (or, when asked for, private) notes.
type Note struct {
	Meta
	Session    string `json:"session"`
	Visibility string `json:"visibility"`
	Body       string `json:"body"`
	Version    int    `json:"version"`
}

// ActionItem is something a member or the whole circle will do. Its session,
// owner and note are UUIDs, absent when there is none.
type ActionItem struct {
	Meta
	Session string `json:"session,omitempty"`
	Owner   string `json:"owner,omitempty"`
	Text    string `json:"text"`
	DueOn   string `json:"dueOn"`
	Status  string `json:"status"`
	DoneAt  string `json:"doneAt"`
	Source  string `json:"source"`
	Note    string `json:"note,omitempty"`
	LineKey string `json:"lineKey,omitempty"` // the task line it was parsed from, for a source of "notes"
}

// Topic is a tag on sessions.
type Topic struct {
	Meta
	Name string `json:"name"`
}

// SessionTopic tags a session with a topic, both by UUID.
type SessionTopic struct {
	Session string `json:"session"`
	Topic   string `json:"topic"`
}

// Pin is a short note pinned to a member in this circle, maybe in a session.
type Pin struct {
	Meta
	Person     string `json:"person"`
	Session    string `json:"session,omitempty"`
	Body       string `json:"body"`
	Visibility string `json:"visibility"`
}
