package circles_test

import (
	"encoding/json"
	"strings"
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/model"
)

// listed returns the first page of the list (at most 100 circles).
func listed(t *testing.T, svc *circles.Circles, includeArchived bool) []circles.Summary {
	t.Helper()
	page, err := svc.List(circles.ListRequest{IncludeArchived: includeArchived, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	return page.Circles
}

func byName(t *testing.T, list []circles.Summary) map[string]circles.Summary {
	t.Helper()
	out := map[string]circles.Summary{}
	for _, s := range list {
		out[s.Name] = s
	}
	return out
}

func TestListOrderAndArchived(t *testing.T) {
	svc, f := setup(t)
	f.Circle("gamma")
	f.Circle("Alpha")
	f.Circle("beta")
	f.Circle("Archived one", func(c *model.Circle) { c.Status = model.CircleArchived })

	tests := []struct {
		includeArchived bool
		want            []string
	}{
		{false, []string{"Alpha", "beta", "gamma"}},
		{true, []string{"Alpha", "Archived one", "beta", "gamma"}},
	}
	for _, tt := range tests {
		list := listed(t, svc, tt.includeArchived)
		var got []string
		for _, s := range list {
			got = append(got, s.Name)
		}
		if len(got) != len(tt.want) {
			t.Errorf("List(%v) = %v, want %v", tt.includeArchived, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("List(%v) = %v, want %v", tt.includeArchived, got, tt.want)
				break
			}
		}
	}
}

func TestListMemberCounts(t *testing.T) {
	svc, f := setup(t)
	big, small, empty := f.Circle("Big"), f.Circle("Small"), f.Circle("Empty")
	for _, name := range []string{"Ana", "Kwame", "Aiko"} {
		f.Member(big, f.Person(name), model.RoleMentee)
	}
	f.Member(big, f.Person("Gone"), model.RoleMentee, func(m *model.Membership) { m.LeftOn = "2026-10-01" })
	f.Member(small, f.Person("Priya"), model.RoleMentor)

	list := listed(t, svc, false)
	got := byName(t, list)
	for name, want := range map[string]int{big.Name: 3, small.Name: 1, empty.Name: 0} {
		if got[name].MemberCount != want {
			t.Errorf("%s: MemberCount %d, want %d (members who left do not count)", name, got[name].MemberCount, want)
		}
	}
}

func TestListNextSession(t *testing.T) {
	svc, f := setup(t) // today is 2026-11-25
	c := f.Circle("With sessions")
	f.Session(c, "2026-11-24T18:00", model.SessionPlanned)   // yesterday, never held
	f.Session(c, "2026-11-25T07:00", model.SessionHeld)      // today, already held
	f.Session(c, "2026-11-25T08:00", model.SessionCancelled) // today, cancelled
	want := f.Session(c, "2026-11-25T18:00", model.SessionPlanned)
	f.Session(c, "2026-12-09T18:00", model.SessionPlanned)
	none := f.Circle("Only past sessions")
	f.Session(none, "2026-11-01T10:00", model.SessionPlanned)
	other := f.Circle("Other circle")
	otherNext := f.Session(other, "2026-11-30T10:00", model.SessionPlanned)

	list := listed(t, svc, false)
	got := byName(t, list)
	if n := got[c.Name].NextSession; n == nil || n.ID != want.ID {
		t.Errorf("%s: NextSession %+v, want session %d at %s", c.Name, n, want.ID, want.StartsAt)
	}
	if n := got[none.Name].NextSession; n != nil {
		t.Errorf("%s: NextSession %+v, want none", none.Name, n)
	}
	if n := got[other.Name].NextSession; n == nil || n.ID != otherNext.ID {
		t.Errorf("%s: NextSession %+v, want session %d", other.Name, n, otherNext.ID)
	}
}

func TestListAttendanceRate(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Counted")
	ana, kwame, aiko, lars := f.Person("Ana"), f.Person("Kwame"), f.Person("Aiko"), f.Person("Lars")
	held1 := f.Session(c, "2026-10-01T17:00", model.SessionHeld)
	f.Mark(held1, ana, model.Present)
	f.Mark(held1, kwame, model.Late)
	f.Mark(held1, aiko, model.Absent)
	f.Mark(held1, lars, model.Excused)
	held2 := f.Session(c, "2026-10-15T17:00", model.SessionHeld)
	f.Mark(held2, ana, model.Absent)
	planned := f.Session(c, "2026-12-01T17:00", model.SessionPlanned)
	f.Mark(planned, ana, model.Present) // marked ahead: does not count
	cancelled := f.Session(c, "2026-10-29T17:00", model.SessionCancelled)
	f.Mark(cancelled, kwame, model.Absent) // never happened: does not count
	quiet := f.Circle("No marks")
	f.Session(quiet, "2026-10-01T17:00", model.SessionHeld)

	list := listed(t, svc, false)
	got := byName(t, list)
	a := got[c.Name].Attendance
	if a.Present != 1 || a.Late != 1 || a.Absent != 2 || a.Excused != 1 {
		t.Errorf("tally = %+v, want present 1, late 1, absent 2, excused 1 (held sessions only)", a)
	}
	if a.Rate == nil || *a.Rate != 0.5 {
		t.Errorf("rate = %v, want 0.5: (present+late) / (present+late+absent)", deref(a.Rate))
	}
	if r := got[quiet.Name].Attendance.Rate; r != nil {
		t.Errorf("%s: rate = %v, want none", quiet.Name, *r)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestListEmptyIsEmptyArray(t *testing.T) {
	svc, _ := setup(t)
	page, err := svc.List(circles.ListRequest{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := json.Marshal(page); string(got) != `{"circles":[],"total":0,"capped":false,"offset":0,"next":"","any":false}` {
		t.Errorf("List with no circles marshals to %s", got)
	}
}

// TestListReadsEveryField compares each summary with the circle and session
// as GORM loads them, field by field, so a column scanned into the wrong
// field shows; and a row carries nothing the list does not show.
func TestListReadsEveryField(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Product Craft Circle", func(c *model.Circle) {
		c.Purpose, c.Kind, c.Cadence, c.CadenceDays, c.MeetingDay = "Sharpen discovery.", model.KindPair, model.CadenceCustom, 10, 4
		c.MeetingTime, c.DurationMinutes, c.TimeZone, c.Place, c.VideoLink = "15:00", 90, "Europe/London", "Room 4.12", "https://meet.example.org/pc"
		c.StartDate, c.EndDate, c.Status, c.Color, c.Pinned = "2026-03-05", "2026-12-17", model.CirclePaused, "#2f7de1", true
	})
	next := f.Session(c, "2026-12-03T15:00", model.SessionPlanned)
	if err := f.DB.Model(&next).Updates(map[string]any{"number": 7, "topic": "Discovery", "place": "Room 4.13", "duration_minutes": 75}).Error; err != nil {
		t.Fatal(err)
	}
	bare := f.Circle("Bare") // no members, no sessions, no marks

	list := listed(t, svc, false)
	got := byName(t, list)
	for _, want := range []model.Circle{c, bare} {
		var s model.Circle
		if err := f.DB.Take(&s, want.ID).Error; err != nil {
			t.Fatal(err)
		}
		row := got[want.Name]
		wantRow := circles.Summary{ID: s.ID, Name: s.Name, Purpose: s.Purpose, Kind: s.Kind, Cadence: s.Cadence,
			CadenceDays: s.CadenceDays, MeetingDay: s.MeetingDay, MeetingTime: s.MeetingTime, Status: s.Status,
			Color: s.Color, Pinned: s.Pinned, MemberCount: row.MemberCount, NextSession: row.NextSession, Attendance: row.Attendance}
		if g, w := marshal(t, row), marshal(t, wantRow); g != w {
			t.Errorf("%s:\n got %s\nwant %s", want.Name, g, w)
		}
	}
	var stored model.Session
	if err := f.DB.Take(&stored, next.ID).Error; err != nil {
		t.Fatal(err)
	}
	want := circles.NextSession{ID: stored.ID, Number: stored.Number, StartsAt: stored.StartsAt}
	if g, w := marshal(t, got[c.Name].NextSession), marshal(t, want); g != w || stored.Number != 7 {
		t.Errorf("next session:\n got %s\nwant %s", g, w)
	}
	if g := marshal(t, got[bare.Name]); !strings.Contains(g, `"memberCount":0,"nextSession":null,"attendance":{"present":0,"late":0,"excused":0,"absent":0,"rate":null}`) {
		t.Errorf("a circle with nothing yet marshals to %s", g)
	}
	for _, field := range []string{"createdAt", "updatedAt", "uuid", "place", "videoLink", "timeZone", "topic"} {
		if g := marshal(t, got[c.Name]); strings.Contains(g, `"`+field+`"`) {
			t.Errorf("a list row carries %s, which the list does not show: %s", field, g)
		}
	}
}

func TestListAttendanceFollowsChanges(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Counted")
	ana, kwame := f.Person("Ana"), f.Person("Kwame")
	s1, s2 := f.Session(c, "2026-10-01T17:00", model.SessionHeld), f.Session(c, "2026-10-15T17:00", model.SessionPlanned)
	f.Mark(s1, ana, model.Present)
	f.Mark(s1, kwame, model.Absent)
	f.Mark(s2, ana, model.Late)

	steps := []struct {
		name                  string
		sql                   string
		args                  []any
		present, late, absent int
	}{
		{"as marked", "", nil, 1, 0, 1},
		{"planned session held", "UPDATE sessions SET status = 'held' WHERE id = ?", []any{s2.ID}, 1, 1, 1},
		{"re-marked", "UPDATE attendance SET status = 'present' WHERE session_id = ? AND person_id = ?", []any{s1.ID, kwame.ID}, 2, 1, 0},
		{"session cancelled", "UPDATE sessions SET status = 'cancelled' WHERE id = ?", []any{s1.ID}, 0, 1, 0},
		{"cancelled session held after all", "UPDATE sessions SET status = 'held' WHERE id = ?", []any{s1.ID}, 2, 1, 0},
		{"session deleted", "DELETE FROM sessions WHERE id = ?", []any{s1.ID}, 0, 1, 0},
		{"person deleted", "DELETE FROM people WHERE id = ?", []any{ana.ID}, 0, 0, 0},
	}
	for _, st := range steps {
		if st.sql != "" {
			if err := f.DB.Exec(st.sql, st.args...).Error; err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
		}
		list := listed(t, svc, false)
		a := list[0].Attendance
		if a.Present != st.present || a.Late != st.late || a.Absent != st.absent || a.Excused != 0 {
			t.Errorf("%s: tally %+v, want present %d, late %d, absent %d", st.name, a, st.present, st.late, st.absent)
		}
	}
}

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestListAny: Any says whether the file has a circle at all, whatever the
// filters hide: the first-run screen shows only when it is false.
func TestListAny(t *testing.T) {
	svc, f := setup(t)
	check := func(req circles.ListRequest, total int, anyCircle bool) {
		t.Helper()
		page, err := svc.List(req)
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != total || page.Any != anyCircle || len(page.Circles) != total {
			t.Errorf("List(%+v): total %d, any %v, %d rows; want total %d, any %v", req, page.Total, page.Any, len(page.Circles), total, anyCircle)
		}
	}
	check(circles.ListRequest{}, 0, false)
	check(circles.ListRequest{IncludeArchived: true, Query: "old"}, 0, false)
	f.Circle("Old one", func(c *model.Circle) { c.Status = model.CircleArchived })
	check(circles.ListRequest{}, 0, true)
	check(circles.ListRequest{Query: "old"}, 0, true)
	check(circles.ListRequest{IncludeArchived: true}, 1, true)
	check(circles.ListRequest{IncludeArchived: true, Query: "zzz"}, 0, true)
	check(circles.ListRequest{IncludeArchived: true, Query: "OLD"}, 1, true)
}
