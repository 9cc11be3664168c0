package export_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

var optionSets = []export.Options{
	{},
	{Anonymize: true},
	{FiguresOnly: true},
	{Anonymize: true, FiguresOnly: true},
	{From: "2026-01-01", To: "2026-03-31", Anonymize: true},
}

// TestNoPrivateTextInAnyFormat checks every format, with every option, for
// the markers of private notes, people's private notes, private pins,
// earlier revisions of shared notes and an action item made from a private
// note; for the shared notes of sessions that were not held; for another
// circle's text; and for email addresses, which only the roster CSV lists,
// and only when members are not anonymized.
func TestNoPrivateTextInAnyFormat(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	if len(w.year.Secrets) < 100 {
		t.Fatalf("the fixture has %d secrets; expected one per session and kind", len(w.year.Secrets))
	}
	forbidden := append(append(append([]string{}, w.year.Secrets...), w.year.Unheld...), w.other, "@example.org", "SECRET")
	for _, opt := range optionSets {
		s := w.build(t, opt)
		for _, format := range formats {
			seen := readable(t, format, render(t, s, format))
			for _, bad := range forbidden {
				if bad == "@example.org" && format == "csv:roster" && !opt.Anonymize {
					continue
				}
				if strings.Contains(seen, bad) {
					t.Errorf("%+v %s: contains %q", opt, format, bad)
				}
			}
		}
	}
}

// TestAnonymizeLeavesNoRealName looks for every word of every member's
// name, as a whole word, in every format.
func TestAnonymizeLeavesNoRealName(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	var words []*regexp.Regexp
	for _, p := range w.year.People {
		for _, word := range strings.Fields(p.Name) {
			word = strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) })
			if len([]rune(word)) >= 2 {
				words = append(words, regexp.MustCompile(`(^|[^\pL\pN])`+regexp.QuoteMeta(word)+`($|[^\pL\pN])`))
			}
		}
	}
	for _, opt := range []export.Options{{Anonymize: true}, {Anonymize: true, FiguresOnly: true}} {
		s := w.build(t, opt)
		for _, format := range formats {
			seen := readable(t, format, render(t, s, format))
			for _, re := range words {
				if loc := re.FindStringIndex(seen); loc != nil {
					t.Errorf("%+v %s: a real name is left: %q", opt, format, around(seen, loc[0]))
				}
			}
			if format != "ics" && format != "csv:actions" && !strings.Contains(seen, "Member 15") {
				t.Errorf("%+v %s: no Member 15", opt, format)
			}
		}
	}
	// Without anonymizing, the names are there: the check above can see them.
	seen := readable(t, "md", render(t, w.build(t, export.Options{}), "md"))
	if hits := len(words) - countMisses(words, seen); hits < len(words)/2 {
		t.Errorf("only %d of %d name words found in a plain summary", hits, len(words))
	}
}

func countMisses(res []*regexp.Regexp, s string) int {
	n := 0
	for _, re := range res {
		if !re.MatchString(s) {
			n++
		}
	}
	return n
}

func around(s string, i int) string {
	return s[max(0, i-40):min(len(s), i+40)]
}

// TestFiguresOnlyHasNoNoteText checks that no format carries a word of the
// shared notes or of an action item's text when only figures are asked for.
func TestFiguresOnlyHasNoNoteText(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	noteText := []string{"opened with a round of wins", "Progress over polish", "stakeholder map", "send the one-page summary",
		"a useful guide", "Ask ", "for feedback on", "read the chapter", "HYPERLINK", "end-of-year retrospective"}
	plain := w.build(t, export.Options{})
	full := readable(t, "md", render(t, plain, "md")) + readable(t, "csv:actions", render(t, plain, "csv:actions"))
	for _, text := range noteText {
		if !strings.Contains(full, text) {
			t.Fatalf("the full summary lacks %q: the check would prove nothing", text)
		}
	}
	s := w.build(t, export.Options{FiguresOnly: true})
	if len(s.Highlights) != 0 {
		t.Errorf("FiguresOnly: %d highlights", len(s.Highlights))
	}
	for _, o := range s.Actions {
		if len(o.Items) != 0 {
			t.Errorf("FiguresOnly: %s has %d action texts", o.Owner, len(o.Items))
		}
	}
	for _, format := range formats {
		seen := readable(t, format, render(t, s, format))
		for _, text := range noteText {
			if strings.Contains(seen, text) {
				t.Errorf("FiguresOnly %s: contains %q", format, text)
			}
		}
	}
	open, overdue := s.OpenActions()
	if wantOpen, wantOverdue := plain.OpenActions(); open != wantOpen || overdue != wantOverdue {
		t.Errorf("FiguresOnly counts %d open, %d overdue; the full summary %d, %d", open, overdue, wantOpen, wantOverdue)
	}
}

// TestAnonymizedTextStaysConsistent: one member has one alias in the roster,
// the action owners, the notes and the action texts.
func TestAnonymizedTextStaysConsistent(t *testing.T) {
	st, f := testdb.New(t)
	c := f.Circle("Pair")
	ana := f.Person("Ana Dąbrowska", func(p *model.Person) { p.Email = "ana@example.org" })
	ben := f.Person("Ben Ünal")
	f.Member(c, ana, "mentor")
	f.Member(c, ben, "mentee")
	s := f.Session(c, "2026-03-03T18:00", "held")
	f.Note(s, "shared", "Ana met @ben; ANA DĄBROWSKA and Dabrowska (ana@example.org) planned. Unal's plan: Bench, Anabel.\n")
	f.Action(c, "Ben sends Ana the plan", func(a *model.ActionItem) { a.OwnerID = &ben.ID; a.SessionID = &s.ID })
	sum, err := export.Build(st.DB, c.ID, export.Options{Anonymize: true}, testdb.Today)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(sum.Members[0].Name, "/", sum.Members[1].Name); got != "Member 1/Member 2" {
		t.Errorf("members %s", got)
	}
	want := "Member 1 met Member 2; Member 1 and Member 1 (Member 1) planned. Member 2's plan: Bench, Anabel.\n"
	if got := sum.Highlights[0].Body; got != want {
		t.Errorf("note\n got %q\nwant %q", got, want)
	}
	if o := sum.Actions[0]; o.Owner != "Member 2" || o.Items[0].Text != "Member 2 sends Member 1 the plan" {
		t.Errorf("actions %+v", sum.Actions)
	}
}
