package export_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
)

// small is a group circle of three with seven held weekly sessions; the
// last one's shared notes hold two finished task lines, which the notes
// service turned into action items, and an unfinished one, which it did not.
type small struct {
	w       world
	session model.Session
}

// attended[i] is how many of the three came to session i+1.
var attended = []int{3, 1, 2, 3, 0, 2, 1}

const smallNotes = "We looked at the Q3 demo.\n" +
	"- [ ] @Ana Prepare the Q3 demo script due:2026-12-15\n" +
	"- [x] @Kwame Book the big room\n" +
	"Ana will lead it.\n" +
	"- [ ] @Zoë Still typing this line"

func newSmall(t *testing.T) small {
	t.Helper()
	st, f := testdb.New(t)
	c := f.Circle("Craft Circle", func(c *model.Circle) { c.Cadence, c.TimeZone = model.CadenceWeekly, "Europe/Madrid" })
	var people []model.Person
	for i, n := range []string{"Ana Muñoz", "Kwame Mensah", "Zoë Ibáñez"} {
		p := f.Person(n, func(p *model.Person) { p.Email = fmt.Sprintf("person%d@example.org", i) })
		f.Member(c, p, []string{model.RoleLeader, model.RoleCoLeader, model.RoleMentee}[i])
		people = append(people, p)
	}
	var last model.Session
	for i, n := range attended {
		last = f.Session(c, time.Date(2026, 10, 6+7*i, 18, 0, 0, 0, time.UTC).Format(check.DateTimeLayout), model.SessionHeld)
		if err := st.DB.Model(&last).Update("number", i+1).Error; err != nil {
			t.Fatal(err)
		}
		for j, p := range people {
			status := model.Absent
			if j < n {
				status = model.Present
			}
			f.Mark(last, p, status)
		}
	}
	svc := notes.New(st.DB, testdb.Now, notes.NewJournal(filepath.Join(t.TempDir(), "drafts")))
	if _, err := svc.Save(last.ID, model.Shared, smallNotes); err != nil {
		t.Fatal(err)
	}
	if n := f.Count("action_items"); n != 2 {
		t.Fatalf("action items from the notes = %d, want 2", n)
	}
	return small{w: world{db: st.DB, f: f, year: testdb.Year{Circle: c, People: people}}, session: last}
}

func (s small) build(t *testing.T, opt export.Options) export.Summary { return s.w.build(t, opt) }

