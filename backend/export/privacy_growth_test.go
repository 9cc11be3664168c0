package export_test

import (
	"strings"
	"testing"

	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
)

// TestNoPrivateGoalsInAnyFormat: private goals (their title, why, success
// criteria, tasks and check-in notes) and private milestones appear in no
// format, PDF and the bundle included, with any options. (The summary has
// no goals section yet: when it gets one, it shows shared goals only and
// this test keeps the private ones out.)
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
		for _, format := range formats {
			leaks(format, readable(t, format, render(t, s, format)))
		}
		leaks("pdf", pdfText(t, renderPDF(t, s, "A4")))
		f, err := svc.File(w.year.Circle.ID, export.Request{Format: "json", Anonymize: opt.Anonymize, FiguresOnly: opt.FiguresOnly})
		if err != nil {
			t.Fatal(err)
		}
		leaks("json", string(f.Data))
	}
}
