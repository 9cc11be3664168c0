package export

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"circlebook/backend/actions"
	"circlebook/backend/apperr"
	"circlebook/backend/attendance"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Exports builds circle summaries for the window and the browser-mode server.
type Exports struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the exports service over db, reading the time from now.
func New(db *gorm.DB, now func() time.Time) *Exports {
	return &Exports{db: db, now: now}
}

// Summary builds a circle's summary in one read transaction.
func (s *Exports) Summary(circleID uint, opt Options) (Summary, error) {
	var out Summary
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = Build(tx, circleID, opt, s.now())
		return err
	})
	return out, err
}

// Build gathers a circle's summary for the period opt names, as of now. It
// reads shared notes and shared goals only, never private notes, people's
// private notes, pins, note revisions or private goals, and leaves note,
// action and goal texts out when opt.FiguresOnly. With opt.Anonymize every member's name becomes an alias,
// in the member list and inside every text.
func Build(tx *gorm.DB, circleID uint, opt Options, now time.Time) (Summary, error) {
	if err := opt.validate(); err != nil {
		return Summary{}, err
	}
	var c model.Circle
	if err := tx.Take(&c, circleID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return Summary{}, apperr.Missing("circle", circleID)
	} else if err != nil {
		return Summary{}, readFailed(err)
	}
	b := &builder{tx: tx, circle: c, opt: opt, loc: zone(c.TimeZone)}
	b.today = now.In(b.loc).Format(check.DateLayout)
	s := Summary{From: opt.From, To: opt.To, Period: label(opt.From, opt.To), GeneratedAt: now.In(b.loc),
		Anonymized: opt.Anonymize, FiguresOnly: opt.FiguresOnly, Highlights: []Highlight{}, Goals: []Goal{}, Skills: []Skill{}}
	for _, step := range []func(*Summary) error{b.loadPeople, b.loadSessions, b.loadMarks, b.loadTopics, b.loadHighlights, b.loadActions, b.loadGoals,
		b.loadSkills} {
		if err := step(&s); err != nil {
			return Summary{}, readFailed(err)
		}
	}
	s.Circle = b.profile()
	return s, nil
}

// readFailed reports a database that could not give the circle's history.
func readFailed(err error) error {
	return &apperr.Error{Code: apperr.Internal, Message: "Could not read the circle's history: " + err.Error(), Err: err}
}

// builder carries what Build's steps share.
type builder struct {
	tx     *gorm.DB
	circle model.Circle
	opt    Options
	loc    *time.Location
	today  string // YYYY-MM-DD in the circle's zone

	people   []person        // members first, in roster order
	index    map[uint]int    // person id -> position in people
	scrub    *scrubber       // nil unless anonymizing
	sessions []model.Session // the circle's, every period
	column   map[uint]int    // session id -> position in Summary.Sessions
	row      map[uint]int    // person id -> position in Summary.Members
}

// person is someone whose name the summary may show or must hide.
type person struct {
	ID       uint
	Name     string
	Email    string
	Role     string // "" for a non-member (an owner or attendee who left the roster)
	JoinedOn string
	LeftOn   string
	member   bool
}

// text returns user-written text as the summary may show it.
func (b *builder) text(s string) string {
	if b.scrub == nil {
		return s
	}
	return b.scrub.replace(s)
}

// name returns how the summary names a person.
func (b *builder) name(id uint, fallback string) string {
	i, ok := b.index[id]
	if !ok {
		return b.text(fallback)
	}
	if b.scrub != nil {
		return alias(i)
	}
	return b.people[i].Name
}

func (b *builder) inPeriod(date string) bool {
	return (b.opt.From == "" || date >= b.opt.From) && (b.opt.To == "" || date <= b.opt.To)
}

