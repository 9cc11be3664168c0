package growth_test

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"circlebook/backend/circles"
	"circlebook/backend/growth"
	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// history is five years of one circle of 20 (issue 10's figures): 60 held
// sessions, all marked; its subject with 20 goals, 200 check-ins, 30
// milestones and 40 finished action items; 3 goals with 5 check-ins for
// each other member; a framework of 10 skills rated before and after by all.
type history struct {
	db      *gorm.DB
	circle  uint
	subject uint
}

func fiveYears(b testing.TB) history {
	b.Helper()
	st, f := testdb.New(b)
	c := f.Circle("Five years")
	var people []model.Person
	for i := range 20 {
		p := f.Person(fmt.Sprintf("Member %02d", i))
		f.Member(c, p, model.RoleMentee)
		people = append(people, p)
	}
	topics := []model.Topic{f.Topic("Design"), f.Topic("Data"), f.Topic("Career")}
	var sessions []model.Session
	for i := range 60 {
		s := model.Session{CircleID: c.ID, Number: i + 1, StartsAt: time.Date(2021, 12, 7, 17, 0, 0, 0, time.UTC).AddDate(0, i, 0).Format("2006-01-02T15:04"),
			DurationMinutes: 60, Status: model.SessionHeld}
		f.DB.Create(&s)
		sessions = append(sessions, s)
		var marks []model.Attendance
		for j, p := range people {
			marks = append(marks, model.Attendance{SessionID: s.ID, PersonID: p.ID, Status: []string{model.Present, model.Late, model.Present, model.Absent}[(i+j)%4]})
		}
		must(b, f.DB.Create(&marks).Error)
		f.Tag(s, topics[i%3])
		must(b, f.DB.Create(&model.SessionFeedback{SessionID: s.ID, Usefulness: 1 + i%5}).Error)
	}
	for j, p := range people {
		n, per := 3, 5
		if j == 0 {
			n, per = 20, 10
		}
		for g := range n {
			goal := model.Goal{PersonID: p.ID, CircleID: &c.ID, Title: fmt.Sprintf("Goal %d", g), Status: model.GoalStatuses[g%5],
				ProgressMode: model.ProgressManual, Visibility: model.Shared}
			must(b, f.DB.Create(&goal).Error)
			var ks []model.GoalCheckIn
			for k := range per {
				s := sessions[(g*3+k*6)%60]
				ks = append(ks, model.GoalCheckIn{GoalID: goal.ID, SessionID: &s.ID, Progress: k * 10, Status: goal.Status, CheckedOn: s.StartsAt[:10]})
			}
			must(b, f.DB.Create(&ks).Error)
		}
	}
	subject := people[0]
	for i := range 30 {
		must(b, f.DB.Create(&model.Milestone{PersonID: subject.ID, Kind: model.MilestoneKinds[i%6], HappenedOn: sessions[i*2].StartsAt[:10], Text: "m", Visibility: model.Shared}).Error)
	}
	for i := range 40 {
		f.Action(c, fmt.Sprintf("Action %d", i), func(a *model.ActionItem) {
			a.OwnerID, a.Status, a.DoneAt = &subject.ID, model.ActionDone, sessions[i].StartsAt+":00Z"
		})
	}
	fw, err := growth.NewFrameworks(st.DB, testdb.Now).Create(growth.FrameworkInput{Name: "Skills",
		Items: []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}})
	must(b, err)
	_, err = growth.NewFrameworks(st.DB, testdb.Now).Use(c.ID, fw.ID)
	must(b, err)
	var ratings []model.SkillRating
	for _, p := range people {
		for k, item := range fw.Items {
			for _, phase := range []string{model.PhaseBefore, model.PhaseAfter} {
				ratings = append(ratings, model.SkillRating{PersonID: p.ID, CircleID: c.ID, FrameworkItemID: item.ID, Rating: 1 + k%5, Phase: phase, RatedOn: "2026-01-01"})
			}
		}
	}
	must(b, f.DB.Create(&ratings).Error)
	return history{db: st.DB, circle: c.ID, subject: subject.ID}
}

func must(b testing.TB, err error) {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkGrowth times a person's growth story and a circle's Growth view
// on five years of history; each iteration also calls circles.Get on the
// same circle, timed apart, and the ratio of the means is x-circle-get
// (cpu-x-circle-get for the thread's CPU time).
func BenchmarkGrowth(b *testing.B) {
	h := fiveYears(b)
	story, page := growth.NewStory(h.db, testdb.Now), circles.New(h.db, testdb.Now)
	baseline := func() error { _, err := page.Get(h.circle); return err }
	for _, c := range []struct {
		name string
		call func() error
	}{
		{"story.Person", func() error { s, err := story.Person(h.subject); return check(s.CheckIns, 100, err) }},
		{"story.Circle", func() error { g, err := story.Circle(h.circle); return check(g.Goals.Goals, 77, err) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var wall, cpu, baseWall, baseCPU time.Duration
			times := make([]time.Duration, 0, b.N)
			for range b.N {
				d, dc := measure(b, c.call)
				wall, cpu, times = wall+d, cpu+dc, append(times, d)
				bd, bc := measure(b, baseline)
				baseWall, baseCPU = baseWall+bd, baseCPU+bc
			}
			slices.Sort(times)
			n := float64(b.N)
			b.ReportMetric(float64(wall)/n/1e6, "call-ms")
			b.ReportMetric(float64(times[len(times)*95/100])/1e6, "p95-ms")
			b.ReportMetric(float64(cpu)/n/1e3, "cpu-us/op")
			b.ReportMetric(float64(baseWall)/n/1e6, "circle-get-ms")
			b.ReportMetric(float64(wall)/float64(baseWall), "x-circle-get")
			b.ReportMetric(float64(cpu)/float64(baseCPU), "cpu-x-circle-get")
		})
	}
}

func check[T any](list []T, want int, err error) error {
	if err == nil && len(list) != want {
		err = fmt.Errorf("listed %d, want %d", len(list), want)
	}
	return err
}

// measure times one call, by the wall clock and by the thread's CPU.
func measure(b *testing.B, f func() error) (time.Duration, time.Duration) {
	start, cpu := time.Now(), plantest.ThreadCPU()
	if err := f(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start), plantest.ThreadCPU() - cpu
}
