package export_test

import (
	"bytes"
	"strings"
	"testing"

	"circlebook/backend/export"
	"circlebook/backend/notes"

	"golang.org/x/net/html"
)

// htmlText is only the text of an HTML file, as a reader sees it: no markup.
func htmlText(t *testing.T, file []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	eachNode(doc, func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data + "\n")
		}
	})
	return b.String()
}

// A note line that starts with something like a tag reads as typed in every
// format, and so do the lines after it: nothing vanishes, nothing runs.
func TestNotesShowHTMLAsText(t *testing.T) {
	body := "<Ana> propone algo\nsegunda **línea**\n\n<div>aparte</div>\n\n<Lars>\ntercera **parte**\n## Plan\n\nfin <b>x</b>\n"
	s := export.Summary{Highlights: []export.Highlight{{SessionNumber: 1, Date: "2026-11-03", Body: body}}}
	md := render(t, s, "md")
	preview, err := notes.Render(string(md))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"md":      string(md),
		"html":    htmlText(t, render(t, s, "html")),
		"pdf":     pdfText(t, renderPDF(t, s, "A4")),
		"preview": htmlText(t, []byte(preview)),
	}
	wants := map[string][]string{
		"md":      {"<Ana> propone algo", "segunda **línea**", "<div>aparte</div>", "<Lars>", "tercera **parte**", "fin <b>x</b>"},
		"html":    {"<Ana> propone algo", "segunda línea", "<div>aparte</div>", "<Lars> tercera parte", "Plan", "fin <b>x</b>"},
		"pdf":     {"<Ana> propone algo", "segunda línea", "<div>aparte</div>", "<Lars> tercera parte", "Plan", "fin <b>x</b>"},
		"preview": {"<Ana> propone algo", "segunda línea", "<div>aparte</div>", "<Lars> tercera parte", "Plan", "fin <b>x</b>"},
	}
	for format, text := range files {
		text = strings.Join(strings.Fields(text), " ")
		for _, want := range wants[format] {
			if !strings.Contains(text, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%s: %q is missing from\n%s", format, want, text)
			}
		}
		if format != "md" && strings.Contains(text, "**") {
			t.Errorf("%s: Markdown after a tag line is shown raw:\n%s", format, text)
		}
	}
}