// Summaries speak to people: "Group circle", "Active", "Co-leader" and
// "Held", not the stored values.
func TestSummariesShowLabels(t *testing.T) {
	s := newSmall(t).build(t, export.Options{})
	md := string(render(t, s, "md"))
	for _, want := range []string{"**Kind:** Group circle", "**Status:** Active", "— Co-leader", "— Leader", "· Held ·"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	for _, raw := range []string{"**Kind:** group", "**Status:** active", "— co-leader", "· held ·"} {
		if strings.Contains(md, raw) {
			t.Errorf("Markdown shows the raw value %q", raw)
		}
	}
	page := string(render(t, s, "html"))
	for _, want := range []string{"<dt>Kind</dt><dd>Group circle</dd>", "<dt>Status</dt><dd>Active</dd>", "<td>Co-leader</td>", "<td>Held</td>"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	text := pdfText(t, renderPDF(t, s, "A4"))
	for _, want := range []string{"Group circle", "Active", "Co-leader", "Held"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for _, raw := range []regexp.Regexp{*regexp.MustCompile(`Kind\s+group`), *regexp.MustCompile(`Status\s+active`), *regexp.MustCompile(`\bco-leader\b`), *regexp.MustCompile(`· held ·`)} {
		if raw.MatchString(text) {
			t.Errorf("PDF text shows the raw value %s", raw.String())
		}
	}
}

// A task line that became an action item is listed once, under Action
// items; the highlights keep the rest of the notes, and a task line that
// made no item.
func TestActionLinesListedOnce(t *testing.T) {
	s := newSmall(t).build(t, export.Options{})
	for _, format := range []string{"md", "html", "pdf"} {
		var text string
		if format == "pdf" {
			text = pdfText(t, renderPDF(t, s, "A4"))
		} else {
			text = readableOnce(t, format, render(t, s, format))
		}
		for _, item := range []string{"Prepare the Q3 demo script", "Book the big room"} {
			if n := strings.Count(text, item); n != 1 {
				t.Errorf("%s lists %q %d times, want once", format, item, n)
			}
		}
		for _, kept := range []string{"We looked at the Q3 demo.", "Ana will lead it.", "Still typing this line"} {
			if !strings.Contains(text, kept) {
				t.Errorf("%s lost %q from the highlights", format, kept)
			}
		}
	}
}

// readableOnce is a file's text as a reader sees it, each string once:
// Markdown without its escapes, HTML's text nodes.
func readableOnce(t *testing.T, format string, file []byte) string {
	t.Helper()
	full := readable(t, format, file)
	return full[len(file)+1:]
}

// Every bar of the PDF's session chart carries its session number and how
// many attended, as pdftotext reads them back.
func TestPDFSessionChartIsLabelled(t *testing.T) {
	s := newSmall(t).build(t, export.Options{})
	text := pdfText(t, renderPDF(t, s, "A4"))
	start := strings.Index(text, "Members attending each held session")
	end := strings.Index(text[start+1:], "Sessions\n")
	if start < 0 || end < 0 {
		t.Fatalf("no session chart in:\n%s", text)
	}
	words := strings.Fields(text[start : start+1+end])
	count := map[string]int{}
	for _, w := range words {
		count[w]++
	}
	for n := 1; n <= len(attended); n++ {
		if count[fmt.Sprint(n)] == 0 {
			t.Errorf("session %d has no label under its bar; chart text: %q", n, words)
		}
	}
	// Above each bar, how many attended: the sessions with 0 and with 2.
	if count["0"] < 2 || count["2"] < 3 {
		t.Errorf("the bars' values are missing: %q", words)
	}
	if count["Session"] == 0 {
		t.Errorf("the chart's axis is not named: %q", words)
	}
}

func TestSessionChartsLabelEveryBar(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{})
	text := pdfText(t, renderPDF(t, s, "A4"))
	for _, ses := range s.Sessions {
		if ses.Held() && !regexp.MustCompile(`\b`+fmt.Sprint(ses.Number)+`\b`).MatchString(text) {
			t.Errorf("session %d is not labelled", ses.Number)
		}
	}
	page := string(render(t, s, "html"))
	for _, ses := range s.Sessions {
		if ses.Held() && !strings.Contains(page, fmt.Sprintf(">%d</text>", ses.Number)) {
			t.Errorf("HTML chart: session %d has no label under its bar", ses.Number)
		}
	}
}

// The roster CSV has each member's email, unless members are anonymized.
func TestRosterCSVHasEmails(t *testing.T) {
	sm := newSmall(t)
	rows := readCSV(t, render(t, sm.build(t, export.Options{}), "csv:roster"))
	if rows[0][1] != "Email" {
		t.Fatalf("roster head = %q, want Email second", rows[0])
	}
	emails := map[string]string{}
	for _, r := range rows[1:] {
		emails[r[0]] = r[1]
	}
	if emails["Ana Muñoz"] != "person0@example.org" || emails["Zoë Ibáñez"] != "person2@example.org" {
		t.Errorf("roster emails = %v", emails)
	}
	anon := string(render(t, sm.build(t, export.Options{Anonymize: true}), "csv:roster"))
	if strings.Contains(anon, "Email") || strings.Contains(anon, "@example.org") {
		t.Errorf("an anonymized roster has emails:\n%s", anon)
	}
}

// An export range with two bad dates names both.
func TestExportRangeShowsEveryError(t *testing.T) {
	sm := newSmall(t)
	svc := export.New(sm.w.db, testdb.Now)
	_, err := svc.File(sm.w.year.Circle.ID, export.Request{Format: "md", Period: "range", From: "1850-01-01", To: "2999-01-01"})
	testdb.WantFields(t, err, "from", "to")
	_, err = svc.Preview(sm.w.year.Circle.ID, export.Request{Format: "md", Period: "range", From: "2026-13-01", To: "2999-01-01"})
	testdb.WantFields(t, err, "from", "to")
	_, err = svc.File(sm.w.year.Circle.ID, export.Request{Format: "md", Period: "range", From: "2026-12-01", To: "2026-01-01"})
	testdb.WantError(t, err, apperr.Invalid, "to")
}
