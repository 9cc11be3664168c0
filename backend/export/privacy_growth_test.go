package export_test

import (
	"strings"
	"testing"

	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
)

// TestNoPrivateGoalsInAnyFormat: private goals (their title, why, success
// criteria, tasks and check-in notes) and private milestones appear in no
// format, PDF and the bundle included, with any options. The summary's
// goals section shows the shared goals, their titles and last check-in
// lines, unless figures only; anonymized, it names no member.
func TestNoPrivateGoalsInAnyFormat(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	g := w.f.YearGrowth(w.year)
	if len(g.Secrets) < 5*len(w.year.People) {
		t.Fatalf("the fixture has %d growth secrets, want one per member and text", len(g.Secrets))
	}
	leaks := func(what, seen string) {
		t.Helper()
		for _, bad := range g.Secrets {
			if strings.Contains(seen, bad) {
				t.Errorf("%s: contains %q", what, bad)
				return
			}
		}
	}
	svc := export.New(w.db, testdb.Now)
	for _, opt := range optionSets {
		s := w.build(t, opt)
		texts := map[string]string{"pdf": pdfText(t, renderPDF(t, s, "A4"))}
		for _, format := range formats {
			texts[format] = readable(t, format, render(t, s, format))
		}
		for format, seen := range texts {
			leaks(format, seen)
		}
		sharedGoals(t, opt, s, texts)
		if opt.Anonymize {
			for _, p := range w.year.People {
				for _, format := range []string{"md", "html", "pdf"} {
					if strings.Contains(texts[format], p.Name) {
						t.Errorf("%+v %s: names %s", opt, format, p.Name)
					}
				}
			}
		}
		f, err := svc.File(w.year.Circle.ID, export.Request{Format: "json", Anonymize: opt.Anonymize, FiguresOnly: opt.FiguresOnly})
		if err != nil {
			t.Fatal(err)
		}
		leaks("json", string(f.Data))
		if !strings.Contains(string(f.Data), "GOALTITLE-shared") || !strings.Contains(string(f.Data), "GOALMILESTONE-shared") {
			t.Error("json: the bundle lacks the shared goals or milestones")
		}
	}
}

// sharedGoals checks the goals section of the md, html and pdf texts: every
// member's shared goal, with its title and last check-in line unless
// figures only (then no goal text at all).
func sharedGoals(t *testing.T, opt export.Options, s export.Summary, texts map[string]string) {
	t.Helper()
	if opt.To != "" {
		return // the fixture's goals were set after the period
	}
	if len(s.Goals) == 0 {
		t.Fatalf("%+v: no goals in the summary", opt)
	}
	for _, format := range []string{"md", "html", "pdf"} {
		seen := texts[format]
		titles, notes := strings.Count(seen, "GOALTITLE-shared"), strings.Count(seen, "GOALCHECKIN-shared")
		if opt.FiguresOnly && titles+notes+strings.Count(seen, "GOAL") > 0 {
			t.Errorf("%+v %s: goal text in a figures-only summary", opt, format)
		}
		if !opt.FiguresOnly && (titles < len(s.Goals) || notes == 0) {
			t.Errorf("%+v %s: %d shared titles and %d check-in lines for %d goals", opt, format, titles, notes, len(s.Goals))
		}
		if !strings.Contains(seen, "check-in") {
			t.Errorf("%+v %s: no check-in counts", opt, format)
		}
	}
}
