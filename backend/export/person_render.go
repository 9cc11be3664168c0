package export

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"circlebook/backend/apperr"
)

// PersonFormats are the formats a growth report renders to.
var PersonFormats = []string{"md", "html", "pdf"}

// reportSection is one part of a growth report as every format writes it:
// a heading, its items, and the line shown when it has none.
type reportSection struct {
	Heading string
	Empty   string
	Items   []reportItem
}

// reportItem is one line of a section, with a bold lead and sub-lines.
type reportItem struct {
	Lead  string
	Text  string
	Lines []string
}

func (r PersonReport) title() string { return r.Name + " — growth report" }

// subtitle says who, over what period, when made and in which circles.
func (r PersonReport) subtitle() string {
	parts := []string{r.Period, "generated " + r.GeneratedAt.Format("2 Jan 2006 15:04 MST")}
	if r.Title != "" {
		parts = append([]string{r.Title}, parts...)
	}
	if len(r.Circles) > 0 {
		parts = append(parts, "circles: "+strings.Join(r.Circles, ", "))
	}
	return strings.Join(parts, " · ")
}

// sections lays the report out: goals, milestones, skills, attendance.
func (r PersonReport) sections() []reportSection {
	goals := reportSection{Heading: "Goals", Empty: "No shared goals."}
	for _, g := range r.Goals {
		goals.Items = append(goals.Items, g.item())
	}
	milestones := reportSection{Heading: "Milestones", Empty: "No shared milestones in this period."}
	for _, m := range r.Milestones {
		milestones.Items = append(milestones.Items, reportItem{Lead: longDate(m.On), Text: human(strings.ReplaceAll(m.Kind, "_", " ")) + ": " + oneLine(m.Text)})
	}
	skills := reportSection{Heading: "Skills, before and after", Empty: "No skills rated."}
	for _, s := range r.Skills {
		skills.Items = append(skills.Items, reportItem{Lead: s.Circle + ": " + s.Skill, Text: rating(s.Before) + " → " + rating(s.After)})
	}
	a := r.Attendance
	held := a.Present + a.Late + a.Excused + a.Absent
	attendance := reportSection{Heading: "Attendance", Items: []reportItem{{Text: fmt.Sprintf("%d held %s: %d present, %d late, %d excused, %d absent",
		held, plural(held, "session", "sessions"), a.Present, a.Late, a.Excused, a.Absent)}}}
	return []reportSection{goals, milestones, skills, attendance}
}

// item is a goal's line: its title, where it stands, why, how we'll know,
// its tasks and its check-ins in the period.
func (g ReportGoal) item() reportItem {
	where := []string{human(g.Status), fmt.Sprintf("%d%%", g.Progress)}
	if g.Circle != "" {
		where = append([]string{g.Circle}, where...)
	}
	if g.TargetDate != "" {
		where = append(where, "target "+longDate(g.TargetDate))
	}
	it := reportItem{Lead: oneLine(g.Title), Text: strings.Join(where, " · ")}
	if g.Why != "" {
		it.Lines = append(it.Lines, "Why: "+oneLine(g.Why))
	}
	if g.SuccessCriteria != "" {
		it.Lines = append(it.Lines, "How we'll know: "+oneLine(g.SuccessCriteria))
	}
	for _, t := range g.Tasks {
		line := "☐ " + oneLine(t.Title)
		if t.Done {
			line = "☑ " + oneLine(t.Title)
		}
		it.Lines = append(it.Lines, line)
	}
	for _, k := range g.CheckIns {
		line := "Check-in " + longDate(k.On)
		if k.Session > 0 {
			line += fmt.Sprintf(" (session %d)", k.Session)
		}
		line += fmt.Sprintf(": %s, %d%%", human(k.Status), k.Progress)
		if k.Note != "" {
			line += " — " + oneLine(k.Note)
		}
		it.Lines = append(it.Lines, line)
	}
	return it
}

// rating is a 1-5 rating as read, or that there is none.
func rating(n int) string {
	if n == 0 {
		return "not rated"
	}
	return fmt.Sprintf("%d/5", n)
}

// RenderPerson writes a growth report as md, html or pdf (A4).
func RenderPerson(r PersonReport, format string) ([]byte, error) {
	switch format {
	case "md":
		return personMarkdown(r), nil
	case "html":
		var buf bytes.Buffer
		err := personPage.Execute(&buf, struct {
			R        PersonReport
			Subtitle string
			Sections []reportSection
		}{r, r.subtitle(), r.sections()})
		return buf.Bytes(), err
	case "pdf":
		return personPDF(r)
	}
	return nil, apperr.New(apperr.Invalid, "format", "Unknown format %q: use md, html or pdf.", format)
}

func personMarkdown(r PersonReport) []byte {
	var m md
	m.sub(1, esc(r.title()))
	m.para(esc(r.subtitle()))
	for _, s := range r.sections() {
		m.heading(s.Heading)
		if len(s.Items) == 0 {
			m.para(esc(s.Empty))
		}
		for _, it := range s.Items {
			line := esc(it.Text)
			if it.Lead != "" {
				line = "**" + esc(it.Lead) + "** — " + line
			}
			m.item(line)
			for _, l := range it.Lines {
				m.line("  - " + esc(l))
			}
		}
	}
	return m.Bytes()
}

// personPage is the growth report as one self-contained HTML file: no
// script, no fetch; html/template escapes every text.
var personPage = template.Must(template.New("person").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{{.R.Name}} — growth report</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem;margin-bottom:.2rem}.sub{color:#555;margin-top:0}
li{margin:.3rem 0}ul ul{color:#333;font-size:.95rem}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.sub,ul ul{color:#bbb}}
</style>
</head>
<body>
<main>
<h1>{{.R.Name}} — growth report</h1>
<p class="sub">{{.Subtitle}}</p>
{{range .Sections}}<section>
<h2>{{.Heading}}</h2>
{{if not .Items}}<p>{{.Empty}}</p>
{{else}}<ul>
{{range .Items}}<li>{{with .Lead}}<strong>{{.}}</strong> — {{end}}{{.Text}}{{if .Lines}}
<ul>{{range .Lines}}<li>{{.}}</li>{{end}}</ul>{{end}}</li>
{{end}}</ul>
{{end}}</section>
{{end}}</main>
<footer>Made with Circlebook. Private goals and milestones are never included.</footer>
</body>
</html>
`))

// personPDF writes the report on A4, its fonts embedded.
func personPDF(r PersonReport) ([]byte, error) {
	p := newPDF(r.title(), r.Name+" · growth report", r.GeneratedAt, "A4")
	p.SetFont(pdfFont, "B", 18)
	p.MultiCell(0, 8, r.title(), "", "L", false)
	p.SetFont(pdfFont, "", pdfSmall+1)
	p.MultiCell(0, 4.5, r.subtitle(), "", "L", false)
	for _, s := range r.sections() {
		p.heading(s.Heading)
		if len(s.Items) == 0 {
			p.para(s.Empty)
		}
		for _, it := range s.Items {
			line := it.Text
			if it.Lead != "" {
				line = it.Lead + " — " + line
			}
			p.item(line)
			for _, l := range it.Lines {
				p.bullet(1, "–", l, "")
			}
		}
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("write PDF: %w", err)
	}
	return buf.Bytes(), nil
}
