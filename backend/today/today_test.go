package today_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/today"
)

// at is a clock fixed at t.
func at(t time.Time) func() time.Time { return func() time.Time { return t } }

// day is testdb.Today shifted by days, as a wall time at hh:mm.
func day(days int, hhmm string) string {
	return testdb.Today.AddDate(0, 0, days).Format("2006-01-02") + "T" + hhmm
}

// find returns the item with key, or fails.
func find(t *testing.T, v today.View, key string) (today.Item, bool) {
	t.Helper()
	for _, it := range v.Attention {
		if it.Key == key {
			return it, true
		}
	}
	return today.Item{}, false
}

func get(t *testing.T, svc *today.Today) today.View {
	t.Helper()
	v, err := svc.Get()
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	return v
}

// circleWithHeld makes a circle with a planned next session and held
// sessions at the given day offsets (oldest first), and a member.
func circleWithHeld(f testdb.Fixture, name string, offsets ...int) (model.Circle, model.Person, []model.Session) {
	c := f.Circle(name, func(c *model.Circle) { c.TimeZone = "UTC" })
	p := f.Person("Ana Muñoz")
	f.Member(c, p, model.RoleMentee)
	var ss []model.Session
	for _, o := range offsets {
		ss = append(ss, f.Session(c, day(o, "18:00"), model.SessionHeld))
	}
	f.Session(c, day(7, "18:00"), model.SessionPlanned)
	return c, p, ss
}

func TestDriftingMissedTwoOfThree(t *testing.T) {
	cases := []struct {
		name  string
		marks []string // for the sessions at -42, -28, -14, oldest first
		want  bool
	}{
		{"two of the last three", []string{model.Present, model.Absent, model.Absent}, true},
		{"one of the last three", []string{model.Present, model.Present, model.Absent}, false},
		{"excused is not a miss", []string{model.Present, model.Excused, model.Absent}, false},
		{"older misses do not count", []string{model.Absent, model.Present, model.Present}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, f := testdb.New(t)
			c, p, ss := circleWithHeld(f, "Product Craft Circle", -56, -42, -28, -14)
			f.Mark(ss[0], p, model.Absent)
			for i, m := range tc.marks {
				f.Mark(ss[i+1], p, m)
			}
			v := get(t, today.New(st.DB, at(testdb.Today)))
			it, ok := find(t, v, keyOf(p, c))
			if ok != tc.want {
				t.Fatalf("drifting = %v, want %v: %+v", ok, tc.want, v.Attention)
			}
			if ok && (!strings.HasPrefix(it.Reason, "Missed 2 of the last 3 sessions (28 Oct, 11 Nov)") || it.Title != "Ana Muñoz in Product Craft Circle" || it.Route == "") {
				t.Errorf("item = %+v", it)
			}
		})
	}
}

func keyOf(p model.Person, c model.Circle) string {
	return "drifting:p" + itoa(p.ID) + ":c" + itoa(c.ID)
}

func itoa(n uint) string { return strconv.FormatUint(uint64(n), 10) }

func TestArchivedCircleIsNotListed(t *testing.T) {
	st, f := testdb.New(t)
	c, p, ss := circleWithHeld(f, "Old Circle", -40, -30)
	f.Mark(ss[0], p, model.Absent)
	f.Mark(ss[1], p, model.Absent)
	if err := f.DB.Model(&c).Update("status", model.CircleArchived).Error; err != nil {
		t.Fatal(err)
	}
	v := get(t, today.New(st.DB, at(testdb.Today)))
	if len(v.Attention) != 0 || v.Count != 0 {
		t.Fatalf("archived circle listed: %+v", v.Attention)
	}
}

