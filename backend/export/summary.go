package export

import (
	"time"

	"circlebook/backend/attendance"
	"circlebook/backend/model"
)

// Summary is what every format renders: one circle over one period, with
// private text already left out and, when asked, names already replaced.
// Renderers read it and nothing else.
type Summary struct {
	Circle      Profile          `json:"circle"`
	From        string           `json:"from"`        // YYYY-MM-DD or "" (open)
	To          string           `json:"to"`          // YYYY-MM-DD or "" (open)
	Period      string           `json:"period"`      // for people, e.g. "Q3 2026 (1 Jul – 30 Sep 2026)"
	GeneratedAt time.Time        `json:"generatedAt"` // in the circle's time zone
	Anonymized  bool             `json:"anonymized"`
	FiguresOnly bool             `json:"figuresOnly"`
	Members     []Member         `json:"members"`    // by role, then name
	Sessions    []Session        `json:"sessions"`   // every session in the period, in date order
	Attendance  attendance.Tally `json:"attendance"` // every mark at the period's held sessions
	Topics      []TopicCount     `json:"topics"`     // tags of the period's held sessions, most first
	Highlights  []Highlight      `json:"highlights"` // shared notes of held sessions; none when FiguresOnly
	Actions     []OwnerActions   `json:"actions"`    // by owner; the whole circle's last
	Goals       []Goal           `json:"goals"`      // members' shared goals in the circle, by member
	Skills      []Skill          `json:"skills"`     // the circle's frameworks' items with ratings before and after; none when nobody rated
}

// Profile is the circle as the summary presents it.
type Profile struct {
	UUID            string `json:"uuid"`
	Name            string `json:"name"`
	Purpose         string `json:"purpose"`
	Kind            string `json:"kind"`            // group or pair
	Cadence         string `json:"cadence"`         // for people: "Weekly", "Every 2 weeks", "Every 10 days"
	MeetingDay      string `json:"meetingDay"`      // "Tuesday", or "" when none is usual
	MeetingTime     string `json:"meetingTime"`     // HH:MM local, or ""
	DurationMinutes int    `json:"durationMinutes"` // usual length
	TimeZone        string `json:"timeZone"`        // IANA name every local time is in; "UTC" when none or unknown
	Place           string `json:"place"`
	VideoLink       string `json:"videoLink"`
	StartDate       string `json:"startDate"`
	EndDate         string `json:"endDate"`
	Status          string `json:"status"`
}

// Member is one member of the circle during the period.
type Member struct {
	Name       string           `json:"name"`  // "Member N" when anonymized
	Email      string           `json:"email"` // "" when anonymized
	Role       string           `json:"role"`
	JoinedOn   string           `json:"joinedOn"`
	LeftOn     string           `json:"leftOn"`
	Attendance attendance.Tally `json:"attendance"` // at the period's held sessions
	Marks      []string         `json:"marks"`      // one per Summary.Sessions: an attendance status or ""
}

// Session is one session in the period.
type Session struct {
	UUID            string    `json:"uuid"`
	Number          int       `json:"number"`
	StartsAt        string    `json:"startsAt"` // local wall time in the circle's zone, YYYY-MM-DDTHH:MM
	Start           time.Time `json:"start"`    // the same moment, in the circle's zone
	DurationMinutes int       `json:"durationMinutes"`
	Status          string    `json:"status"` // planned, held or cancelled
	Topic           string    `json:"topic"`
	Topics          []string  `json:"topics"` // tags, by name
	Place           string    `json:"place"`
	Agenda          []string  `json:"agenda"`   // agenda item titles in order
	Attended        int       `json:"attended"` // members marked present or late
	Updated         time.Time `json:"updated"`  // the latest change to the session or its agenda
}

// End returns when the session ends.
func (s Session) End() time.Time { return s.Start.Add(time.Duration(s.DurationMinutes) * time.Minute) }

// Date returns the session's local date, YYYY-MM-DD.
func (s Session) Date() string { return s.Start.Format("2006-01-02") }

// Held reports whether the session took place.
func (s Session) Held() bool { return s.Status == model.SessionHeld }

// TopicCount is a topic with how many of the period's held sessions it tagged.
type TopicCount struct {
	Name     string `json:"name"`
	Sessions int    `json:"sessions"`
}

// Highlight is the shared notes of one held session.
type Highlight struct {
	SessionNumber int    `json:"sessionNumber"`
	Date          string `json:"date"` // YYYY-MM-DD, local
	Topic         string `json:"topic"`
	Body          string `json:"body"` // Markdown
}

// OwnerActions are one owner's action items with their counts.
type OwnerActions struct {
	Owner   string   `json:"owner"` // "" for the whole circle
	Open    int      `json:"open"`  // including the overdue ones
	Overdue int      `json:"overdue"`
	Done    int      `json:"done"`
	Items   []Action `json:"items"` // open first, oldest due first; none when FiguresOnly
}

// Action is one action item.
type Action struct {
	Text          string `json:"text"`
	Status        string `json:"status"` // open or done
	DueOn         string `json:"dueOn"`  // YYYY-MM-DD or ""
	Overdue       bool   `json:"overdue"`
	DoneOn        string `json:"doneOn"`        // YYYY-MM-DD, local, or ""
	SessionNumber int    `json:"sessionNumber"` // where it was captured; 0 for none
}

// Goal is a member's shared goal in the circle: its status and progress
// as they stand, and its check-ins in the period. Private goals are never
// in a summary. Renderers show the section only when there are some.
type Goal struct {
	Member      string `json:"member"`
	Title       string `json:"title"` // "" when FiguresOnly
	Status      string `json:"status"`
	Progress    int    `json:"progress"`    // 0-100
	TargetDate  string `json:"targetDate"`  // YYYY-MM-DD or ""
	CheckIns    int    `json:"checkIns"`    // in the period
	LastCheckIn string `json:"lastCheckIn"` // the date of the period's last check-in, or ""
	LastNote    string `json:"lastNote"`    // its line; "" when FiguresOnly
}

// HeldCount returns how many of the period's sessions were held.
func (s Summary) HeldCount() int { return s.count(model.SessionHeld) }

// PlannedCount returns how many of the period's sessions are still planned.
func (s Summary) PlannedCount() int { return s.count(model.SessionPlanned) }

// CancelledCount returns how many of the period's sessions were cancelled.
func (s Summary) CancelledCount() int { return s.count(model.SessionCancelled) }

func (s Summary) count(status string) int {
	n := 0
	for _, ses := range s.Sessions {
		if ses.Status == status {
			n++
		}
	}
	return n
}

// OpenActions returns how many action items are open, and how many of those are overdue.
func (s Summary) OpenActions() (open, overdue int) {
	for _, o := range s.Actions {
		open, overdue = open+o.Open, overdue+o.Overdue
	}
	return open, overdue
}
