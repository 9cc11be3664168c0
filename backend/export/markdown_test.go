package export_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"circlebook/backend/export"

	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
)

type heading struct {
	level int
	text  string
}

// readMarkdown converts Markdown to HTML as CommonMark and parses that, so
// tests see what a reader of the rendered document sees, escapes resolved.
func readMarkdown(t *testing.T, md []byte) *html.Node {
	t.Helper()
	var out bytes.Buffer
	if err := goldmark.Convert(md, &out); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// outline returns the headings of Markdown, in order.
func outline(t *testing.T, md []byte) []heading {
	t.Helper()
	var hs []heading
	eachNode(readMarkdown(t, md), func(n *html.Node) {
		if n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			hs = append(hs, heading{int(n.Data[1] - '0'), textOf(n)})
		}
	})
	return hs
}

func textOf(n *html.Node) string {
	var b strings.Builder
	eachNode(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

func TestMarkdownSections(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{})
	md := render(t, s, "md")
	hs := outline(t, md)
	var top []string
	highlights, owners, section := 0, 0, ""
	for _, h := range hs {
		switch h.level {
		case 1:
			if h.text != "Product Leadership Circle — circle summary" {
				t.Errorf("title %q", h.text)
			}
		case 2:
			top, section = append(top, h.text), h.text
		case 3:
			if section == "Highlights" {
				highlights++
			} else if section == "Action items" {
				owners++
			}
		}
		if h.level < 4 && section == "Highlights" && h.level != 2 && !strings.HasPrefix(h.text, "Session ") {
			t.Errorf("a note's heading %q is at level %d: notes must sit below the summary's headings", h.text, h.level)
		}
	}
	want := []string{"Circle", "At a glance", "Members", "Sessions", "Topics covered", "Highlights", "Action items"}
	if !slices.Equal(top, want) {
		t.Errorf("sections %q, want %q (an unclosed fence or comment in a note must not swallow the rest)", top, want)
	}
	if highlights != len(s.Highlights) || owners != len(s.Actions) {
		t.Errorf("%d highlight headings for %d highlights, %d owner headings for %d owners", highlights, len(s.Highlights), owners, len(s.Actions))
	}
	for _, name := range []string{"Zoë *Star* O'Brien", "Kenji #1 Tanaka", "=Eve Formula", "Nguyễn Thị Lan", "Agnieszka Dąbrowska"} {
		if !strings.Contains(listText(t, md, "Members"), name) {
			t.Errorf("the members list does not read %q", name)
		}
	}
}

// listText returns the reader's text of the list under a level-2 heading.
func listText(t *testing.T, md []byte, section string) string {
	t.Helper()
	var out string
	eachNode(readMarkdown(t, md), func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "h2" && textOf(n) == section {
			for c := n.NextSibling; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					if c.Data == "ul" {
						out = textOf(c)
					}
					return
				}
			}
		}
	})
	if out == "" {
		t.Fatalf("no list under %q", section)
	}
	return out
}

func TestMarkdownFiguresOnlyAndEmpty(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{FiguresOnly: true, From: "2027-01-01"})
	hs := outline(t, render(t, s, "md"))
	for _, h := range hs {
		if h.text == "Highlights" || h.level == 3 {
			t.Errorf("figures only: heading %q", h.text)
		}
	}
	if len(s.Sessions) != 0 || len(s.Members) != 14 {
		t.Errorf("a period after the circle: %d sessions, %d members", len(s.Sessions), len(s.Members))
	}
}
