package today_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/today"

	"gorm.io/gorm"
)

// The benchmark program: issue 11's Today figure, 1,000 circles and 20,000
// people, 20 members a circle, 13 sessions each (9 held, fortnightly, then
// planned), attendance at every held session (about one in six absent), 5
// action items and 5 goals a circle. Built through the models (hooks and
// triggers fire); never ANALYZEd.
const (
	benchCircles = 1_000
	benchPeople  = 20_000
	benchHeld    = 9
	benchPlanned = 4
)

func buildBench(b *testing.B, db *gorm.DB, now time.Time) {
	b.Helper()
	err := db.Transaction(func(tx *gorm.DB) error {
		people := make([]model.Person, benchPeople)
		for i := range people {
			people[i] = model.Person{Name: fmt.Sprintf("Person %05d", i)}
		}
		if err := tx.CreateInBatches(people, 500).Error; err != nil {
			return err
		}
		zones := []string{"Europe/London", "America/Los_Angeles", "Pacific/Auckland", "Asia/Singapore", ""}
		per := benchPeople / benchCircles
		for c := 0; c < benchCircles; c++ {
			circle := model.Circle{Name: fmt.Sprintf("Circle %04d", c), Kind: model.KindGroup, Cadence: model.CadenceBiweekly,
				MeetingDay: -1, Status: model.CircleActive, TimeZone: zones[c%len(zones)], StartDate: "2026-01-05"}
			if err := tx.Create(&circle).Error; err != nil {
				return err
			}
			members := people[c*per : (c+1)*per]
			var ms []model.Membership
			for _, p := range members {
				ms = append(ms, model.Membership{CircleID: circle.ID, PersonID: p.ID, Role: model.RoleMentee, JoinedOn: "2026-01-05"})
			}
			var ss []model.Session
			for k := 0; k < benchHeld+benchPlanned; k++ {
				status := model.SessionHeld
				if k >= benchHeld {
					status = model.SessionPlanned
				}
				start := now.AddDate(0, 0, 14*(k-benchHeld)+c%14).Format("2006-01-02") + "T18:00"
				ss = append(ss, model.Session{CircleID: circle.ID, Number: k + 1, StartsAt: start, DurationMinutes: 60, Status: status})
			}
			if err := tx.Create(&ms).Error; err != nil {
				return err
			}
			if err := tx.Create(&ss).Error; err != nil {
				return err
			}
			var marks []model.Attendance
			for k, s := range ss[:benchHeld] {
				for i, p := range members {
					status := model.Present
					if (i*31+k*17+c*7)%11 < 2 {
						status = model.Absent
					}
					marks = append(marks, model.Attendance{SessionID: s.ID, PersonID: p.ID, Status: status})
				}
			}
			if err := tx.CreateInBatches(marks, 500).Error; err != nil {
				return err
			}
			for i := 0; i < 5; i++ {
				due := now.AddDate(0, 0, i*7-14).Format("2006-01-02")
				a := model.ActionItem{CircleID: circle.ID, OwnerID: &members[i].ID, Text: "follow up", DueOn: due,
					Status: model.ActionOpen, Source: model.SourceManual}
				g := model.Goal{PersonID: members[i].ID, CircleID: &circle.ID, Title: "grow", Status: model.GoalActive,
					ProgressMode: model.ProgressManual, Visibility: "shared"}
				if i == 0 {
					g.Status = model.GoalAtRisk
				}
				if err := tx.Create(&a).Error; err != nil {
					return err
				}
				if err := tx.Create(&g).Error; err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkGet measures Today.Get against a baseline in the same run: one
// indexed read of the first circle (what any screen's open costs), and
// reports p95 and the statements one Get runs.
func BenchmarkGet(b *testing.B) {
	st := testdb.Open(b)
	now := time.Date(2026, time.November, 25, 9, 0, 0, 0, time.UTC)
	buildBench(b, st.DB, now)
	svc := today.New(st.DB, func() time.Time { return now })
	statements := 0
	_ = st.DB.Callback().Raw().Before("*").Register("count_raw", func(*gorm.DB) { statements++ })
	_ = st.DB.Callback().Query().Before("*").Register("count_query", func(*gorm.DB) { statements++ })
	_ = st.DB.Callback().Row().Before("*").Register("count_row", func(*gorm.DB) { statements++ })
	b.Run("baseline", func(b *testing.B) {
		for b.Loop() {
			var id []uint
			if err := st.DB.Table("circles").Order("id").Limit(1).Pluck("id", &id).Error; err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("get", func(b *testing.B) {
		var times []time.Duration
		var v today.View
		statements = 0
		for b.Loop() {
			start := time.Now()
			var err error
			if v, err = svc.Get(); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
		b.ReportMetric(float64(statements)/float64(len(times)), "statements/op")
		b.ReportMetric(float64(len(v.Attention)), "items")
	})
}
