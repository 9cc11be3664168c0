package sessions_test

import (
	"slices"
	"sync"
	"testing"

	"circlebook/backend/attendance"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

// twoPrograms opens one database twice and returns the sessions service of
// each program with a fixture builder over the first.
func twoPrograms(t *testing.T) ([2]*sessions.Sessions, testdb.Fixture) {
	t.Helper()
	a, b := testdb.Twice(t)
	return [2]*sessions.Sessions{sessions.New(a.DB, testdb.Now), sessions.New(b.DB, testdb.Now)}, testdb.With(t, a.DB)
}

// both runs work(0) and work(1) at once and waits for both.
func both(work func(w int)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for w := range 2 {
		wg.Go(func() {
			<-start
			work(w)
		})
	}
	close(start)
	wg.Wait()
}

// Two programs adding sessions to one circle at once (one at a time, a
// series, an unplanned one started now) give every session its own number:
// the circle's numbers run 1, 2, ... with no gap and none twice.
func TestTwoWritersNumberSessions(t *testing.T) {
	svcs, f := twoPrograms(t)
	c := f.Circle("Leaders")
	const each = 20
	var mu sync.Mutex
	made := 0
	both(func(w int) {
		for i := range each {
			var n int
			var err error
			switch i % 3 {
			case 0:
				_, err = svcs[w].Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-12-01T17:00"})
				n = 1
			case 1:
				var ss []model.Session
				ss, err = svcs[w].ScheduleSeries(c.ID, sessions.SeriesInput{FirstStartsAt: "2026-12-02T17:00", Count: 2})
				n = len(ss)
			default:
				_, err = svcs[w].StartNow(c.ID)
				n = 1
			}
			if err != nil {
				t.Errorf("writer %d, call %d: %v", w, i, err)
				continue
			}
			mu.Lock()
			made += n
			mu.Unlock()
		}
	})
	var numbers []int
	if err := f.DB.Model(&model.Session{}).Where("circle_id = ?", c.ID).Order("number").Pluck("number", &numbers).Error; err != nil {
		t.Fatal(err)
	}
	want := make([]int, made)
	for i := range want {
		want[i] = i + 1
	}
	if !slices.Equal(numbers, want) {
		t.Errorf("the circle's session numbers are %v; want 1 to %d, each once", numbers, made)
	}
}

// Two programs at one live session: one marks who came while the other
// marks too, clears a mark and ends the session (which makes it held, so
// its marks start to count). However their transactions interleave, the
// circle's kept tallies (the triggers' circle_tallies) equal a recount of
// the marks.
func TestTwoWritersMarkWhileTheSessionEnds(t *testing.T) {
	svcs, f := twoPrograms(t)
	c := f.Circle("Leaders")
	var people []model.Person
	for _, name := range []string{"Ana", "Ben", "Chloé", "Dev", "Emeka", "Fatima"} {
		p := f.Person(name)
		f.Member(c, p, model.RoleMentee)
		people = append(people, p)
	}
	statuses := []string{model.Present, model.Late, model.Absent, model.Excused}
	for round := range 30 {
		ses := f.Session(c, "2026-11-25T08:00", model.SessionPlanned)
		if err := f.DB.Model(&ses).Update("started_at", "2026-11-25T08:00:00Z").Error; err != nil {
			t.Fatal(err)
		}
		both(func(w int) {
			call := func(what string, err error) {
				if err != nil {
					t.Errorf("round %d, writer %d, %s: %v", round, w, what, err)
				}
			}
			if w == 0 {
				for i, p := range people {
					_, err := svcs[w].MarkAttendance(ses.ID, p.ID, statuses[(i+round)%len(statuses)])
					call("mark", err)
				}
				return
			}
			for i, p := range slices.Backward(people) {
				if i == len(people)/2 {
					_, err := svcs[w].End(ses.ID)
					call("end", err)
				}
				_, err := svcs[w].MarkAttendance(ses.ID, p.ID, statuses[(i+round+1)%len(statuses)])
				call("mark", err)
			}
			_, err := svcs[w].MarkAttendance(ses.ID, people[round%len(people)].ID, "")
			call("clear", err)
		})
		kept, counted := keptAndCounted(t, f, c)
		if kept != counted {
			t.Fatalf("round %d: circle_tallies keeps %+v; the marks count %+v", round, kept, counted)
		}
	}
}

// keptAndCounted returns the circle's kept counts and a recount of its marks.
func keptAndCounted(t *testing.T, f testdb.Fixture, c model.Circle) (kept, counted attendance.Tally) {
	t.Helper()
	if err := f.DB.Table("circle_tallies").Select("present, late, excused, absent").Where("circle_id = ?", c.ID).Scan(&kept).Error; err != nil {
		t.Fatal(err)
	}
	by, err := attendance.ByCircle(f.DB, []uint{c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if by[c.ID] != nil {
		counted = *by[c.ID]
	}
	kept.Rate, counted.Rate = nil, nil
	return kept, counted
}
