package export_test

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"golang.org/x/net/html"
)

// skillsWorld is a circle of four members using the framework Core skills
// (Listening, Prioritization, Storytelling), with ratings that must not
// count beside the ones that do: a non-member's, another circle's, one made
// after the period, and ratings on a framework the circle does not use.
type skillsWorld struct {
	f      testdb.Fixture
	circle model.Circle
}

func newSkillsWorld(t *testing.T) skillsWorld {
	t.Helper()
	_, f := testdb.New(t)
	c, other := f.Circle("Skilled circle"), f.Circle("Another circle")
	var ps []model.Person
	for i := range 4 {
		p := f.Person(fmt.Sprintf("Member Person %d", i))
		f.Member(c, p, model.RoleMentee)
		ps = append(ps, p)
	}
	outsider := f.Person("Not A Member")
	f.Member(other, outsider, model.RoleMentee)
	f.Member(other, ps[0], model.RoleMentee)
	framework := func(name string, used bool, items ...string) []uint {
		fw := model.Framework{Name: name}
		for i, n := range items {
			fw.Items = append(fw.Items, model.FrameworkItem{Position: i, Name: n})
		}
		if err := f.DB.Create(&fw).Error; err != nil {
			t.Fatal(err)
		}
		if used {
			f.DB.Create(&model.CircleFramework{CircleID: c.ID, FrameworkID: fw.ID})
			f.DB.Create(&model.CircleFramework{CircleID: other.ID, FrameworkID: fw.ID})
		}
		ids := make([]uint, len(fw.Items))
		for i, it := range fw.Items {
			ids[i] = it.ID
		}
		return ids
	}
	core := framework("Core skills", true, "Listening", "Prioritization", "Storytelling")
	unused := framework("Unused list", false, "Hidden skill")
	rate := func(circle model.Circle, p model.Person, item uint, phase string, rating int, on string) {
		r := model.SkillRating{PersonID: p.ID, CircleID: circle.ID, FrameworkItemID: item, Rating: rating, Phase: phase, RatedOn: on}
		if err := f.DB.Create(&r).Error; err != nil {
			t.Fatal(err)
		}
	}
	before, after := model.PhaseBefore, model.PhaseAfter
	rate(c, ps[0], core[0], before, 2, "2026-01-10")
	rate(c, ps[1], core[0], before, 3, "2026-01-10")
	rate(c, ps[2], core[0], before, 4, "2026-01-10")
	rate(c, ps[0], core[0], after, 4, "2026-06-10")
	rate(c, ps[1], core[0], after, 5, "2026-06-10")
	rate(c, ps[2], core[0], after, 1, "2027-02-01") // after the period below
	rate(c, ps[3], core[1], before, 1, "2026-01-10")
	rate(c, ps[0], core[1], after, 2, "2026-06-10")
	rate(c, ps[3], core[1], after, 3, "2026-06-10")
	rate(c, outsider, core[0], before, 5, "2026-01-10") // not a member of this circle
	rate(other, ps[0], core[2], before, 5, "2026-01-10")
	rate(other, outsider, core[0], after, 1, "2026-06-10")
	rate(c, ps[0], unused[0], before, 5, "2026-01-10")
	return skillsWorld{f: f, circle: c}
}

