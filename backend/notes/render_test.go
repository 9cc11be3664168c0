package notes_test

import (
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/notes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parse parses rendered HTML as a fragment of the page's body.
func parse(t *testing.T, out string) []*html.Node {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(out), body)
	if err != nil {
		t.Fatalf("parse %q: %v", out, err)
	}
	return nodes
}

// walk calls visit on every element in nodes and below.
func walk(nodes []*html.Node, visit func(*html.Node)) {
	for _, n := range nodes {
		var rec func(*html.Node)
		rec = func(n *html.Node) {
			if n.Type == html.ElementNode {
				visit(n)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				rec(c)
			}
		}
		rec(n)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// elements lists the tags rendered, in document order.
func elements(t *testing.T, out string) []string {
	t.Helper()
	var tags []string
	walk(parse(t, out), func(n *html.Node) { tags = append(tags, n.Data) })
	return tags
}

func has(tags []string, tag string) bool {
	for _, t := range tags {
		if t == tag {
			return true
		}
	}
	return false
}

func render(t *testing.T, src string) string {
	t.Helper()
	out, err := notes.Render(src)
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return out
}

func TestRenderMarkdown(t *testing.T) {
	tests := []struct {
		name string
		src  string
		tags []string // elements that must appear
	}{
		{"heading", "# Session 4\n", []string{"h1"}},
		{"list", "- one\n- two\n", []string{"ul", "li"}},
		{"numbered list", "1. one\n2. two\n", []string{"ol", "li"}},
		{"emphasis", "*soft* and **strong** and ~~gone~~\n", []string{"em", "strong", "del"}},
		{"table", "| who | what |\n|-----|------|\n| Ana | brief |\n", []string{"table", "thead", "tbody", "tr", "th", "td"}},
		{"code", "```\nx := 1\n```\n", []string{"pre", "code"}},
		{"quote", "> said well\n", []string{"blockquote"}},
		{"link", "[docs](https://example.org/docs)\n", []string{"a"}},
		{"autolink", "see https://example.org/x today\n", []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, tt.src)
			tags := elements(t, out)
			for _, want := range tt.tags {
				if !has(tags, want) {
					t.Errorf("Render(%q) = %q, want a <%s>", tt.src, out, want)
				}
			}
		})
	}
}

func TestRenderTaskList(t *testing.T) {
	out := render(t, "- [ ] open\n- [x] done\n")
	var boxes []map[string]string
	walk(parse(t, out), func(n *html.Node) {
		if n.Data != "input" {
			return
		}
		m := map[string]string{}
		for _, a := range n.Attr {
			m[a.Key] = a.Val
		}
		boxes = append(boxes, m)
	})
	if len(boxes) != 2 {
		t.Fatalf("Render = %q, want two checkboxes", out)
	}
	for i, b := range boxes {
		_, disabled := b["disabled"]
		_, checked := b["checked"]
		if b["type"] != "checkbox" || !disabled || checked != (i == 1) {
			t.Errorf("checkbox %d = %v, want a disabled checkbox, checked only for the done item", i, b)
		}
	}
}

func TestRenderLinksGetNoReferrer(t *testing.T) {
	for _, src := range []string{"[docs](https://example.org/docs)\n", "https://example.org/x\n", "<https://example.org/y>\n"} {
		out := render(t, src)
		links := 0
		walk(parse(t, out), func(n *html.Node) {
			if n.Data != "a" {
				return
			}
			links++
			if rel, _ := attr(n, "rel"); !strings.Contains(rel, "noreferrer") {
				t.Errorf("Render(%q) = %q: link rel %q, want noreferrer", src, out, rel)
			}
			if href, _ := attr(n, "href"); !strings.HasPrefix(href, "https://example.org/") {
				t.Errorf("Render(%q) = %q: href %q lost", src, out, href)
			}
		})
		if links != 1 {
			t.Errorf("Render(%q) = %q, want one link", src, out)
		}
	}
}