// zone loads an IANA zone, falling back to UTC for "" or a name this machine does not know.
func zone(name string) *time.Location {
	if name == "" || name == "Local" {
		return time.UTC
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}

func (b *builder) profile() Profile {
	c := b.circle
	p := Profile{UUID: c.UUID, Name: b.text(c.Name), Purpose: b.text(c.Purpose), Kind: c.Kind, Cadence: cadence(c),
		MeetingTime: c.MeetingTime, DurationMinutes: c.DurationMinutes, TimeZone: b.loc.String(),
		Place: b.text(c.Place), VideoLink: b.text(c.VideoLink), StartDate: c.StartDate, EndDate: c.EndDate, Status: c.Status}
	if c.MeetingDay >= 0 && c.MeetingDay <= 6 {
		p.MeetingDay = time.Weekday(c.MeetingDay).String()
	}
	return p
}

func cadence(c model.Circle) string {
	switch c.Cadence {
	case model.CadenceWeekly:
		return "Weekly"
	case model.CadenceBiweekly:
		return "Every 2 weeks"
	case model.CadenceMonthly:
		return "Monthly"
	case model.CadenceCustom:
		if c.CadenceDays == 1 {
			return "Daily"
		}
		return fmt.Sprintf("Every %d days", c.CadenceDays)
	}
	return c.Cadence
}

// loadPeople loads the members (and, to hide their names too, anyone else who
// owns an action item or was marked at a session) and lists the members
// whose membership overlaps the period.
func (b *builder) loadPeople(s *Summary) error {
	var ps []person
	err := b.tx.Table("memberships m").
		Select("p.id, p.name, p.email, m.role, m.joined_on, m.left_on").
		Joins("JOIN people p ON p.id = m.person_id").
		Where("m.circle_id = ?", b.circle.ID).Scan(&ps).Error
	if err != nil {
		return err
	}
	for i := range ps {
		ps[i].member = true
	}
	var others []person
	// One IN over a UNION (not an OR of two INs, nor NOT IN), so that
	// PostgreSQL reads people by key for the few ids found, not all of them.
	err = b.tx.Table("people p").Select("p.id, p.name, p.email").
		Where("p.id IN (SELECT owner_id FROM action_items WHERE circle_id = ? UNION SELECT a.person_id FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.circle_id = ?)",
			b.circle.ID, b.circle.ID).
		Where("NOT EXISTS (SELECT 1 FROM memberships m WHERE m.circle_id = ? AND m.person_id = p.id)", b.circle.ID).
		Scan(&others).Error
	if err != nil {
		return err
	}
	b.people = order(ps, others, b.listed)
	b.index = make(map[uint]int, len(b.people))
	for i, p := range b.people {
		b.index[p.ID] = i
	}
	if b.opt.Anonymize {
		b.scrub = newScrubber(b.people)
	}
	s.Members, b.row = []Member{}, map[uint]int{}
	for _, p := range b.people {
		if b.listed(p) {
			b.row[p.ID] = len(s.Members)
			m := Member{Name: b.name(p.ID, p.Name), Role: p.Role, JoinedOn: p.JoinedOn, LeftOn: p.LeftOn}
			if b.scrub == nil {
				m.Email = p.Email
			}
			s.Members = append(s.Members, m)
		}
	}
	return nil
}

// listed reports whether p was a member at some time in the period.
func (b *builder) listed(p person) bool {
	return p.member && (b.opt.To == "" || p.JoinedOn <= b.opt.To) && (p.LeftOn == "" || b.opt.From == "" || p.LeftOn >= b.opt.From)
}

// order puts the members listed in the summary first, by role, then name;
// then everyone else. Names compare as people expect (Ünal with the Us, not
// after Z). This order numbers the aliases, so the roster reads Member 1, 2, 3.
func order(members, others []person, listed func(person) bool) []person {
	all := append(members, others...)
	rank := func(p person) int {
		if listed(p) {
			return roleRank(p.Role)
		}
		return len(model.Roles) + 1
	}
	sort.SliceStable(all, func(i, j int) bool {
		if ri, rj := rank(all[i]), rank(all[j]); ri != rj {
			return ri < rj
		}
		if ki, kj := nameKey(all[i].Name), nameKey(all[j].Name); ki != kj {
			return ki < kj
		}
		return all[i].ID < all[j].ID
	})
	return all
}

func roleRank(role string) int {
	for i, r := range model.Roles {
		if r == role {
			return i
		}
	}
	return len(model.Roles)
}

// loadSessions loads the circle's sessions with their agenda and tags, and
// lists those in the period.
func (b *builder) loadSessions(s *Summary) error {
	if err := b.tx.Where("circle_id = ?", b.circle.ID).Order("starts_at, id").Find(&b.sessions).Error; err != nil {
		return err
	}
	agenda, err := b.agenda()
	if err != nil {
		return err
	}
	tags, err := b.tags()
	if err != nil {
		return err
	}
	b.column = map[uint]int{}
	s.Sessions = []Session{}
	for _, ses := range b.sessions {
		start, err := time.ParseInLocation(check.DateTimeLayout, ses.StartsAt, b.loc)
		if err != nil {
			return fmt.Errorf("session %d starts at %q: %w", ses.ID, ses.StartsAt, err)
		}
		if !b.inPeriod(ses.StartsAt[:10]) {
			continue
		}
		out := Session{UUID: ses.UUID, Number: ses.Number, StartsAt: ses.StartsAt, Start: start, DurationMinutes: ses.DurationMinutes,
			Status: ses.Status, Topic: b.text(ses.Topic), Topics: []string{}, Place: b.text(ses.Place), Agenda: []string{}, Updated: ses.UpdatedAt}
		for _, a := range agenda[ses.ID] {
			out.Agenda = append(out.Agenda, b.text(a.Title))
			if a.UpdatedAt.After(out.Updated) {
				out.Updated = a.UpdatedAt
			}
		}
		for _, t := range tags[ses.ID] {
			out.Topics = append(out.Topics, b.text(t))
		}
		b.column[ses.ID] = len(s.Sessions)
		s.Sessions = append(s.Sessions, out)
	}
	return nil
}

type agendaRow struct {
	SessionID uint
	Title     string
	UpdatedAt time.Time
}

func (b *builder) agenda() (map[uint][]agendaRow, error) {
	var rows []agendaRow
	err := b.tx.Table("agenda_items a").Select("a.session_id, a.title, a.updated_at").
		Joins("JOIN sessions s ON s.id = a.session_id").Where("s.circle_id = ?", b.circle.ID).
		Order("a.session_id, a.position, a.id").Scan(&rows).Error
	out := map[uint][]agendaRow{}
	for _, r := range rows {
		out[r.SessionID] = append(out[r.SessionID], r)
	}
	return out, err
}

func (b *builder) tags() (map[uint][]string, error) {
	var rows []struct {
		SessionID uint
		Name      string
	}
	err := b.tx.Table("session_topics st").Select("st.session_id, t.name").
		Joins("JOIN topics t ON t.id = st.topic_id").Joins("JOIN sessions s ON s.id = st.session_id").
		Where("s.circle_id = ?", b.circle.ID).Order("lower(t.name)").Scan(&rows).Error
	out := map[uint][]string{}
	for _, r := range rows {
		out[r.SessionID] = append(out[r.SessionID], r.Name)
	}
	return out, err
}

// loadMarks lays attendance out per member and session, and tallies the
// period's held sessions per member, per session and overall.
func (b *builder) loadMarks(s *Summary) error {
	marks, err := attendance.InCircle(b.tx, b.circle.ID)
	if err != nil {
		return err
	}
	for i := range s.Members {
		s.Members[i].Marks = make([]string, len(s.Sessions))
	}
	for _, mk := range marks {
		c, ok := b.column[mk.SessionID]
		if !ok {
			continue
		}
		r, isMember := b.row[mk.PersonID]
		if isMember {
			s.Members[r].Marks[c] = mk.Status
		}
		if !s.Sessions[c].Held() {
			continue
		}
		s.Attendance.Add(mk.Status, 1)
		if isMember {
			s.Members[r].Attendance.Add(mk.Status, 1)
		}
		if mk.Status == model.Present || mk.Status == model.Late {
			s.Sessions[c].Attended++
		}
	}
	return nil
}

// loadTopics counts the tags of the period's held sessions, most used first.
func (b *builder) loadTopics(s *Summary) error {
	n := map[string]int{}
	for _, ses := range s.Sessions {
		if ses.Held() {
			for _, t := range ses.Topics {
				n[t]++
			}
		}
	}
	s.Topics = make([]TopicCount, 0, len(n))
	for name, count := range n {
		s.Topics = append(s.Topics, TopicCount{Name: name, Sessions: count})
	}
	sort.Slice(s.Topics, func(i, j int) bool {
		a, c := s.Topics[i], s.Topics[j]
		if a.Sessions != c.Sessions {
			return a.Sessions > c.Sessions
		}
		if la, lc := strings.ToLower(a.Name), strings.ToLower(c.Name); la != lc {
			return la < lc
		}
		return a.Name < c.Name // topics unique but for ASCII case (Éthique, éthique)
	})
	return nil
}

// loadHighlights takes the shared notes of the period's held sessions. It asks
// for shared notes by name, so no other visibility can slip through.
func (b *builder) loadHighlights(s *Summary) error {
	if b.opt.FiguresOnly {
		return nil
	}
	var rows []struct {
		ID        uint
		SessionID uint
		Body      string
	}
	err := b.tx.Table("notes n").Select("n.id, n.session_id, n.body").
		Joins("JOIN sessions s ON s.id = n.session_id").
		Where("s.circle_id = ? AND s.status = ? AND n.visibility = ?", b.circle.ID, model.SessionHeld, model.Shared).
		Scan(&rows).Error
	if err != nil {
		return err
	}
	made, err := b.actionLines()
	if err != nil {
		return err
	}
	bodies := make(map[uint]string, len(rows))
	for _, r := range rows {
		bodies[r.SessionID] = withoutActionLines(r.Body, made[r.ID])
	}
	for _, ses := range b.sessions {
		c, ok := b.column[ses.ID]
		body := bodies[ses.ID]
		if !ok || ses.Status != model.SessionHeld || strings.TrimSpace(body) == "" {
			continue
		}
		out := s.Sessions[c]
		s.Highlights = append(s.Highlights, Highlight{SessionNumber: out.Number, Date: out.Date(), Topic: out.Topic, Body: b.text(body)})
	}
	return nil
}

// actionLines returns, per note, the line keys of the action items made from
// its task lines.
func (b *builder) actionLines() (map[uint]map[string]bool, error) {
	var rows []struct {
		NoteID  uint
		LineKey string
	}
	err := b.tx.Table("action_items").Select("note_id, line_key").
		Where("circle_id = ? AND source = ? AND note_id IS NOT NULL", b.circle.ID, model.SourceNotes).Scan(&rows).Error
	out := map[uint]map[string]bool{}
	for _, r := range rows {
		if out[r.NoteID] == nil {
			out[r.NoteID] = map[string]bool{}
		}
		out[r.NoteID][r.LineKey] = true
	}
	return out, err
}

// withoutActionLines drops from a note the task lines that became action
// items (keys holds their line keys). The summary lists each of those once,
// under Action items, with its owner, due date and status as they are now;
// the highlights keep everything else, including a task line that made no
// item.
func withoutActionLines(body string, keys map[string]bool) string {
	if len(keys) == 0 {
		return body
	}
	var b strings.Builder
	for _, l := range strings.SplitAfter(body, "\n") {
		parsed := actions.ParseLines(strings.TrimRight(l, "\r\n")+"\n", time.Time{})
		if len(parsed) == 1 && keys[parsed[0].Key] {
			continue
		}
		b.WriteString(l)
	}
	return b.String()
}
