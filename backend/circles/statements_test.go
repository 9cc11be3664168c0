package circles_test

import (
	"fmt"
	"strings"
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// maxPageStatements is the most statements the circle page may run
// (besides BEGIN and COMMIT): on a PostgreSQL program database each is a
// round trip, and the page must answer within 10 ms at program scale.
const maxPageStatements = 6

// TestGetStatements counts the statements Get runs on a circle as a
// leader's looks after months: 12 members, 30 sessions (held, cancelled and
// ahead) with their marks, open and done action items, topics. The count
// must not grow with any of them.
func TestGetStatements(t *testing.T) {
	st, f := testdb.New(t)
	svc := circles.New(st.DB, testdb.Now)
	c := busyCircle(t, f, 12, 30)
	rec, err := plantest.Attach(st.DB)
	if err != nil {
		t.Fatal(err)
	}
	page, err := svc.Get(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	stmts := rec.Take()
	if len(stmts) > maxPageStatements {
		t.Errorf("Get ran %d statements, want at most %d:\n%s", len(stmts), maxPageStatements, list(stmts))
	}
	// The fixture shows in every part of the page, so no part was skipped.
	if len(page.Members) != 12 || len(page.Grid) != 12 || len(page.Sessions) != 20 || len(page.Actions) != 5 ||
		len(page.SessionNumbers) != 3 || len(page.Topics) != 4 || page.Last == nil || page.Attendance.Present == 0 {
		t.Errorf("page: %d members, %d grid rows, %d sessions, %d actions, %d session numbers, %d topics, last %v, present %d",
			len(page.Members), len(page.Grid), len(page.Sessions), len(page.Actions), len(page.SessionNumbers), len(page.Topics), page.Last, page.Attendance.Present)
	}
}

// busyCircle adds a circle of members people with sessions sessions, one a
// fortnight ending eight ahead of today: the past ones held (every fifth
// cancelled) with everyone marked, and action items, topics and notes.
func busyCircle(t *testing.T, f testdb.Fixture, members, sessions int) model.Circle {
	t.Helper()
	c := f.Circle("Busy")
	roles := []string{model.RoleLeader, model.RoleCoLeader, model.RoleMentor, model.RoleMentor, model.RoleMentee}
	var people []model.Person
	for i := range members {
		p := f.Person(fmt.Sprintf("Person %02d", members-i))
		f.Member(c, p, roles[min(i, len(roles)-1)])
		people = append(people, p)
	}
	var topics []model.Topic
	for _, name := range []string{"Topic A", "Topic B", "Topic C", "Topic D"} {
		topics = append(topics, f.Topic(name))
	}
	first := testdb.Today.AddDate(0, 0, -14*(sessions-8))
	statuses := []string{model.Present, model.Present, model.Late, model.Excused, model.Absent}
	var held []model.Session
	for i := range sessions {
		at := first.AddDate(0, 0, 14*i)
		status := model.SessionPlanned
		if at.Before(testdb.Today) {
			status = model.SessionHeld
			if i%5 == 4 {
				status = model.SessionCancelled
			}
		}
		s := f.Session(c, at.Format("2006-01-02T15:04"), status)
		f.DB.Model(&s).Update("number", i+1)
		if status != model.SessionHeld {
			continue
		}
		held = append(held, s)
		for j, p := range people {
			f.Mark(s, p, statuses[(i+j)%len(statuses)])
		}
		f.Tag(s, topics[i%len(topics)])
		f.Note(s, model.Shared, "We met.")
	}
	for i := range 5 {
		var from *uint
		if i < 3 {
			from = &held[len(held)-1-i].ID
		}
		f.Action(c, fmt.Sprintf("Open %d", i), func(a *model.ActionItem) {
			a.SessionID, a.OwnerID, a.DueOn = from, &people[i].ID, testdb.Today.AddDate(0, 0, i).Format("2006-01-02")
		})
	}
	for i := range 2 {
		f.Action(c, fmt.Sprintf("Done %d", i), func(a *model.ActionItem) { a.Status = model.ActionDone })
	}
	return c
}

func list(stmts []plantest.Statement) string {
	lines := make([]string, len(stmts))
	for i, s := range stmts {
		lines[i] = "  " + s.String()
	}
	return strings.Join(lines, "\n")
}

// TestListStatements counts the statements the circles list runs for a
// page of current circles: the count, the page's ids, the time zones of
// its circles (each circle's next session is the first not yet begun in
// its own zone, so Go reads each zone's wall clock), its rows; whether
// there is any circle at all follows from a page that has some, so it is
// not counted again. A search that finds nothing still says there are
// circles.
func TestListStatements(t *testing.T) {
	st, f := testdb.New(t)
	svc := circles.New(st.DB, testdb.Now)
	busyCircle(t, f, 5, 12)
	f.Circle("Quiet")
	rec, err := plantest.Attach(st.DB)
	if err != nil {
		t.Fatal(err)
	}
	page, err := svc.List(circles.ListRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if stmts := rec.Take(); len(stmts) > 4 {
		t.Errorf("List ran %d statements, want at most 4:\n%s", len(stmts), list(stmts))
	}
	if len(page.Circles) != 2 || !page.Any {
		t.Errorf("List gave %d circles, any %v; want 2, true", len(page.Circles), page.Any)
	}
	none, err := svc.List(circles.ListRequest{Query: "nothing like it"})
	if err != nil {
		t.Fatal(err)
	}
	if len(none.Circles) != 0 || !none.Any {
		t.Errorf("a search that finds nothing gave %d circles, any %v; want 0, true", len(none.Circles), none.Any)
	}
}