func TestAbsentFortyTwoDays(t *testing.T) {
	st, f := testdb.New(t)
	c, p, ss := circleWithHeld(f, "Quiet Member Circle", -60, -40, -10)
	f.Mark(ss[0], p, model.Present)
	f.Mark(ss[1], p, model.Excused)
	f.Mark(ss[2], p, model.Absent)
	svc := today.New(st.DB, at(testdb.Today))
	it, ok := find(t, get(t, svc), keyOf(p, c))
	if !ok || !strings.HasPrefix(it.Reason, "No attendance in 42 days") {
		t.Fatalf("not drifting by absence: %+v", it)
	}
	// Present 41 days ago: inside the window, so not drifting.
	f.Mark(f.Session(c, day(-41, "18:00"), model.SessionHeld), p, model.Present)
	if _, ok := find(t, get(t, svc), keyOf(p, c)); ok {
		t.Fatal("present 41 days ago, still drifting")
	}
}

func TestQuietCircleBoundary(t *testing.T) {
	for _, tc := range []struct {
		held int
		want bool
	}{{-21, false}, {-22, true}} {
		st, f := testdb.New(t)
		c, _, _ := circleWithHeld(f, "Pair", tc.held)
		_, ok := find(t, get(t, today.New(st.DB, at(testdb.Today))), "quiet:c"+itoa(c.ID))
		if ok != tc.want {
			t.Errorf("held %d days ago: quiet = %v, want %v", -tc.held, ok, tc.want)
		}
	}
}

func TestNoNextSession(t *testing.T) {
	st, f := testdb.New(t)
	c := f.Circle("No Plans", func(c *model.Circle) { c.TimeZone = "UTC" })
	f.Session(c, day(-3, "10:00"), model.SessionHeld)
	// planned earlier today and passed: not a next session
	f.Session(c, day(0, "07:00"), model.SessionPlanned)
	v := get(t, today.New(st.DB, at(testdb.Today)))
	if _, ok := find(t, v, "no-next:c"+itoa(c.ID)); !ok {
		t.Fatalf("no-next missing: %+v", v.Attention)
	}
	if v.Next != nil {
		t.Fatalf("next = %+v, want none (the 07:00 session has passed)", v.Next)
	}
	if len(v.Today) != 1 {
		t.Fatalf("today = %+v", v.Today)
	}
}

func TestActionsOverdueAndOld(t *testing.T) {
	st, f := testdb.New(t)
	c, _, _ := circleWithHeld(f, "Actions", -7)
	due := f.Action(c, "send deck", func(a *model.ActionItem) { a.DueOn = day(-1, "")[:10] })
	notYet := f.Action(c, "due today", func(a *model.ActionItem) { a.DueOn = day(0, "")[:10] })
	old := f.Action(c, "old one", func(a *model.ActionItem) { a.CreatedAt = testdb.Today.AddDate(0, 0, -22) })
	exactly := f.Action(c, "exactly 21", func(a *model.ActionItem) { a.CreatedAt = testdb.Today.AddDate(0, 0, -21) })
	v := get(t, today.New(st.DB, at(testdb.Today)))
	for key, want := range map[string]bool{"overdue:a" + itoa(due.ID): true, "overdue:a" + itoa(notYet.ID): false,
		"stale-action:a" + itoa(old.ID): true, "stale-action:a" + itoa(exactly.ID): false} {
		if _, ok := find(t, v, key); ok != want {
			t.Errorf("%s listed = %v, want %v", key, ok, want)
		}
	}
	if it, _ := find(t, v, "overdue:a"+itoa(due.ID)); it.Reason != "Due 24 Nov, 1 day overdue" {
		t.Errorf("reason = %q", it.Reason)
	}
}

