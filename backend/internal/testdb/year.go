package testdb

import (
	"fmt"
	"strings"
	"time"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

// YearNames are the members of a Year circle, leader first: accented Latin,
// Vietnamese, Scandinavian and Slavic names, two with Markdown characters and
// a guest whose name starts like a spreadsheet formula.
var YearNames = []string{
	"Lucía Muñoz", "Agnieszka Dąbrowska", "Emre Ünal", "Nguyễn Thị Lan", "Chloé Lefèvre",
	"Søren Ødegård", "José Ramírez", "Zoë *Star* O'Brien", "Đorđe Petrović", "Łukasz Wróbel",
	"Aïcha Benali", "François Côté", "Björn Ångström", "Kenji #1 Tanaka", "=Eve Formula",
}

var yearRoles = []string{
	model.RoleLeader, model.RoleCoLeader, model.RoleMentor, model.RoleMentor, model.RoleMentor,
	model.RoleMentor, model.RoleMentee, model.RoleMentee, model.RoleMentee, model.RoleMentee,
	model.RoleMentee, model.RoleMentee, model.RoleMentee, model.RoleMentee, model.RoleGuest,
}

// Year is a year-long weekly circle for export tests and benchmarks.
type Year struct {
	Circle   model.Circle
	People   []model.Person  // the members, in YearNames order
	Sessions []model.Session // in date order; numbered 1..52
	// Secrets are markers of text that must never leave the laptop: private
	// notes, people's private notes, private pins, earlier revisions of
	// shared notes, and an action item that came from a private note.
	Secrets []string
	// Unheld are markers in the shared notes of planned and cancelled
	// sessions: shared, but not highlights of what happened.
	Unheld []string
}

// YearStart is the first session of a Year circle: Tuesday 6 January 2026 at 18:30 local time.
const YearStart = "2026-01-06T18:30"

// YearCircle builds, in one transaction, a circle named name in IANA zone
// meeting every Tuesday at 18:30 local time through 2026: 52 sessions (held
// before Today, except numbers 10 and 30, which were cancelled; planned
// after), 15 members (one joining in April, one leaving in September),
// attendance, three agenda items and one or two topics per session, a page
// of shared notes naming members per held session (sessions 11, 22, 33 and
// 44 have only a private one), a private note per session, pins, revisions,
// and action items with owners, some of them overdue.
func (f Fixture) YearCircle(name, zone string) Year {
	f.t.Helper()
	var y Year
	err := f.DB.Transaction(func(tx *gorm.DB) error {
		y = With(f.t, tx).year(name, zone)
		return nil
	})
	if err != nil {
		f.t.Fatalf("fixture: year circle: %v", err)
	}
	return y
}

func (f Fixture) year(name, zone string) Year {
	f.t.Helper()
	var y Year
	y.Circle = f.Circle(name, func(c *model.Circle) {
		c.Purpose = "Grow product leaders through peer mentoring: one deep topic a week, concrete next steps."
		c.Cadence, c.MeetingDay, c.MeetingTime, c.TimeZone, c.DurationMinutes = model.CadenceWeekly, 2, "18:30", zone, 90
		c.Place, c.VideoLink = "Room 4.2, Calle Mayor 1; Madrid", "https://meet.example.org/product-circle"
		c.StartDate, c.EndDate = "2026-01-01", "2026-12-31"
	})
	mark := func(kind string, n int) string { return fmt.Sprintf("%s-SECRET-c%d-%d", kind, y.Circle.ID, n) }
	var topics []model.Topic
	if err := f.DB.Order("id").Find(&topics).Error; err != nil || len(topics) == 0 {
		f.t.Fatalf("fixture: the seeded topics: %v (%d)", err, len(topics))
	}
	members := make([]model.Membership, len(YearNames))
	for i, n := range YearNames {
		secret := mark("PERSON", i)
		p := f.Person(n, func(p *model.Person) {
			p.Email = fmt.Sprintf("member%d.c%d@example.org", i, y.Circle.ID)
			p.PrivateNote = "Confidential: " + secret
		})
		y.People, y.Secrets = append(y.People, p), append(y.Secrets, secret)
		members[i] = f.Member(y.Circle, p, yearRoles[i], func(m *model.Membership) {
			m.JoinedOn = "2026-01-01"
			switch i {
			case 10:
				m.JoinedOn = "2026-04-01"
			case 11:
				m.LeftOn = "2026-09-30"
			}
		})
	}
	start, _ := time.Parse("2006-01-02T15:04", YearStart)
	for n := 1; n <= 52; n++ {
		at := start.AddDate(0, 0, 7*(n-1))
		status := model.SessionHeld
		switch {
		case at.Format("2006-01-02") >= Today.Format("2006-01-02"):
			status = model.SessionPlanned
		case n == 10 || n == 30:
			status = model.SessionCancelled
		}
		y.Sessions = append(y.Sessions, f.yearSession(&y, n, at, status, members, topics, mark))
	}
	f.create(&model.ActionItem{CircleID: y.Circle.ID, Text: "Plan the end-of-year retrospective", DueOn: "2026-12-15",
		Status: model.ActionOpen, Source: model.SourceManual})
	return y
}

func (f Fixture) yearSession(y *Year, n int, at time.Time, status string, members []model.Membership, topics []model.Topic, mark func(string, int) string) model.Session {
	f.t.Helper()
	topic := topics[n%len(topics)]
	s := model.Session{CircleID: y.Circle.ID, Number: n, StartsAt: at.Format("2006-01-02T15:04"), DurationMinutes: 90,
		Topic: topic.Name + ", week " + fmt.Sprint(n), Status: status}
	f.create(&s)
	f.Tag(s, topic)
	if n%3 == 0 {
		f.Tag(s, topics[(n+2)%len(topics)])
	}
	for _, title := range []string{"Check-in", "Deep dive: " + topic.Name, "Actions and next steps"} {
		f.Agenda(s, title, status == model.SessionHeld)
	}
	day := at.Format("2006-01-02")
	for i, m := range members {
		if status != model.SessionHeld || m.JoinedOn > day || (m.LeftOn != "" && m.LeftOn < day) {
			continue
		}
		f.Mark(s, y.People[i], yearMark(n, i))
	}
	a, b, c := y.People[n%15], y.People[(n+4)%15], y.People[(n+9)%15]
	switch {
	case status == model.SessionHeld && n%11 == 0: // only private notes
	case status == model.SessionHeld:
		shared := f.Note(s, model.Shared, yearNotes(n, topic.Name, a.Name, b.Name, c.Name))
		secret := mark("REVISION", n)
		f.Revision(shared, "An earlier draft that said "+secret)
		y.Secrets = append(y.Secrets, secret)
	default:
		unheld := fmt.Sprintf("UNHELD-c%d-%d", y.Circle.ID, n)
		f.Note(s, model.Shared, "Prep for a session that did not happen: "+unheld+"\n")
		y.Unheld = append(y.Unheld, unheld)
	}
	secret := mark("PRIVATE", n)
	private := f.Note(s, model.Private, fmt.Sprintf("%s seemed tired; talk 1:1 about workload. %s\n", first(a.Name), secret))
	y.Secrets = append(y.Secrets, secret)
	pinSecret := mark("PIN", n)
	f.Pin(b, &s, model.Private, "Private pin: "+pinSecret)
	f.Pin(c, &s, model.Shared, "Shared pin about "+first(c.Name))
	y.Secrets = append(y.Secrets, pinSecret)
	f.yearActions(y, s, n, day, a, b, private, mark)
	return s
}

func (f Fixture) yearActions(y *Year, s model.Session, n int, day string, a, b model.Person, private model.Note, mark func(string, int) string) {
	f.t.Helper()
	if s.Status != model.SessionHeld {
		return
	}
	d, _ := time.Parse("2006-01-02", day)
	due := d.AddDate(0, 0, 14).Format("2006-01-02")
	status, doneAt := model.ActionOpen, ""
	if due < "2026-10-01" {
		status, doneAt = model.ActionDone, model.UTC(d.AddDate(0, 0, 10))
	}
	f.create(&model.ActionItem{CircleID: y.Circle.ID, SessionID: &s.ID, OwnerID: &a.ID, DueOn: due, Status: status, DoneAt: doneAt,
		Text: fmt.Sprintf("Ask %s for feedback on the %s draft", first(b.Name), strings.ToLower(s.Topic)), Source: model.SourceManual})
	switch {
	case n%5 == 0:
		f.create(&model.ActionItem{CircleID: y.Circle.ID, SessionID: &s.ID, Text: "Everyone: read the chapter before next week",
			Status: model.ActionOpen, Source: model.SourceManual})
	case n == 2:
		f.create(&model.ActionItem{CircleID: y.Circle.ID, SessionID: &s.ID, OwnerID: &b.ID, Text: `=HYPERLINK("http://evil.example","click") tidy the sheet`,
			Status: model.ActionOpen, Source: model.SourceManual})
	case n == 7:
		secret := mark("ACTION", n)
		f.create(&model.ActionItem{CircleID: y.Circle.ID, SessionID: &s.ID, OwnerID: &a.ID, Text: "From the private note: " + secret,
			Status: model.ActionOpen, Source: model.SourceNotes, NoteID: &private.ID})
		y.Secrets = append(y.Secrets, secret)
	}
}

// yearMark is a member's deterministic mark at a session: mostly present,
// sometimes late, excused or absent; member 9 drifts away after the summer.
func yearMark(n, i int) string {
	if i == 9 && n > 30 {
		return model.Absent
	}
	switch h := (n*31 + i*17) % 20; {
	case h < 14:
		return model.Present
	case h < 16:
		return model.Late
	case h < 17:
		return model.Excused
	}
	return model.Absent
}

func first(name string) string { return strings.Fields(name)[0] }

func last(name string) string {
	w := strings.Fields(name)
	return w[len(w)-1]
}

// yearNotes is about a page (3,000+ characters) of shared Markdown notes,
// naming members by first name, full name, surname and @mention. Sessions 3
// to 5 carry hostile Markdown: raw HTML and scripts, external images, a
// javascript: link, an unclosed comment and an unclosed code fence.
func yearNotes(n int, topic, a, b, c string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "## Check-in\n\n%s opened with a round of wins from the week. %s shared how the quarterly planning went, "+
		"and %s asked how others keep a stakeholder map current. We agreed to keep check-ins to two minutes each.\n\n", first(a), b, last(c))
	fmt.Fprintf(&sb, "## Deep dive: %s\n\n", topic)
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&sb, "- %s\n", yearPoints[(n+i)%len(yearPoints)])
	}
	fmt.Fprintf(&sb, "\n%s described a situation where the team shipped the right thing too late, and we unpacked what a smaller first "+
		"step could have looked like. %s suggested writing the decision down before the meeting, not after it, so that the "+
		"discussion starts from a shared page. The group liked framing trade-offs as *what we give up*, not only what we gain.\n\n",
		first(b), first(c))
	for i := 0; i < 4; i++ {
		sb.WriteString(yearParagraphs[(n+i)%len(yearParagraphs)])
		sb.WriteString("\n\n")
	}
	fmt.Fprintf(&sb, "> \"Progress over polish\" — %s\n\n", first(a))
	fmt.Fprintf(&sb, "## Actions\n\n- [ ] @%s send the one-page summary to the group\n- [x] @%s book the room for next time\n\n", first(a), first(b))
	switch n {
	case 3:
		sb.WriteString("# A top-level heading inside the notes\n\n<script>alert('x')</script>\n\n" +
			"<img src=\"https://tracker.example/pixel.png\" onerror=\"alert(1)\">\n\n" +
			"![tracking pixel](https://tracker.example/p.png) [a useful guide](https://example.org/guide) " +
			"[bad link](javascript:alert(1)) <a href=\"https://example.org/raw\" onclick=\"alert(2)\">raw link</a>\n")
	case 4:
		sb.WriteString("Some code we looked at:\n\n```go\nfunc main() {\n\t// the fence is never closed\n")
	case 5:
		sb.WriteString("<!-- a comment that is never closed\n\nSetext heading\n===\n")
	}
	return sb.String()
}

