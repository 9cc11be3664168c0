package export_test

import (
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/demo"
	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// sample opens a store with the sample program and its growth.
func sample(t *testing.T) *gorm.DB {
	t.Helper()
	st := testdb.Open(t)
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	return st.DB
}

func TestFindPerson(t *testing.T) {
	db := sample(t)
	var tomas model.Person
	db.Where("email = ?", "tomas.alvarez@example.org").Take(&tomas)
	for _, ref := range []string{"Tomás Álvarez", "tomas alvarez", " TOMÁS ÁLVAREZ ", strings.ToUpper(tomas.UUID)} {
		if id, err := export.FindPerson(db, ref); err != nil || id != tomas.ID {
			t.Errorf("FindPerson(%q) = %d, %v; want %d", ref, id, err, tomas.ID)
		}
	}
	_, err := export.FindPerson(db, "Nobody Here")
	testdb.WantError(t, err, apperr.NotFound, "person")
	_, err = export.FindPerson(db, "")
	testdb.WantError(t, err, apperr.Invalid, "person")
	f := testdb.With(t, db)
	f.Person("Tomas Alvarez", func(p *model.Person) { p.Email = "other.tomas@example.org" })
	_, err = export.FindPerson(db, "tomás álvarez")
	testdb.WantError(t, err, apperr.Conflict, "person")
}

// TestGrowthReportInEveryFormat: a person's report holds their shared goals
// with tasks and check-ins, their shared milestones and skills, in md, html
// and pdf (read back with pdftotext); never a private goal or milestone.
func TestGrowthReportInEveryFormat(t *testing.T) {
	db := sample(t)
	svc := export.New(db, testdb.Now)
	for _, c := range []struct {
		name   string
		want   []string // in every format
		secret string   // in none
	}{
		{"Emre Ünal", []string{"Write my first design doc", "Achieved: A design doc approved at the payments design review.", "Done: Pick a project.",
			"Design doc praised at the payments design review", "Communication", "Attendance"}, ""},
		{"Tomás Álvarez", []string{"Say no to side requests without guilt"}, "Decide whether to stay on the Platform team"},
		{"Lars Johansson", []string{"Give a talk at the platform meetup", "At risk: the meetup moved"}, "stage fright"},
		{"Priya Raman", []string{"Promotion: Promoted to Senior Product Manager"}, ""},
	} {
		id, err := export.FindPerson(db, c.name)
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range export.PersonFormats {
			f, err := svc.PersonFile(id, export.PersonRequest{Format: format})
			if err != nil {
				t.Fatalf("%s %s: %v", c.name, format, err)
			}
			text := string(f.Data)
			switch format {
			case "pdf":
				text = strings.Join(strings.Fields(pdfText(t, f.Data)), " ")
			case "html":
				text = strings.ReplaceAll(text, "&#39;", "'")
			case "md":
				text = strings.ReplaceAll(text, `\`, "")
			}
			for _, w := range append(c.want, c.name+" — growth report") {
				if !strings.Contains(text, w) {
					t.Errorf("%s %s: no %q", c.name, format, w)
				}
			}
			if c.secret != "" && strings.Contains(text, c.secret) {
				t.Errorf("%s %s: holds the private %q", c.name, format, c.secret)
			}
		}
	}
}

// TestGrowthReportPeriod: check-ins and milestones outside the period stay
// out; goals set after it too.
func TestGrowthReportPeriod(t *testing.T) {
	db := sample(t)
	svc := export.New(db, testdb.Now)
	id, _ := export.FindPerson(db, "Emre Ünal")
	all, err := svc.GrowthReport(id, "", "")
	if err != nil {
		t.Fatal(err)
	}
	first := all.Goals[len(all.Goals)-1].CheckIns[0].On // the design doc's first check-in
	r, err := svc.GrowthReport(id, first, first)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, g := range r.Goals {
		n += len(g.CheckIns)
	}
	if len(all.Goals) != 2 || n != 1 || len(r.Goals) != 1 || len(r.Milestones) != 0 || len(all.Milestones) != 1 {
		t.Errorf("on %s: %d goals, %d check-ins, %d milestones; in all %d goals, %d milestones",
			first, len(r.Goals), n, len(r.Milestones), len(all.Goals), len(all.Milestones))
	}
	if a := r.Attendance; a.Present+a.Late+a.Excused+a.Absent != 1 {
		t.Errorf("attendance on %s: %+v, want one mark", first, a)
	}
	_, err = svc.GrowthReport(id, "2026-12-01", "2026-11-01")
	testdb.WantError(t, err, apperr.Invalid, "to")
	_, err = svc.PersonFile(id, export.PersonRequest{Format: "csv"})
	testdb.WantError(t, err, apperr.Invalid, "format")
}
