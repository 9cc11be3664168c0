package plans_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"circlebook/backend/actions"
	"circlebook/backend/circles"
	"circlebook/backend/export"
	"circlebook/backend/internal/plantest"
	"circlebook/backend/model"
	"circlebook/backend/people"
	"circlebook/backend/plans"
	progv "circlebook/backend/program"
	"circlebook/backend/sessions"
)

// call is one service call a screen makes, returning what the page receives.
type call struct {
	name string
	run  func(w *world) (any, error)
}

// screens lists each screen's calls, in the order a leader makes them.
var screens = []struct {
	screen string
	calls  []call
}{
	{"circles list", []call{
		{"circles.List first page", func(w *world) (any, error) { return w.svc.Circles.List(circles.ListRequest{}) }},
		{"circles.List next page", func(w *world) (any, error) {
			first, err := w.svc.Circles.List(circles.ListRequest{})
			if err != nil {
				return nil, err
			}
			return w.svc.Circles.List(circles.ListRequest{After: first.Next})
		}},
		{"circles.List last page", func(w *world) (any, error) {
			first, err := w.svc.Circles.List(circles.ListRequest{})
			if err != nil {
				return nil, err
			}
			return w.svc.Circles.List(circles.ListRequest{Offset: max(0, first.Total-50)})
		}},
		{"circles.List archived too", func(w *world) (any, error) {
			return w.svc.Circles.List(circles.ListRequest{IncludeArchived: true, Limit: 100})
		}},
		{"circles.List filtered", func(w *world) (any, error) { return w.svc.Circles.List(circles.ListRequest{Query: "product"}) }},
		{"circles.List filtered, next page", func(w *world) (any, error) {
			first, err := w.svc.Circles.List(circles.ListRequest{Query: "c", Limit: 10})
			if err != nil || first.Next == "" {
				return first, err
			}
			return w.svc.Circles.List(circles.ListRequest{Query: "c", Limit: 10, After: first.Next})
		}},
	}},
	{"sidebar", []call{
		{"circles.Sidebar", func(w *world) (any, error) { return w.svc.Circles.Sidebar([]uint{w.circle, w.other, 3, 2, 1}) }},
		{"circles.SetPinned", func(w *world) (any, error) { return w.svc.Circles.SetPinned(w.circle, true) }},
		{"circles.Sidebar pinned", func(w *world) (any, error) { return w.svc.Circles.Sidebar(nil) }},
	}},
	{"people list", []call{
		{"people.List first page", func(w *world) (any, error) { return w.svc.People.List(people.ListRequest{}) }},
		{"people.List next page", func(w *world) (any, error) {
			first, err := w.svc.People.List(people.ListRequest{})
			if err != nil {
				return nil, err
			}
			return w.svc.People.List(people.ListRequest{After: first.Next})
		}},
		{"people.List last page", func(w *world) (any, error) {
			first, err := w.svc.People.List(people.ListRequest{})
			if err != nil {
				return nil, err
			}
			return w.svc.People.List(people.ListRequest{Offset: max(0, first.Total-50)})
		}},
	}},
	{"people search", []call{
		{"people.List 'ana'", func(w *world) (any, error) { return w.svc.People.List(people.ListRequest{Query: "ana"}) }},
		{"people.List 'garcía m'", func(w *world) (any, error) { return w.svc.People.List(people.ListRequest{Query: "garcía m"}) }},
		{"people.List 'a', next page", func(w *world) (any, error) {
			first, err := w.svc.People.List(people.ListRequest{Query: "a"})
			if err != nil || first.Next == "" {
				return first, err
			}
			return w.svc.People.List(people.ListRequest{Query: "a", After: first.Next})
		}},
		{"people.List picker", func(w *world) (any, error) { return w.svc.People.List(people.ListRequest{Query: "mar", Limit: 8}) }},
		{"people.Similar", func(w *world) (any, error) { return w.svc.People.Similar("María García", "maria.garcia@example.org") }},
	}},
	{"today", []call{
		{"today.Get", func(w *world) (any, error) { return w.svc.Today.Get() }},
	}},
	{"program view", []call{
		{"program.List first page", func(w *world) (any, error) { return w.svc.Program.List(progv.Request{}) }},
		{"program.List next page", func(w *world) (any, error) {
			first, err := w.svc.Program.List(progv.Request{})
			if err != nil {
				return nil, err
			}
			return w.svc.Program.List(progv.Request{After: first.Next})
		}},
		{"program.List far", func(w *world) (any, error) { return w.svc.Program.List(progv.Request{Offset: 1000}) }},
		{"program.List pairs", func(w *world) (any, error) { return w.svc.Program.List(progv.Request{Kind: model.KindPair}) }},
		{"program.List a cohort", func(w *world) (any, error) { return w.svc.Program.List(progv.Request{Cohort: "2026 spring"}) }},
		{"program.Cohorts", func(w *world) (any, error) { return w.svc.Program.Cohorts() }},
		{"pairing.Cohorts", func(w *world) (any, error) { return w.svc.Pairing.Cohorts() }},
	}},
	{"circle page", []call{
		{"circles.Get", func(w *world) (any, error) { return w.svc.Circles.Get(w.circle) }},
		{"circles.Sessions earlier", func(w *world) (any, error) {
			first, err := w.svc.Circles.Sessions(w.circle, "", 1)
			if err != nil || first.Earlier == "" {
				return first, err
			}
			return w.svc.Circles.Sessions(w.circle, first.Earlier, 0)
		}},
		{"sessions.Schedule", func(w *world) (any, error) {
			return w.svc.Sessions.Schedule(w.circle, sessions.SessionInput{StartsAt: "2027-01-12T17:00", Agenda: []string{"Check-in", "Goals"}})
		}},
		{"sessions.ScheduleSeries", func(w *world) (any, error) {
			return w.svc.Sessions.ScheduleSeries(w.circle, sessions.SeriesInput{FirstStartsAt: "2027-02-02T17:00", Count: 3})
		}},
		{"circles.Delete", func(w *world) (any, error) { return nil, w.svc.Circles.Delete(w.other) }},
	}},
	{"person page", []call{
		{"people.Get", func(w *world) (any, error) { return w.svc.People.Get(w.person) }},
		{"people.Get mentee", func(w *world) (any, error) { return w.svc.People.Get(w.member) }},
		{"notes.Unpin", func(w *world) (any, error) { return nil, w.svc.Notes.Unpin(w.pin) }},
		{"people.Delete", func(w *world) (any, error) { return nil, w.svc.People.Delete(w.stranger) }},
	}},
	{"session page", []call{
		{"sessions.Get", func(w *world) (any, error) { return w.svc.Sessions.Get(w.held) }},
		{"sessions.Update", func(w *world) (any, error) {
			p, err := w.svc.Sessions.Get(w.held)
			if err != nil {
				return nil, err
			}
			s := p.Session
			return w.svc.Sessions.Update(w.held, sessions.SessionInput{StartsAt: s.StartsAt, DurationMinutes: s.DurationMinutes, Topic: s.Topic + " (edited)", Status: s.Status})
		}},
		{"sessions.Delete", func(w *world) (any, error) { return nil, w.svc.Sessions.Delete(w.doomed) }},
	}},
	{"live screen", []call{
		{"sessions.Start", func(w *world) (any, error) { return w.svc.Sessions.Start(w.today) }},
		{"sessions.Get", func(w *world) (any, error) { return w.svc.Sessions.Get(w.today) }},
		{"sessions.AddAgendaItem", func(w *world) (any, error) {
			return w.svc.Sessions.AddAgendaItem(w.today, sessions.AgendaInput{Title: "Wrap-up", Minutes: 5})
		}},
		{"sessions.UpdateAgendaItem", func(w *world) (any, error) {
			return w.svc.Sessions.UpdateAgendaItem(w.agendum, sessions.AgendaInput{Title: "Check-in", Minutes: 10, Done: true})
		}},
		{"sessions.MoveAgendaItem", func(w *world) (any, error) { return w.svc.Sessions.MoveAgendaItem(w.agendum, 2) }},
		{"sessions.DeleteAgendaItem", func(w *world) (any, error) { return w.svc.Sessions.DeleteAgendaItem(w.agendum) }},
		{"sessions.StartNow", func(w *world) (any, error) { return w.svc.Sessions.StartNow(w.circle) }},
		{"notes.Pin", func(w *world) (any, error) {
			return w.svc.Notes.Pin(w.member, w.today, "Wants a stretch project", model.Private)
		}},
		{"actions.Create", func(w *world) (any, error) {
			return w.svc.Actions.Create(w.circle, actions.Input{Text: "Book the room", OwnerID: w.member, DueOn: "2026-12-09", SessionID: w.today})
		}},
	}},
	{"mark attendance", []call{
		{"sessions.MarkAttendance", func(w *world) (any, error) {
			return w.svc.Sessions.MarkAttendance(w.held, w.member, model.Late)
		}},
		{"sessions.MarkAttendance clear", func(w *world) (any, error) { return w.svc.Sessions.MarkAttendance(w.held, w.member, "") }},
		{"sessions.MarkEveryone", func(w *world) (any, error) { return w.svc.Sessions.MarkEveryone(w.today, model.Present) }},
	}},
	{"note save", []call{
		{"notes.Save shared", func(w *world) (any, error) {
			return w.svc.Notes.Save(w.today, model.Shared, "## Today\n\n- [ ] @Ana send the brief due:friday\n- [ ] follow up")
		}},
		{"notes.Save private", func(w *world) (any, error) { return w.svc.Notes.Save(w.today, model.Private, "Tired today.") }},
		{"notes.Save held", func(w *world) (any, error) {
			return w.svc.Notes.Save(w.held, model.Shared, "Rewritten.\n\n- [x] @Ana send the summary due:2026-12-09\n")
		}},
		{"notes.Finish", func(w *world) (any, error) { return w.svc.Notes.Finish(w.today) }},
		{"notes.Revisions", func(w *world) (any, error) { return w.svc.Notes.Revisions(w.note) }},
		{"notes.Restore", func(w *world) (any, error) {
			revs, err := w.svc.Notes.Revisions(w.note)
			if err != nil || len(revs) == 0 {
				return nil, err
			}
			return w.svc.Notes.Restore(w.note, revs[len(revs)-1].ID)
		}},
	}},
	{"end session", []call{
		{"sessions.End", func(w *world) (any, error) { return w.svc.Sessions.End(w.today) }},
	}},
	{"topics", []call{
		{"topics.List", func(w *world) (any, error) { return w.svc.Topics.List() }},
		{"sessions.SetTopics", func(w *world) (any, error) { return w.svc.Sessions.SetTopics(w.held, w.topics) }},
	}},
	{"actions", []call{
		{"actions.List open", func(w *world) (any, error) { return w.svc.Actions.List(w.circle, "open") }},
		{"actions.List all", func(w *world) (any, error) { return w.svc.Actions.List(w.circle, "all") }},
		{"actions.SetDone", func(w *world) (any, error) { return w.svc.Actions.SetDone(w.action, true) }},
		{"actions.Update", func(w *world) (any, error) {
			return w.svc.Actions.Update(w.action, actions.Input{Text: "Send the brief", OwnerID: w.member, SessionID: w.held})
		}},
		{"actions.Delete", func(w *world) (any, error) { return nil, w.svc.Actions.Delete(w.action) }},
	}},
	{"export preview", []call{
		{"exports.Preview", func(w *world) (any, error) {
			return w.svc.Exports.Preview(w.circle, export.Request{Format: "md", Period: export.AllTime})
		}},
		{"exports.Summary anonymized", func(w *world) (any, error) {
			return w.svc.Exports.Summary(w.circle, export.Options{Anonymize: true})
		}},
	}},
}

