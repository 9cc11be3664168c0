package people_test

import (
	"slices"
	"strconv"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/people"
)

func names(ps []people.Summary) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func TestListSearch(t *testing.T) {
	svc, f := setup(t)
	f.Person("Ana Muñoz", func(p *model.Person) {
		p.Email = "ana@example.org"
		p.Team = "Platform"
		p.Title = "Engineering Manager"
	})
	f.Person("kwame Mensah", func(p *model.Person) {
		p.Email = "kwame@pay.example.org"
		p.Team = "Payments"
		p.Title = "Staff Engineer"
	})
	f.Person("Aiko Tanaka", func(p *model.Person) { p.Email = "aiko@example.org"; p.Team = "Design"; p.Title = "Product Designer" })
	f.Person("100% Sure", func(p *model.Person) { p.Title = "Growth_Lead" })
	f.Person("1000 Sure", func(p *model.Person) { p.Title = "GrowthXLead" })
	f.Person(`Back\slash`)

	everyone := []string{"100% Sure", "1000 Sure", "Aiko Tanaka", "Ana Muñoz", `Back\slash`, "kwame Mensah"}
	tests := []struct {
		search string
		want   []string
	}{
		{"", everyone},
		{"ANA M", []string{"Ana Muñoz"}},                    // name, any case, each word a prefix
		{"PAY.EXAMPLE", []string{"kwame Mensah"}},           // email
		{"design", []string{"Aiko Tanaka"}},                 // team and title
		{"engineer", []string{"Ana Muñoz", "kwame Mensah"}}, // title
		{"mensah kwame", []string{"kwame Mensah"}},          // words in any order
		{"ensah", nil},                                      // the start of a word, not its middle
		{"100", []string{"100% Sure", "1000 Sure"}},         // digits are words too
		{"100%", []string{"100% Sure", "1000 Sure"}},        // punctuation only separates words
		{"growth_", []string{"100% Sure", "1000 Sure"}},     //
		{"growth lead", []string{"100% Sure"}},              // Growth_Lead is two words, GrowthXLead one
		{`back\`, []string{`Back\slash`}},                   //
		{"%", everyone},                                     // no word at all: no filter
		{`\`, everyone},                                     //
		{"nobody", nil},
	}
	for _, tt := range tests {
		t.Run(strconv.Quote(tt.search), func(t *testing.T) {
			r, err := svc.List(people.ListRequest{Query: tt.search})
			if err != nil {
				t.Fatal(err)
			}
			if got := names(r.People); !slices.Equal(got, tt.want) {
				t.Errorf("List(%q) = %q, want %q", tt.search, got, tt.want)
			}
			if r.Total != len(tt.want) || r.Capped {
				t.Errorf("Total = %d (capped %v), want %d", r.Total, r.Capped, len(tt.want))
			}
		})
	}
}

func TestListCircleCount(t *testing.T) {
	svc, f := setup(t)
	ana := f.Person("Ana")
	f.Member(f.Circle("One"), ana, model.RoleLeader)
	f.Member(f.Circle("Two"), ana, model.RoleMentor)
	f.Member(f.Circle("Left"), ana, model.RoleMentee, func(m *model.Membership) { m.LeftOn = "2026-01-01" })
	f.Person("Nobody")

	r, err := svc.List(people.ListRequest{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, p := range r.People {
		got[p.Name] = p.CircleCount
	}
	if got["Ana"] != 2 || got["Nobody"] != 0 {
		t.Errorf("circle counts = %v, want Ana 2 (current circles only), Nobody 0", got)
	}
}

func TestGet(t *testing.T) {
	svc, f := setup(t)
	ana := f.Person("Ana Muñoz")
	kwame := f.Person("Kwame")
	leaders := f.Circle("leaders", func(c *model.Circle) { c.Color = "#e8692c" })
	craft := f.Circle("Craft", func(c *model.Circle) { c.Kind = model.KindPair })
	f.Member(leaders, ana, model.RoleLeader, func(m *model.Membership) { m.JoinedOn = "2026-06-02" })
	f.Member(craft, ana, model.RoleMentee, func(m *model.Membership) { m.LeftOn = "2026-11-01" })
	f.Member(leaders, kwame, model.RoleMentee)

	l1 := f.Session(leaders, "2026-10-01T17:00", model.SessionHeld)
	l2 := f.Session(leaders, "2026-10-15T17:00", model.SessionHeld)
	l3 := f.Session(leaders, "2026-12-01T17:00", model.SessionPlanned)
	c1 := f.Session(craft, "2026-10-08T12:00", model.SessionHeld)
	f.Mark(l1, ana, model.Present)
	f.Mark(l2, ana, model.Absent)
	f.Mark(l3, ana, model.Present) // planned: a visit, but not counted
	f.Mark(c1, ana, model.Late)
	f.Mark(l1, kwame, model.Absent) // someone else's

	page, err := svc.Get(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if page.Person.ID != ana.ID || page.Person.Name != "Ana Muñoz" {
		t.Errorf("Person = %d %q", page.Person.ID, page.Person.Name)
	}
	if len(page.Circles) != 2 {
		t.Fatalf("Circles = %+v, want 2", page.Circles)
	}
	craftRow, leadersRow := page.Circles[0], page.Circles[1] // by name, any case
	if craftRow.CircleID != craft.ID || craftRow.Role != model.RoleMentee || craftRow.LeftOn != "2026-11-01" || craftRow.Kind != model.KindPair {
		t.Errorf("first circle = %+v, want Craft as mentee, left 2026-11-01", craftRow)
	}
	if leadersRow.CircleID != leaders.ID || leadersRow.Role != model.RoleLeader || leadersRow.JoinedOn != "2026-06-02" || leadersRow.Color != "#e8692c" {
		t.Errorf("second circle = %+v, want leaders as leader", leadersRow)
	}
	if a := leadersRow.Attendance; a.Present != 1 || a.Absent != 1 || a.Late != 0 || a.Rate == nil || *a.Rate != 0.5 {
		t.Errorf("leaders tally = %+v, want present 1, absent 1, rate 0.5", a)
	}
	if a := craftRow.Attendance; a.Late != 1 || a.Present != 0 || a.Rate == nil || *a.Rate != 1 {
		t.Errorf("craft tally = %+v, want late 1, rate 1", a)
	}
	if a := page.Attendance; a.Present != 1 || a.Late != 1 || a.Absent != 1 || a.Rate == nil || *a.Rate != 2.0/3 {
		t.Errorf("overall tally = %+v, want present 1, late 1, absent 1", a)
	}

	var visits []uint
	for _, v := range page.Visits {
		visits = append(visits, v.SessionID)
	}
	if want := []uint{l3.ID, l2.ID, c1.ID, l1.ID}; !slices.Equal(visits, want) {
		t.Errorf("visits = %v, want %v (newest first)", visits, want)
	}
	if v := page.Visits[2]; v.CircleID != craft.ID || v.CircleName != "Craft" || v.StartsAt != "2026-10-08T12:00" || v.Status != model.Late {
		t.Errorf("visit = %+v", v)
	}
}

func TestGetUnknown(t *testing.T) {
	svc, _ := setup(t)
	_, err := svc.Get(42)
	testdb.WantError(t, err, apperr.NotFound, "")
}