var yearPoints = []string{
	"Start from the customer problem, then the metric, then the solution.",
	"Say no to good ideas so there is room for great ones; write down why.",
	"A roadmap is a set of bets with dates attached, not a promise.",
	"Share drafts early: a 30% draft gets better feedback than a 90% one.",
	"When priorities clash, name the decision owner before debating options.",
	"Use a pre-mortem for launches that cannot slip.",
	"Measure outcomes a quarter later, not outputs at launch.",
	"Make feedback specific: situation, behaviour, impact.",
	"Protect one afternoon a week for deep work; defend it like a meeting.",
}

var yearParagraphs = []string{
	"We spent a while on how to disagree productively. The pattern that worked best for several people was to restate the other " +
		"person's position until they agree with the restatement, and only then argue. It slows the conversation at first and " +
		"speeds it up overall, because nobody argues against a position that was never held.",
	"A recurring theme was saying no. Most of the group find it hard to turn down requests from senior stakeholders; the " +
		"suggestion was to answer with the trade-off instead of a no: \"we can do this, and it moves the onboarding work to Q3 — " +
		"is that the order you want?\" The decision then sits with the person who has the context to make it.",
	"On data-driven decisions: dashboards are a starting point for questions, not an answer. Two people shared cases where a " +
		"metric moved for reasons unrelated to the feature, and the team only found out after a month of celebrating. A habit " +
		"of writing the expected effect before launch makes that much harder to miss.",
	"Career growth came up in the context of promotions. The advice from the mentors: collect evidence as you go, in a " +
		"running document, with links to the artefacts; ask your manager which two or three gaps matter most, and work on those " +
		"in the open so the progress is visible.",
	"We closed the discussion by comparing meeting rituals. Short written updates before a meeting freed up the meeting " +
		"itself for the decisions that need a conversation. A few people will try it with their teams and report back.",
}