func (w skillsWorld) build(t *testing.T, opt export.Options) export.Summary {
	t.Helper()
	s, err := export.Build(w.f.DB, w.circle.ID, opt, testdb.Today)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSkillsBeforeAndAfter: the summary's skills are the circle's
// frameworks' items with the members' ratings in the circle made by the
// period's end, in every format a reader opens (pdftotext for the PDF);
// anonymized or figures only, the same figures.
func TestSkillsBeforeAndAfter(t *testing.T) {
	w := newSkillsWorld(t)
	opt := export.Options{To: "2026-12-31"}
	s := w.build(t, opt)
	want := []export.Skill{
		{Framework: "Core skills", Item: "Listening", BeforeRated: 3, BeforeMean: 3, AfterRated: 2, AfterMean: 4.5},
		{Framework: "Core skills", Item: "Prioritization", BeforeRated: 1, BeforeMean: 1, AfterRated: 2, AfterMean: 2.5},
		{Framework: "Core skills", Item: "Storytelling"},
	}
	if !reflect.DeepEqual(s.Skills, want) {
		t.Errorf("skills =\n%+v\nwant\n%+v", s.Skills, want)
	}
	for _, o := range []export.Options{{To: opt.To, Anonymize: true}, {To: opt.To, FiguresOnly: true}, {To: opt.To, Anonymize: true, FiguresOnly: true}} {
		if got := w.build(t, o).Skills; !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: skills %+v, want the same figures", o, got)
		}
	}
	if all := w.build(t, export.Options{}); all.Skills[0].AfterRated != 3 {
		t.Errorf("with no end, Listening after = %+v, want the later rating counted", all.Skills[0])
	}

	lines := []string{"Listening: before 3.0 (3 rated), after 4.5 (2 rated), +1.5",
		"Prioritization: before 1.0 (1 rated), after 2.5 (2 rated), +1.5", "Storytelling: before not rated, after not rated"}
	for _, format := range []string{"md", "pdf"} {
		var text string
		if format == "pdf" {
			text = strings.Join(strings.Fields(pdfText(t, renderPDF(t, s, "A4"))), " ")
		} else {
			text = strings.Join(strings.Fields(strings.ReplaceAll(readableOnce(t, format, render(t, s, format)), "**", "")), " ")
		}
		for _, l := range append([]string{"Skills, before and after", "Core skills"}, lines...) {
			if !strings.Contains(text, l) {
				t.Errorf("%s lacks %q", format, l)
			}
		}
		if strings.Contains(text, "Hidden skill") {
			t.Errorf("%s lists an item of a framework the circle does not use", format)
		}
	}
	page := htmlRows(t, render(t, s, "html"), "skills")
	for _, row := range [][]string{{"Skill", "Before", "After", "Change"}, {"Listening", "3.0 (3 rated)", "4.5 (2 rated)", "+1.5"},
		{"Storytelling", "not rated", "not rated", ""}} {
		if !slices.ContainsFunc(page, func(r []string) bool { return slices.Equal(r, row) }) {
			t.Errorf("html: no row %q in the skills table %q", row, page)
		}
	}
	rows := readCSV(t, render(t, s, "csv:skills"))
	if wantRows := [][]string{{"Framework", "Skill", "Rated before", "Mean before", "Rated after", "Mean after"},
		{"Core skills", "Listening", "3", "3.0", "2", "4.5"}, {"Core skills", "Prioritization", "1", "1.0", "2", "2.5"},
		{"Core skills", "Storytelling", "0", "", "0", ""}}; !reflect.DeepEqual(rows, wantRows) {
		t.Errorf("csv:skills = %q, want %q", rows, wantRows)
	}
}

// A circle whose frameworks nobody rated has no skills section.
func TestNoSkillsSectionWithoutRatings(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{})
	if len(s.Skills) != 0 {
		t.Fatalf("skills = %+v, want none", s.Skills)
	}
	for _, format := range []string{"md", "html"} {
		if strings.Contains(string(render(t, s, format)), "Skills, before and after") {
			t.Errorf("%s has a skills section with nothing in it", format)
		}
	}
	if strings.Contains(pdfText(t, renderPDF(t, s, "A4")), "Skills, before and after") {
		t.Error("pdf has a skills section with nothing in it")
	}
}

// htmlRows parses an HTML summary and returns the text of each table row's
// cells in the section with the given id.
func htmlRows(t *testing.T, page []byte, id string) [][]string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	eachNode(doc, func(n *html.Node) {
		if n.Type != html.ElementNode || n.Data != "section" || !slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "id" && a.Val == id }) {
			return
		}
		eachNode(n, func(tr *html.Node) {
			if tr.Type != html.ElementNode || tr.Data != "tr" {
				return
			}
			var row []string
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					var b strings.Builder
					eachNode(c, func(x *html.Node) {
						if x.Type == html.TextNode {
							b.WriteString(x.Data)
						}
					})
					row = append(row, b.String())
				}
			}
			rows = append(rows, row)
		})
	})
	return rows
}