func TestRenderNeutralisesHostileInput(t *testing.T) {
	hostile := []string{
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`[x](javascript:alert(1))`,
		`[x](JaVaScRiPt:alert(1))`,
		`[x](  javascript:alert(1))`,
		`[x](java&#x09;script:alert(1))`,
		`[x](data:text/html;base64,PHNjcmlwdD4=)`,
		`![x](data:image/svg+xml;base64,PHN2Zz4=)`,
		`<svg onload=alert(1)>`,
		`<iframe src=//evil></iframe>`,
		`<a href="https://e.org" onclick="x()">e</a>`,
		`<style>body{display:none}</style>`,
		`<object data="x.swf"></object>`,
		`<embed src="x.swf">`,
		`<form action="https://evil"><input name=p></form>`,
		`<meta http-equiv="refresh" content="0;url=https://evil">`,
		`<base href="https://evil/">`,
		`<link rel=stylesheet href=https://evil/x.css>`,
		`<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
		`<div style="background:url(javascript:alert(1))">x</div>`,
		"# Title <script>alert(1)</script>\n\n| a |\n|---|\n| <img src=x onerror=alert(1)> |\n",
		"- [ ] <iframe src=//evil></iframe>\n",
		"[x](https://e.org \"title\" onclick=alert(1))",
		"<!-- <script>alert(1)</script> -->",
	}
	banned := map[string]bool{"script": true, "iframe": true, "svg": true, "object": true, "embed": true, "style": true,
		"form": true, "meta": true, "base": true, "link": true, "math": true, "frame": true, "frameset": true}
	for _, src := range hostile {
		t.Run(src, func(t *testing.T) {
			out := render(t, src)
			walk(parse(t, out), func(n *html.Node) {
				if banned[n.Data] {
					t.Errorf("Render(%q) = %q: has a <%s>", src, out, n.Data)
				}
				if n.Data == "input" {
					if typ, _ := attr(n, "type"); typ != "checkbox" {
						t.Errorf("Render(%q) = %q: has an <input type=%q>", src, out, typ)
					}
				}
				for _, a := range n.Attr {
					key := strings.ToLower(a.Key)
					val := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
					if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" || key == "formaction" {
						t.Errorf("Render(%q) = %q: <%s> has %s=%q", src, out, n.Data, a.Key, a.Val)
					}
					if strings.Contains(val, "javascript:") || strings.Contains(val, "data:") || strings.Contains(val, "vbscript:") {
						t.Errorf("Render(%q) = %q: <%s> has %s=%q", src, out, n.Data, a.Key, a.Val)
					}
				}
			})
		})
	}
}

func TestPreview(t *testing.T) {
	e := setup(t)
	out, err := e.svc.Preview("# Hi <script>alert(1)</script>\n")
	if err != nil {
		t.Fatal(err)
	}
	tags := elements(t, out)
	if !has(tags, "h1") || has(tags, "script") {
		t.Errorf("Preview = %q, want the heading without the script", out)
	}
	_, err = e.svc.Preview(strings.Repeat("a", check.MaxNote+1))
	testdb.WantError(t, err, apperr.TooLong, "body")
}

// textOf is the text a reader sees in rendered HTML, with runs of spaces as one.
func textOf(t *testing.T, out string) string {
	t.Helper()
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	for _, n := range parse(t, out) {
		rec(n)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestRenderShowsHTMLAsText(t *testing.T) {
	tests := []struct {
		src  string
		text string   // what the reader sees, spaces collapsed
		tags []string // elements that must still appear
	}{
		{"<Ana> propone algo\nsegunda línea\n\ntercera\n", "<Ana> propone algo segunda línea tercera", []string{"p"}},
		{"<Ana>\nsegunda **línea**\n\ntercera\n", "<Ana> segunda línea tercera", []string{"p", "strong"}},
		{"Hola <Lars>, ¿qué tal?\n", "Hola <Lars>, ¿qué tal?", nil},
		{"hola <b>x</b> y\n", "hola <b>x</b> y", nil},
		{"<div>x</div>\nmás\n", "<div>x</div> más", nil},
		{"<!-- aparte -->\nvisible\n", "<!-- aparte --> visible", nil},
		{"<script>alert(1)</script>\nnext\n", "<script>alert(1)</script> next", nil},
		{"- [ ] <Zoë> preparar la demo\n- dos\n", "<Zoë> preparar la demo dos", []string{"li", "input"}},
		{"> <Ana> dijo\n", "<Ana> dijo", []string{"blockquote"}},
		{"`<Ana>` en código\n", "<Ana> en código", []string{"code"}},
		{"see <https://example.org/y>\n", "see https://example.org/y", []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			out := render(t, tt.src)
			if got := textOf(t, out); got != tt.text {
				t.Errorf("Render(%q) = %q\nreads %q, want %q", tt.src, out, got, tt.text)
			}
			tags := elements(t, out)
			for _, want := range tt.tags {
				if !has(tags, want) {
					t.Errorf("Render(%q) = %q, want a <%s>", tt.src, out, want)
				}
			}
			for _, tag := range tags {
				if tag == "div" || tag == "b" || tag == "script" || tag == "ana" {
					t.Errorf("Render(%q) = %q: the source's <%s> became an element", tt.src, out, tag)
				}
			}
		})
	}
}
