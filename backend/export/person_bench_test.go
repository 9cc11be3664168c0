package export_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"circlebook/backend/export"
	"circlebook/backend/goals"
	"circlebook/backend/growth"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// fiveYears is issue 10's five years of one circle of 20, as
// backend/growth's benchmark shapes it, written through the services: 60
// monthly held sessions, all marked; its subject (present at every one)
// with 20 goals checked in on at 10 sessions each (200 check-ins), 30
// milestones and 40 finished action items; 3 goals with 5 check-ins for
// each other member; a framework of 10 skills the circle uses, rated before
// and after by every member.
type fiveYears struct {
	db              *gorm.DB
	circle, subject uint
}

func newFiveYears(b testing.TB) fiveYears {
	b.Helper()
	st, f := testdb.New(b)
	db := st.DB
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
		s := f.Session(c, time.Date(2021, 12, 7, 17, 0, 0, 0, time.UTC).AddDate(0, i, 0).Format("2006-01-02T15:04"), model.SessionHeld)
		for j, p := range people {
			f.Mark(s, p, fiveYearsMark(i, j))
		}
		f.Tag(s, topics[i%3])
		sessions = append(sessions, s)
	}
	svc := goals.New(db, testdb.Now)
	for j, p := range people {
		n, per := 3, 5
		if j == 0 {
			n, per = 20, 10
		}
		for g := range n {
			in := goals.GoalInput{PersonID: p.ID, CircleID: &c.ID, Title: fmt.Sprintf("Goal %d of %s", g, p.Name),
				Why: "Because it matters to the work.", SuccessCriteria: "Done and seen to be done.",
				ProgressMode: model.ProgressManual, Visibility: model.Shared}
			v, err := svc.Create(in)
			must(b, err)
			for k := range per {
				i := (g*3 + k*6) % 60
				for !cameTo(fiveYearsMark(i, j)) {
					i++
				}
				s := sessions[i]
				_, err := svc.CheckIn(s.ID, v.Goal.ID, goals.CheckInInput{Progress: k * 10, Status: model.GoalStatuses[1+g%4],
					Note: fmt.Sprintf("Check-in %d: steady progress, next step agreed.", k)})
				must(b, err)
			}
		}
	}
	subject := people[0]
	ms := growth.NewMilestones(db, testdb.Now)
	for i := range 30 {
		_, err := ms.Add(growth.MilestoneInput{PersonID: subject.ID, Kind: model.MilestoneKinds[i%6], HappenedOn: sessions[i*2].StartsAt[:10],
			Text: fmt.Sprintf("Milestone %d", i), Visibility: model.Shared})
		must(b, err)
	}
	for i := range 40 {
		f.Action(c, fmt.Sprintf("Action %d", i), func(a *model.ActionItem) {
			a.OwnerID, a.Status, a.DoneAt = &subject.ID, model.ActionDone, sessions[i].StartsAt+":00Z"
		})
	}
	fws := growth.NewFrameworks(db, testdb.Now)
	fw, err := fws.Create(growth.FrameworkInput{Name: "Skills", Items: []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}})
	must(b, err)
	_, err = fws.Use(c.ID, fw.ID)
	must(b, err)
	skills := growth.NewSkills(db, testdb.Now)
	for _, p := range people {
		for k, item := range fw.Items {
			for _, phase := range []string{model.PhaseBefore, model.PhaseAfter} {
				_, err := skills.Rate(growth.RatingInput{PersonID: p.ID, CircleID: c.ID, FrameworkItemID: item.ID, Rating: 1 + k%5,
					Phase: phase, RatedOn: "2026-01-01"})
				must(b, err)
			}
		}
	}
	return fiveYears{db: db, circle: c.ID, subject: subject.ID}
}

// fiveYearsMark is member j's mark at session i: the subject (0) comes to
// every one; the others miss one in four.
func fiveYearsMark(i, j int) string {
	if j == 0 {
		return model.Present
	}
	return []string{model.Present, model.Late, model.Present, model.Absent}[(i+j)%4]
}

func cameTo(mark string) bool { return mark == model.Present || mark == model.Late }

func must(b testing.TB, err error) {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkPersonPDF times the growth report PDF of the subject of five
// years of history (issue 10: under 300 ms), read and rendered as the
// person's page asks for it. Each iteration also renders the circle's
// summary PDF on the same data, timed apart (the timer stopped, so ns/op is
// the report's alone): summary-ms is its mean, x-summary-pdf the ratio of
// the report's mean to it.
func BenchmarkPersonPDF(b *testing.B) {
	h := newFiveYears(b)
	svc := export.New(h.db, testdb.Now)
	report := func() (int, error) {
		f, err := svc.PersonFile(h.subject, export.PersonRequest{Format: "pdf"})
		return len(f.Data), err
	}
	summary := func() (int, error) {
		f, err := svc.File(h.circle, export.Request{Format: "pdf", Period: export.AllTime})
		return len(f.Data), err
	}
	r, err := svc.GrowthReport(h.subject, "", "")
	must(b, err)
	checkIns := 0
	for _, g := range r.Goals {
		checkIns += len(g.CheckIns)
	}
	if len(r.Goals) != 20 || checkIns != 200 || len(r.Milestones) != 30 || len(r.Skills) != 10 {
		b.Fatalf("the report holds %d goals, %d check-ins, %d milestones, %d skills; want 20, 200, 30, 10",
			len(r.Goals), checkIns, len(r.Milestones), len(r.Skills))
	}
	runtime.GC()
	var mine, base time.Duration
	size, baseSize := 0, 0
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		n, err := report()
		mine += time.Since(start)
		b.StopTimer()
		must(b, err)
		start = time.Now()
		m, err := summary()
		base += time.Since(start)
		must(b, err)
		size, baseSize = n, m
		b.StartTimer()
	}
	n := float64(b.N)
	b.ReportMetric(float64(mine)/n/1e6, "report-ms")
	b.ReportMetric(float64(base)/n/1e6, "summary-ms")
	b.ReportMetric(float64(mine)/float64(base), "x-summary-pdf")
	b.ReportMetric(float64(size)/1024, "report-KiB")
	b.ReportMetric(float64(baseSize)/1024, "summary-KiB")
}
