package actions_test

import (
	"strconv"
	"testing"
	"time"

	"circlebook/backend/actions"
)

var (
	wednesday = time.Date(2026, time.November, 25, 0, 0, 0, 0, time.UTC)
	friday    = time.Date(2026, time.November, 27, 0, 0, 0, 0, time.UTC)
)

// line is what a test expects of a parsed line; the key is checked separately.
type line struct {
	Owner, Text, Due string
	Done             bool
}

// parsed returns the finished lines (not the one being typed).
func parsed(ls []actions.Line) []line {
	var out []line
	for _, l := range ls {
		if !l.Typing {
			out = append(out, line{l.Owner, l.Text, l.Due, l.Done})
		}
	}
	return out
}

// The last line, with no line break after it, may still be being typed: it
// comes marked, so that it makes no item letter by letter, but it is there
// for the end of the session (and to keep the item it already has).
func TestParseLinesMarksTheLineBeingTyped(t *testing.T) {
	tests := []struct {
		body   string
		typing []bool
	}{
		{"- [ ] @Ana write the brief", []bool{true}},
		{"- [ ] first\n- [ ] still typ", []bool{false, true}},
		{"- [ ] first\n- [ ] second\n", []bool{false, false}},
		{"- [ ] first\nplain text", []bool{false}},
		{"- [ ] first\r\n- [x] done", []bool{false, true}},
	}
	for _, tt := range tests {
		ls := actions.ParseLines(tt.body, wednesday)
		var got []bool
		for _, l := range ls {
			got = append(got, l.Typing)
		}
		if len(got) != len(tt.typing) {
			t.Errorf("ParseLines(%q) = %+v, want %d lines", tt.body, ls, len(tt.typing))
			continue
		}
		for i := range got {
			if got[i] != tt.typing[i] {
				t.Errorf("ParseLines(%q)[%d].Typing = %v, want %v", tt.body, i, got[i], tt.typing[i])
			}
		}
	}
	if l := actions.ParseLines("- [ ] @Zoë preparar la demo due:2026-12-15", wednesday); len(l) != 1 ||
		l[0].Owner != "Zoë" || l[0].Text != "preparar la demo" || l[0].Due != "2026-12-15" {
		t.Errorf("the line being typed = %+v, want it parsed like any other", l)
	}
}