// TestScreenPlans runs every screen's calls on a generated program and
// checks the plan of every statement they run, and the size of each reply.
func TestScreenPlans(t *testing.T) {
	w := open(t)
	for _, sc := range screens {
		t.Run(strings.ReplaceAll(sc.screen, " ", "_"), func(t *testing.T) {
			for _, c := range sc.calls {
				w.rec.Take()
				reply, err := c.run(w)
				if err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				checkPlans(t, w, c.name, w.rec.Take())
				checkSize(t, c.name, reply)
			}
		})
	}
}

// checkPlans fails for each statement whose plan reads a large table whole
// or sorts an unbounded set. A call that ran no SQL fails too: it would
// mean the recorder saw nothing.
func checkPlans(t *testing.T, w *world, name string, stmts []plantest.Statement) {
	t.Helper()
	if len(stmts) == 0 {
		t.Errorf("%s: no SQL recorded", name)
	}
	seen := map[string]bool{}
	for _, s := range stmts {
		if seen[s.SQL] {
			continue
		}
		seen[s.SQL] = true
		plan, err := plantest.Explain(w.st.DB, s)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if os.Getenv("PLANS_SHOW") != "" {
			t.Logf("%s: %s\n%s", name, s, plantest.Format(plan))
		}
		for _, p := range plantest.Problems(s, plan) {
			t.Errorf("%s: %s\n\tin %s", name, p, s)
		}
	}
}

// checkSize fails when a reply's JSON passes plans.MaxReply.
func checkSize(t *testing.T, name string, reply any) {
	t.Helper()
	b, err := json.Marshal(reply)
	if err != nil {
		t.Fatalf("%s: reply does not marshal: %v", name, err)
	}
	if testing.Verbose() {
		t.Logf("%s: %d bytes", name, len(b))
	}
	if len(b) > plans.MaxReply {
		t.Errorf("%s: reply is %d bytes of JSON, over %d", name, len(b), plans.MaxReply)
	}
}
