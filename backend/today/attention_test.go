package today

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// TestGetReadsEnoughRows checks that a Get, whose rules read only
// rowsFor rows each, lists the same items in the same order as reading
// every rule's ruleRows, and that its count is exact up to MaxItems and
// past MaxItems otherwise: with more drifting members than a Get reads,
// many of the first ones dismissed or snoozed, and overdue items ahead.
func TestGetReadsEnoughRows(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			st, f := testdb.New(t)
			r := rand.New(rand.NewPCG(seed, 12))
			zones := []string{"UTC", "Pacific/Auckland", "America/Los_Angeles", ""}
			for c := range 30 {
				circle := f.Circle(fmt.Sprint("Circle ", c), func(x *model.Circle) { x.TimeZone = zones[c%len(zones)] })
				var held []model.Session
				for k := range 3 {
					held = append(held, f.Session(circle, testdb.Today.AddDate(0, 0, -14*(3-k)-c%5).Format("2006-01-02")+"T18:00", model.SessionHeld))
				}
				f.Session(circle, testdb.Today.AddDate(0, 0, 3).Format("2006-01-02")+"T18:00", model.SessionPlanned)
				for m := range 20 {
					p := f.Person(fmt.Sprintf("Member %d-%d", c, m))
					f.Member(circle, p, model.RoleMentee)
					for _, s := range held {
						status := model.Present
						if r.IntN(2) == 0 {
							status = model.Absent
						}
						f.Mark(s, p, status)
					}
				}
				for range r.IntN(4) {
					f.Action(circle, "follow up", func(a *model.ActionItem) {
						a.DueOn = testdb.Today.AddDate(0, 0, -3-r.IntN(30)).Format("2006-01-02")
					})
				}
			}
			svc := New(st.DB, testdb.Now)
			var all []Item
			err := st.DB.Transaction(func(tx *gorm.DB) error {
				var err error
				all, err = collect(tx, testdb.Today, Defaults, ruleRows)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			hidden := 0
			for i, it := range all {
				if it.Kind == "drifting" && i%3 != 2 && hidden < 60 || it.Kind == "overdue" && i%2 == 0 {
					if i%4 == 0 {
						err = svc.Snooze(it.Key, 7)
					} else {
						err = svc.Dismiss(it.Key)
					}
					if err != nil {
						t.Fatal(err)
					}
					hidden++
				}
			}
			marks, err := loadMarks(st.DB)
			if err != nil {
				t.Fatal(err)
			}
			want := visible(all, marks, testdb.Today)
			if len(want) <= MaxItems || rowsFor(marks) >= ruleRows {
				t.Fatalf("the data should have more than %d items left after %d hidden, and a Get read fewer rows than %d: %d items, %d rows",
					MaxItems, hidden, ruleRows, len(want), rowsFor(marks))
			}
			v, err := svc.Get()
			if err != nil {
				t.Fatal(err)
			}
			keys := func(items []Item) []string {
				var out []string
				for _, it := range items {
					out = append(out, it.Key)
				}
				return out
			}
			if got, want := keys(v.Attention), keys(want[:MaxItems]); !slices.Equal(got, want) {
				t.Fatalf("Get listed\n%v\nreading every row lists\n%v", got, want)
			}
			if v.Count <= MaxItems {
				t.Fatalf("count %d, want past %d (there are %d)", v.Count, MaxItems, len(want))
			}
		})
	}
}