func TestParseLines(t *testing.T) {
	tests := []struct {
		name string
		body string
		day  time.Time
		want []line
	}{
		{"owner, text and date", "- [ ] @Ana write the brief due:2026-12-04\n", wednesday,
			[]line{{"Ana", "write the brief", "2026-12-04", false}}},
		{"star, ticked", "* [x] send the notes\n", wednesday, []line{{"", "send the notes", "", true}}},
		{"plus, capital X", "+ [X] book the room\n", wednesday, []line{{"", "book the room", "", true}}},
		{"unfinished line alone", "- [ ] @Ana write the brief", wednesday, nil},
		{"unfinished last line", "- [ ] first\n- [ ] still typ", wednesday, []line{{"", "first", "", false}}},
		{"owner without text", "- [ ] @Ana\n", wednesday, nil},
		{"owner and due without text", "- [ ] @Ana due:friday\n", wednesday, nil},
		{"empty box", "- [ ] \n- [ ]\n", wednesday, nil},
		{"friday from a wednesday", "- [ ] ship it due:friday\n", wednesday, []line{{"", "ship it", "2026-11-27", false}}},
		{"friday from a friday is next week", "- [ ] ship it due:friday\n", friday, []line{{"", "ship it", "2026-12-04", false}}},
		{"wednesday from a wednesday is next week", "- [ ] ship it due:wed\n", wednesday, []line{{"", "ship it", "2026-12-02", false}}},
		{"sunday from a wednesday", "- [ ] ship it due:Sun\n", wednesday, []line{{"", "ship it", "2026-11-29", false}}},
		{"tomorrow", "- [ ] ship it due:tomorrow\n", wednesday, []line{{"", "ship it", "2026-11-26", false}}},
		{"today", "- [ ] ship it due:today\n", wednesday, []line{{"", "ship it", "2026-11-25", false}}},
		{"tomorrow across a month", "- [ ] ship it due:tomorrow\n", time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC),
			[]line{{"", "ship it", "2026-12-01", false}}},
		{"capitals and a full stop", "- [ ] ship it DUE:Friday.\n", wednesday, []line{{"", "ship it", "2026-11-27", false}}},
		{"due not understood stays in the text", "- [ ] plan the offsite due:someday\n", wednesday,
			[]line{{"", "plan the offsite due:someday", "", false}}},
		{"impossible date stays in the text", "- [ ] plan due:2026-02-30\n", wednesday, []line{{"", "plan due:2026-02-30", "", false}}},
		{"empty due stays in the text", "- [ ] plan due:\n", wednesday, []line{{"", "plan due:", "", false}}},
		{"due in the middle", "- [ ] send due:2026-12-01 the deck\n", wednesday, []line{{"", "send the deck", "2026-12-01", false}}},
		{"second due stays in the text", "- [ ] send due:today or due:tomorrow\n", wednesday,
			[]line{{"", "send or due:tomorrow", "2026-11-25", false}}},
		{"bad due, then a good one", "- [ ] send due:soon due:today\n", wednesday,
			[]line{{"", "send due:soon", "2026-11-25", false}}},
		{"CRLF", "- [ ] @Ana one\r\n- [x] two\r\n", wednesday,
			[]line{{"Ana", "one", "", false}, {"", "two", "", true}}},
		{"indented", "  - [ ] nested\n\t* [x] tabbed\n", wednesday,
			[]line{{"", "nested", "", false}, {"", "tabbed", "", true}}},
		{"extra spaces", "-   [ ]   @Kwame   call   the venue   \n", wednesday, []line{{"Kwame", "call the venue", "", false}}},
		{"@name later is text", "- [ ] ask @Ana about it\n", wednesday, []line{{"", "ask @Ana about it", "", false}}},
		{"a lone @ is text", "- [ ] @ noon\n", wednesday, []line{{"", "@ noon", "", false}}},
		{"among other lines", "# Notes\n\nSome text.\n- a plain item\n- [ ] real task\n1. [ ] numbered\n", wednesday,
			[]line{{"", "real task", "", false}}},
		{"not boxes", "- [] no\n-[ ] no\n- [y] no\n- [ ]no\n[ ] no\n", wednesday, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parsed(actions.ParseLines(tt.body, tt.day))
			if len(got) != len(tt.want) {
				t.Fatalf("ParseLines(%q) = %+v, want %+v", tt.body, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("ParseLines(%q)[%d] = %+v, want %+v", tt.body, i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestParseLinesKey(t *testing.T) {
	key := func(body string) string {
		t.Helper()
		ls := actions.ParseLines(body+"\n", wednesday)
		if len(ls) != 1 {
			t.Fatalf("ParseLines(%q) = %+v, want one line", body, ls)
		}
		return ls[0].Key
	}
	base := key("- [ ] @Ana write the brief due:friday")
	same := []string{
		"- [x] @Ana write the brief due:friday", // ticking keeps the identity
		"* [ ] @ana write the brief due:Friday", // so do the bullet and the case of owner and due
		"  - [ ]   @Ana   write the brief due:friday ",
	}
	for _, b := range same {
		if k := key(b); k != base {
			t.Errorf("key(%q) = %q, want %q as for the unticked line", b, k, base)
		}
	}
	different := []string{
		"- [ ] @Ana write the full brief due:friday",
		"- [ ] @Kwame write the brief due:friday",
		"- [ ] @Ana write the brief due:thursday",
		"- [ ] @Ana write the brief",
	}
	for _, b := range different {
		if k := key(b); k == base {
			t.Errorf("key(%q) = %q, the same as the original line's", b, k)
		}
	}
}

func TestDue(t *testing.T) {
	tests := []struct {
		word string
		day  time.Time
		want string
		ok   bool
	}{
		{"2026-12-04", wednesday, "2026-12-04", true},
		{"today", wednesday, "2026-11-25", true},
		{"Tomorrow", wednesday, "2026-11-26", true},
		{"thursday", wednesday, "2026-11-26", true},
		{"fri", wednesday, "2026-11-27", true},
		{"friday", friday, "2026-12-04", true},
		{"monday", friday, "2026-11-30", true},
		{"saturday,", friday, "2026-11-28", true},
		{"someday", wednesday, "", false},
		{"", wednesday, "", false},
		{"2026-13-01", wednesday, "", false},
		{"04/12/2026", wednesday, "", false},
	}
	for _, tt := range tests {
		t.Run(strconv.Quote(tt.word)+" from "+tt.day.Weekday().String(), func(t *testing.T) {
			got, ok := actions.Due(tt.word, tt.day)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Due(%q, %s) = %q, %v; want %q, %v", tt.word, tt.day.Format("Mon 2006-01-02"), got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestResolveOwner(t *testing.T) {
	members := []actions.Member{
		{PersonID: 1, Name: "Ána Muñoz", Email: "amunoz@example.org"},
		{PersonID: 2, Name: "Kwame Mensah", Email: "kwame@example.org"},
		{PersonID: 3, Name: "Jo", Email: ""},
	}
	tests := []struct {
		name string
		want uint
		ok   bool
	}{
		{"Ana", 1, true},         // first name, accent ignored
		{"ana", 1, true},         // any case
		{"ÁNA", 1, true},         //
		{"AnaMunoz", 1, true},    // full name without spaces
		{"anamuñoz", 1, true},    //
		{"amunoz", 1, true},      // email local part
		{"munoz", 0, false},      // a last name alone is not enough
		{"Ana.Munoz", 0, false},  //
		{"Kwame", 2, true},       //
		{"kwamemensah", 2, true}, //
		{"Mensah", 0, false},     //
		{"jo", 3, true},          // a member with no email
		{"example", 0, false},    // the email's domain is not a name
		{"all", 0, true},         // the whole circle
		{"ALL", 0, true},         //
		{"circle", 0, true},      //
		{"everyone", 0, true},    //
		{"Bob", 0, false},        // nobody
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := actions.ResolveOwner(tt.name, members)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ResolveOwner(%q) = %d, %v; want %d, %v", tt.name, got, ok, tt.want, tt.ok)
			}
		})
	}
	if _, ok := actions.ResolveOwner("Ana", nil); ok {
		t.Error("ResolveOwner(\"Ana\") with no members is ok, want not found")
	}
}
