package sessions_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

// TestMarkAttendanceStatements counts the statements one click on the
// attendance grid runs (besides BEGIN and COMMIT): on a PostgreSQL program
// database each is a round trip, and a click must answer within 10 ms at
// program scale. It answers with the page as Get reads it afterwards, though
// it reads the session only once, before it writes. The circle has 12 members and 30 sessions with marks,
// agenda items, notes, topics and open action items, so every part of the
// page the call answers with has rows.
func TestMarkAttendanceStatements(t *testing.T) {
	for _, c := range []struct {
		name   string
		status string // of the session marked
		mark   string
		want   int
	}{
		{"a held session", model.SessionHeld, model.Late, 7},
		{"a held session, clearing a mark", model.SessionHeld, "", 7},
		{"a planned session today, which it makes held", model.SessionPlanned, model.Present, 8},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, f := testdb.New(t)
			svc := sessions.New(st.DB, testdb.Now)
			people, target := busySessions(t, f, c.status)
			rec, err := plantest.Attach(st.DB)
			if err != nil {
				t.Fatal(err)
			}
			page, err := svc.MarkAttendance(target.ID, people[3].ID, c.mark)
			if err != nil {
				t.Fatal(err)
			}
			stmts := rec.Take()
			if len(stmts) > c.want {
				t.Errorf("MarkAttendance ran %d statements, want at most %d:\n%s", len(stmts), c.want, list(stmts))
			}
			if got, _ := statusOf(page, people[3].ID); got != c.mark || page.Session.Status != model.SessionHeld {
				t.Errorf("page: mark %q, session %s; want %q, held", got, page.Session.Status, c.mark)
			}
			if len(page.Roster) != 12 || len(page.Agenda) != 2 || page.Previous == nil || page.Next == nil || page.Notes.Shared.ID == 0 ||
				len(page.Topics) != 1 || len(page.Actions) != 1 || len(page.FollowUp) != 3 || len(page.CarriedOver) != 1 {
				t.Errorf("page: %d roster, %d agenda, previous %v, next %v, shared note %d, %d topics, %d actions, %d follow-up, %d carried over",
					len(page.Roster), len(page.Agenda), page.Previous, page.Next, page.Notes.Shared.ID, len(page.Topics), len(page.Actions), len(page.FollowUp), len(page.CarriedOver))
			}
			again, err := svc.Get(target.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := asJSON(t, page), asJSON(t, again); got != want {
				t.Errorf("MarkAttendance answered\n%s\nGet reads\n%s", got, want)
			}
		})
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// busySessions adds a circle of 12 with 30 sessions, one a fortnight, the
// first 22 held, everyone marked, each with two agenda items (one ticked),
// a note, a topic and an action item; and one more session today with
// status, the one a test marks.
func busySessions(t *testing.T, f testdb.Fixture, status string) ([]model.Person, model.Session) {
	t.Helper()
	c := f.Circle("Busy")
	var people []model.Person
	for i := range 12 {
		p := f.Person(fmt.Sprintf("Person %02d", 12-i))
		f.Member(c, p, []string{model.RoleLeader, model.RoleMentor, model.RoleMentee}[min(i, 2)])
		people = append(people, p)
	}
	topic := f.Topic("Topic A")
	first := testdb.Today.AddDate(0, 0, -14*22)
	var target model.Session
	for i := range 31 {
		at := first.AddDate(0, 0, 14*i)
		st := model.SessionHeld
		switch {
		case i == 22:
			at, st = testdb.Today.Add(-2*60*60*1e9), status
		case i > 22:
			st = model.SessionPlanned
		}
		s := f.Session(c, at.Format("2006-01-02T15:04"), st)
		f.DB.Model(&s).Update("number", i+1)
		f.Agenda(s, "Check-in", true)
		f.Agenda(s, "Open questions", false)
		f.Tag(s, topic)
		f.Note(s, model.Shared, "We met.")
		if i == 22 {
			target = s
		}
		if i >= 20 && i <= 22 {
			f.Action(c, fmt.Sprintf("From %d", i+1), func(a *model.ActionItem) { a.SessionID = &s.ID })
		}
		if st != model.SessionHeld || i == 22 {
			continue
		}
		for j, p := range people {
			f.Mark(s, p, []string{model.Present, model.Late, model.Excused, model.Absent}[(i+j)%4])
		}
	}
	f.Action(c, "No session")
	return people, target
}

func list(stmts []plantest.Statement) string {
	lines := make([]string, len(stmts))
	for i, s := range stmts {
		lines[i] = "  " + s.String()
	}
	return strings.Join(lines, "\n")
}
