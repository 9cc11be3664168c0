package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	ics "github.com/arran4/golang-ical"
	"golang.org/x/net/html"
	"gorm.io/gorm"
)

// world is a database with a year-long circle, and a second small circle
// whose text must never appear in the first one's summary.
type world struct {
	db    *gorm.DB
	f     testdb.Fixture
	year  testdb.Year
	other string // a marker in the other circle's shared notes and actions
}

func newWorld(t testing.TB, zone string) world {
	t.Helper()
	st, f := testdb.New(t)
	w := world{db: st.DB, f: f, year: f.YearCircle("Product Leadership Circle", zone), other: "OTHER-CIRCLE-TEXT"}
	c := f.Circle("Another circle")
	p := f.Person("Someone Else")
	f.Member(c, p, model.RoleMentee)
	s := f.Session(c, "2026-03-03T18:00", model.SessionHeld)
	f.Note(s, model.Shared, w.other+" in a shared note\n")
	f.Mark(s, w.year.People[0], model.Present)
	f.Action(c, w.other+" in an action", func(a *model.ActionItem) { a.OwnerID = &w.year.People[0].ID })
	return w
}

func (w world) build(t testing.TB, opt export.Options) export.Summary {
	t.Helper()
	s, err := export.Build(w.db, w.year.Circle.ID, opt, testdb.Today)
	if err != nil {
		t.Fatalf("Build(%+v): %v", opt, err)
	}
	return s
}

// formats lists every file a summary renders to, by name.
var formats = []string{"md", "html", "ics", "csv:roster", "csv:attendance", "csv:actions"}

// render renders s in one format.
func render(t testing.TB, s export.Summary, format string) []byte {
	t.Helper()
	var out []byte
	var err error
	switch format {
	case "md":
		out, err = export.Markdown(s)
	case "html":
		out, err = export.HTML(s)
	case "ics":
		out, err = export.ICS(s)
	default:
		var b bytes.Buffer
		err = export.CSV(s, strings.TrimPrefix(format, "csv:"), &b)
		out = b.Bytes()
	}
	if err != nil {
		t.Fatalf("render %s: %v", format, err)
	}
	return out
}

// readable returns what a reader of the file sees: the raw bytes, then the
// text a real parser decodes from them (HTML text and attribute values, CSV
// cells, unfolded and unescaped iCalendar values, Markdown without escapes),
// so that no escaping or line folding can hide a string from a search.
func readable(t testing.TB, format string, file []byte) string {
	t.Helper()
	var b strings.Builder
	b.Write(file)
	b.WriteByte('\n')
	switch {
	case format == "md":
		b.WriteString(strings.ReplaceAll(string(file), `\`, ""))
	case format == "html":
		doc, err := html.Parse(bytes.NewReader(file))
		if err != nil {
			t.Fatalf("parse HTML: %v", err)
		}
		eachNode(doc, func(n *html.Node) {
			if n.Type == html.TextNode {
				b.WriteString(n.Data + "\n")
			}
			for _, a := range n.Attr {
				b.WriteString(a.Val + "\n")
			}
		})
	case format == "ics":
		for _, e := range parseICS(t, file).Events() {
			for _, p := range e.Properties {
				b.WriteString(p.Value + "\n")
			}
		}
	default:
		for _, row := range readCSV(t, file) {
			b.WriteString(strings.Join(row, "\n") + "\n")
		}
	}
	return b.String()
}

func eachNode(n *html.Node, visit func(*html.Node)) {
	visit(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		eachNode(c, visit)
	}
}

func parseICS(t testing.TB, file []byte) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(file))
	if err != nil {
		t.Fatalf("parse iCalendar: %v", err)
	}
	return cal
}

func readCSV(t testing.TB, file []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("read CSV: %v", err)
	}
	return rows
}