func TestSnoozeAndDismiss(t *testing.T) {
	st, f := testdb.New(t)
	c, p, ss := circleWithHeld(f, "Snoozy", -42, -28, -14)
	f.Mark(ss[1], p, model.Absent)
	f.Mark(ss[2], p, model.Absent)
	key := keyOf(p, c)
	clock := testdb.Today
	svc := today.New(st.DB, func() time.Time { return clock })
	if err := svc.Snooze(key, 3); err != nil {
		t.Fatal(err)
	}
	if _, ok := find(t, get(t, svc), key); ok {
		t.Fatal("snoozed item listed")
	}
	clock = testdb.Today.Add(72*time.Hour - time.Minute)
	if _, ok := find(t, get(t, svc), key); ok {
		t.Fatal("listed a minute before its snooze ends")
	}
	clock = testdb.Today.Add(72 * time.Hour)
	if _, ok := find(t, get(t, svc), key); !ok {
		t.Fatal("not listed when its snooze ended")
	}
	if err := svc.Dismiss(key); err != nil {
		t.Fatal(err)
	}
	if v := get(t, svc); len(v.Attention) != 0 || v.Count != 0 {
		t.Fatalf("dismissed item listed: %+v", v.Attention)
	}
	// A new miss changes the reason: the item comes back.
	f.Mark(f.Session(c, day(1, "18:00"), model.SessionHeld), p, model.Absent)
	if _, ok := find(t, get(t, svc), key); !ok {
		t.Fatal("dismissed item did not come back after a new miss")
	}
	if err := svc.Snooze(key, 5); err == nil {
		t.Error("snooze for 5 days accepted")
	}
	if err := svc.Restore(key); err != nil {
		t.Fatal(err)
	}
}

func TestSettingsSaved(t *testing.T) {
	st, f := testdb.New(t)
	svc := today.New(st.DB, at(testdb.Today))
	f.Circle("One")
	if got := get(t, svc).Settings; got != today.Defaults {
		t.Fatalf("settings = %+v", got)
	}
	s := today.Defaults
	s.QuietDays = 30
	if _, err := svc.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	if got := get(t, svc).Settings; got.QuietDays != 30 {
		t.Fatalf("settings = %+v", got)
	}
	bad := s
	bad.OpenDays, bad.DriftMissed = 0, 9
	_, err := svc.SaveSettings(bad)
	testdb.WantFields(t, err, "driftMissed", "openDays")
}

// Two circles around midnight: 09:00 UTC on 25 Nov is 22:00 on 25 Nov in
// Auckland and 01:00 on 25 Nov in Los Angeles.
func TestZonesAroundMidnight(t *testing.T) {
	st, f := testdb.New(t)
	nz := f.Circle("Auckland", func(c *model.Circle) { c.TimeZone = "Pacific/Auckland" })
	la := f.Circle("Los Angeles", func(c *model.Circle) { c.TimeZone = "America/Los_Angeles" })
	nzPassed := f.Session(nz, "2026-11-25T21:00", model.SessionPlanned) // began at 21:00, before 22:00 there: passed
	nzTomorrow := f.Session(nz, "2026-11-26T06:00", model.SessionPlanned)
	laToday := f.Session(la, "2026-11-25T03:00", model.SessionPlanned) // 11:00 UTC, later today in LA
	v := get(t, today.New(st.DB, at(testdb.Today)))
	if v.Next == nil || v.Next.ID != laToday.ID {
		t.Fatalf("next = %+v, want LA's session at 03:00", v.Next)
	}
	if v.Next.StartsAt != "2026-11-25T03:00:00-08:00" {
		t.Errorf("startsAt = %s", v.Next.StartsAt)
	}
	ids := map[uint]string{}
	for _, s := range v.Today {
		ids[s.ID] = "today"
	}
	for _, s := range v.Week {
		ids[s.ID] = "week"
	}
	if ids[nzPassed.ID] != "today" || ids[laToday.ID] != "today" || ids[nzTomorrow.ID] != "week" {
		t.Errorf("placed = %v", ids)
	}
	// At 12:00 UTC (01:00 on 26 Nov in Auckland) the 06:00 session is today's and next.
	v = get(t, today.New(st.DB, at(testdb.Today.Add(3*time.Hour))))
	if v.Next == nil || v.Next.ID != nzTomorrow.ID || len(v.Today) != 2 {
		t.Fatalf("at 12:00 UTC: next %+v today %+v", v.Next, v.Today)
	}
}

func TestEmpty(t *testing.T) {
	st, _ := testdb.New(t)
	if v := get(t, today.New(st.DB, at(testdb.Today))); !v.Empty || v.Attention == nil {
		t.Fatalf("view = %+v", v)
	}
}
