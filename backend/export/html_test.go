package export_test

import (
	"bytes"
	"strings"
	"testing"

	"circlebook/backend/export"

	"golang.org/x/net/html"
)

const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

// TestHTMLIsSelfContainedAndInert parses the HTML summary and checks that it
// runs nothing and fetches nothing: no script, no event handler, no
// external source, only links the user wrote (with rel="noopener
// noreferrer"), and a strict CSP.
func TestHTMLIsSelfContainedAndInert(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	for _, opt := range optionSets {
		s := w.build(t, opt)
		file := render(t, s, "html")
		if !bytes.HasPrefix(file, []byte("<!doctype html>")) {
			t.Errorf("%+v: starts %q", opt, file[:20])
		}
		doc, err := html.Parse(bytes.NewReader(file))
		if err != nil {
			t.Fatal(err)
		}
		count := map[string]int{}
		cspFound, styles := false, ""
		eachNode(doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			count[n.Data]++
			switch n.Data {
			case "script", "iframe", "object", "embed", "link", "base", "form", "frame", "audio", "video", "source", "img":
				t.Errorf("%+v: a <%s> element", opt, n.Data)
			case "style":
				styles += textOf(n)
			case "meta":
				if attrOf(n, "http-equiv") == "Content-Security-Policy" {
					cspFound = attrOf(n, "content") == csp
				}
			case "a":
				href := attrOf(n, "href")
				if strings.HasPrefix(href, "http") && attrOf(n, "rel") != "noopener noreferrer" {
					t.Errorf("%+v: link to %s has rel %q", opt, href, attrOf(n, "rel"))
				}
				if !strings.HasPrefix(href, "http://") && !strings.HasPrefix(href, "https://") && !strings.HasPrefix(href, "mailto:") && !strings.HasPrefix(href, "#") {
					t.Errorf("%+v: a link to %q", opt, href)
				}
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(key, "on"):
					t.Errorf("%+v: <%s %s=%q>", opt, n.Data, a.Key, a.Val)
				case key == "src" || key == "srcset" || key == "xlink:href" || key == "style" || key == "formaction" || key == "poster":
					t.Errorf("%+v: <%s %s=%q>", opt, n.Data, a.Key, a.Val)
				case key == "href" && n.Data != "a":
					t.Errorf("%+v: <%s href=%q>", opt, n.Data, a.Val)
				}
			}
		})
		if !cspFound {
			t.Errorf("%+v: no CSP meta with %q", opt, csp)
		}
		if !strings.Contains(styles, "@media print") || strings.Contains(styles, "url(") || strings.Contains(styles, "@import") {
			t.Errorf("%+v: the style must print well and load nothing", opt)
		}
		if want := 1 + (s.HeldCount()+25)/26; count["svg"] != want || count["rect"] < len(s.Members)+s.HeldCount() {
			t.Errorf("%+v: %d charts with %d bars; want %d, the member chart and session charts of 26 columns at most", opt, count["svg"], count["rect"], want)
		}
		if want := len(s.Highlights); count["article"] != want {
			t.Errorf("%+v: %d highlight articles, want %d", opt, count["article"], want)
		}
	}
}

// TestHTMLNotes checks the hostile parts of the notes: scripts and raw HTML
// shown as text, never markup, javascript: links gone, a web image turned
// into a plain link, the user's links kept.
func TestHTMLNotes(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	file := render(t, w.build(t, export.Options{}), "html")
	doc, err := html.Parse(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	links := map[string]string{}
	eachNode(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			links[attrOf(n, "href")] = textOf(n)
		}
	})
	for href, text := range map[string]string{
		"https://example.org/guide":               "a useful guide",
		"https://tracker.example/p.png":           "[image: tracking pixel]",
		"https://meet.example.org/product-circle": "https://meet.example.org/product-circle",
	} {
		if links[href] != text {
			t.Errorf("link to %s reads %q, want %q", href, links[href], text)
		}
	}
	if bytes.Contains(file, []byte("javascript:")) {
		t.Error(`the page contains "javascript:"`)
	}
	text := htmlText(t, file)
	for _, typed := range []string{`<script>alert('x')</script>`, `<img src="https://tracker.example/pixel.png" onerror="alert(1)">`,
		`<a href="https://example.org/raw" onclick="alert(2)">raw link</a>`} {
		if !strings.Contains(text, typed) {
			t.Errorf("the page does not show %q as text", typed)
		}
	}
	eachNode(doc, func(n *html.Node) {
		for _, a := range n.Attr {
			for _, bad := range []string{"alert(", "pixel.png", "https://example.org/raw"} {
				if strings.Contains(a.Val, bad) {
					t.Errorf("<%s %s=%q>: raw HTML became markup", n.Data, a.Key, a.Val)
				}
			}
		}
	})
	if !bytes.Contains(file, []byte("Zoë *Star* O&#39;Brien")) {
		t.Error("names are HTML-escaped text, Markdown characters and all")
	}
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
