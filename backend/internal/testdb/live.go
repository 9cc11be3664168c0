package testdb

import (
	"sync"
	"time"

	"circlebook/backend/model"
)

// Clock is a clock a test can move: it starts at Today and only changes when
// told to. Pass its Now method to a service.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock standing at Today.
func NewClock() *Clock { return &Clock{t: Today} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// LiveTables lists the tables live session mode added.
var LiveTables = []string{"notes", "note_revisions", "pins", "action_items", "topics", "session_topics"}

// LiveCounts returns the row count of every live-mode table.
func (f Fixture) LiveCounts() map[string]int64 {
	f.t.Helper()
	out := map[string]int64{}
	for _, table := range LiveTables {
		out[table] = f.Count(table)
	}
	return out
}

// Agenda adds an agenda item to s at the next position, done or not.
func (f Fixture) Agenda(s model.Session, title string, done bool) model.AgendaItem {
	f.t.Helper()
	var n int64
	f.DB.Model(&model.AgendaItem{}).Where("session_id = ?", s.ID).Count(&n)
	a := model.AgendaItem{SessionID: s.ID, Position: int(n), Title: title, Done: done}
	f.create(&a)
	return a
}

// Action adds an open, manually captured action item to c; opts adjust it first.
func (f Fixture) Action(c model.Circle, text string, opts ...func(*model.ActionItem)) model.ActionItem {
	f.t.Helper()
	a := model.ActionItem{CircleID: c.ID, Text: text, Status: model.ActionOpen, Source: model.SourceManual}
	for _, o := range opts {
		o(&a)
	}
	f.create(&a)
	return a
}

// Topic adds a topic named name.
func (f Fixture) Topic(name string) model.Topic {
	f.t.Helper()
	t := model.Topic{Name: name}
	f.create(&t)
	return t
}

// Tag tags session s with topic t.
func (f Fixture) Tag(s model.Session, t model.Topic) {
	f.t.Helper()
	f.create(&model.SessionTopic{SessionID: s.ID, TopicID: t.ID})
}
