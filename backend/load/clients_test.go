package load_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"circlebook/backend/demo"
	"circlebook/backend/internal/pgtest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/services"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// calls are the kinds of call a client makes, in its loop's order.
var calls = []string{"circles.Get", "sessions.Get", "sessions.MarkAttendance", "notes.Save"}

// client is one leader's app: its own store and services, the session it
// works on, and what the database acknowledged it wrote last.
type client struct {
	st      *store.Store
	svc     *services.Services
	circle  uint
	session uint
	members []uint
	body    string          // the note's text as last acknowledged
	marks   map[uint]string // each member's mark as last acknowledged
	times   map[string][]time.Duration
}

// program is a PostgreSQL database with the sample program (backend/demo)
// in it, and the held sessions the clients work on, one each.
type program struct {
	dsn      string
	sessions []model.Session
}

func newProgram(t testing.TB) program {
	t.Helper()
	dsn := pgtest.NewDatabase(t, testdb.PostgresServer(t))
	st, err := store.OpenPostgres(dsn, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	p := program{dsn: dsn}
	err = st.DB.Where("status = ?", model.SessionHeld).Order("id").Find(&p.sessions).Error
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// connect opens client i's store on the program and gives it the i-th
// held session (sessions of one circle go to neighbouring clients, so
// they write the same circle's tallies at once).
func (p program) connect(t testing.TB, i int) *client {
	t.Helper()
	if i >= len(p.sessions) {
		t.Fatalf("the sample has %d held sessions, not %d", len(p.sessions), i+1)
	}
	st, err := store.OpenPostgres(p.dsn, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := p.sessions[i]
	c := &client{st: st, svc: services.New(st.DB, testdb.Now, t.TempDir()), circle: s.CircleID, session: s.ID,
		marks: map[uint]string{}, times: map[string][]time.Duration{}}
	err = st.DB.Model(&model.Membership{}).Where("circle_id = ?", s.CircleID).Order("person_id").Pluck("person_id", &c.members).Error
	if err != nil || len(c.members) == 0 {
		t.Fatalf("members of circle %d: %v (%d)", s.CircleID, err, len(c.members))
	}
	return c
}

// step makes the loop's n-th call and records its time; a write that
// returns no error is what the client now expects the database to hold.
func (c *client) step(id, n int) error {
	kind := calls[n%len(calls)]
	start := time.Now()
	var err error
	switch kind {
	case "circles.Get":
		_, err = c.svc.Circles.Get(c.circle)
	case "sessions.Get":
		_, err = c.svc.Sessions.Get(c.session)
	case "sessions.MarkAttendance":
		person := c.members[(n/len(calls))%len(c.members)]
		status := []string{model.Present, model.Late, model.Absent, model.Excused}[(n/len(calls))%4]
		if _, err = c.svc.Sessions.MarkAttendance(c.session, person, status); err == nil {
			c.marks[person] = status
		}
	case "notes.Save":
		body := fmt.Sprintf("%sclient %d, save %d\n", c.body, id, n)
		if len(body) > 4000 {
			body = body[len(body)-2000:]
		}
		if _, err = c.svc.Notes.Save(c.session, model.Shared, body); err == nil {
			c.body = body
		}
	}
	c.times[kind] = append(c.times[kind], time.Since(start))
	if err != nil {
		return fmt.Errorf("client %d, %s: %w", id, kind, err)
	}
	return nil
}

// run has the clients call in their loops for d, each waiting pace between
// calls, and returns the first error any of them met.
func run(clients []*client, d, pace time.Duration) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	deadline := time.Now().Add(d)
	for id, c := range clients {
		wg.Go(func() {
			for n := 0; time.Now().Before(deadline); n++ {
				if err := c.step(id, n); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					return
				}
				time.Sleep(pace)
			}
		})
	}
	wg.Wait()
	return first
}

// check fails t unless the database holds every client's last acknowledged
// note and marks, and each circle's kept tallies equal a recount.
func check(t testing.TB, clients []*client) {
	t.Helper()
	db := clients[0].st.DB
	for id, c := range clients {
		var body string
		err := db.Model(&model.Note{}).Where("session_id = ? AND visibility = ?", c.session, model.Shared).Pluck("body", &body).Error
		if err != nil || body != c.body {
			t.Errorf("client %d: note holds %q (%v), want its last saved text %q", id, tail(body), err, tail(c.body))
		}
		for person, want := range c.marks {
			var got string
			err := db.Model(&model.Attendance{}).Where("session_id = ? AND person_id = ?", c.session, person).Pluck("status", &got).Error
			if err != nil || got != want {
				t.Errorf("client %d: person %d is marked %q (%v), want %q", id, person, got, err, want)
			}
		}
	}
	wantTalliesRecount(t, db)
}

// wantTalliesRecount fails t unless circle_tallies equals a recount of the
// marks of held sessions.
func wantTalliesRecount(t testing.TB, db *gorm.DB) {
	t.Helper()
	type tally struct {
		CircleID                       uint
		Present, Late, Excused, Absent int
	}
	var kept, recount []tally
	if err := db.Raw(`SELECT circle_id, present, late, excused, absent FROM circle_tallies
		WHERE present + late + excused + absent > 0 ORDER BY circle_id`).Scan(&kept).Error; err != nil {
		t.Fatal(err)
	}
	err := db.Raw(`SELECT s.circle_id,
		  SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END) AS present,
		  SUM(CASE WHEN a.status = 'late' THEN 1 ELSE 0 END) AS late,
		  SUM(CASE WHEN a.status = 'excused' THEN 1 ELSE 0 END) AS excused,
		  SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END) AS absent
		FROM attendance a JOIN sessions s ON s.id = a.session_id
		WHERE s.status = 'held' GROUP BY s.circle_id ORDER BY s.circle_id`).Scan(&recount).Error
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(kept, recount) {
		t.Errorf("circle_tallies = %+v, a recount gives %+v", kept, recount)
	}
}

func tail(s string) string {
	if i := strings.LastIndex(strings.TrimSuffix(s, "\n"), "\n"); i >= 0 {
		return "…" + s[i+1:]
	}
	return s
}

// clientCount is how many leaders work on the program database at once.
const clientCount = 10

// TestTenClientsLoseNothing has ten clients work on one PostgreSQL database
// at once for a few seconds: no call fails and no acknowledged write is
// missing afterwards.
func TestTenClientsLoseNothing(t *testing.T) {
	p := newProgram(t)
	clients := make([]*client, clientCount)
	for i := range clients {
		clients[i] = p.connect(t, i)
	}
	if err := run(clients, 3*time.Second, 5*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	check(t, clients)
	for _, kind := range calls {
		n := 0
		for _, c := range clients {
			n += len(c.times[kind])
		}
		if n < clientCount {
			t.Errorf("%s was called %d times in all; the clients hardly ran", kind, n)
		}
	}
}
