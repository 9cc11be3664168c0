package export

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"circlebook/backend/notes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

//go:embed summary.html.tmpl
var pageSource string

// page is the HTML summary: one self-contained file with its style inline,
// SVG charts, no script, and a Content-Security-Policy that forbids every
// fetch but inline data images. html/template escapes everything but the
// notes, which come sanitized from notes.Render and then offline.
var page = template.Must(template.New("summary").Funcs(template.FuncMap{
	"percent":     percent,
	"human":       human,
	"marks":       marks,
	"when":        Session.when,
	"join":        func(s []string) string { return strings.Join(s, ", ") },
	"owner":       OwnerActions.ownerName,
	"counts":      OwnerActions.counts,
	"detail":      Action.detail,
	"goal":        Goal.label,
	"figures":     Goal.figures,
	"skillsIntro": func() string { return skillsIntro },
	"href":        func(s string) string { u, _ := webURL(s); return u },
	"num":         func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
}).Parse(pageSource))

type htmlView struct {
	S                      Summary
	Generated, Meets, Runs string
	Open, Overdue          int
	MemberChart            chart
	SessionCharts          []chart
	Highlights             []htmlNote
}

type htmlNote struct {
	Label string
	HTML  template.HTML
}

// HTML renders a summary as one self-contained HTML file, readable on a
// phone and printable.
func HTML(s Summary) ([]byte, error) {
	v := htmlView{S: s, Generated: s.generated(), Meets: s.Circle.meets(), Runs: s.Circle.runs(),
		MemberChart: memberChart(s.Members), SessionCharts: sessionCharts(s.Sessions, len(s.Members))}
	v.Open, v.Overdue = s.OpenActions()
	for _, h := range s.Highlights {
		body, err := notes.Render(h.Body)
		if err != nil {
			return nil, err
		}
		v.Highlights = append(v.Highlights, htmlNote{Label: h.label(), HTML: template.HTML(offline(body))})
	}
	var b bytes.Buffer
	if err := page.Execute(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// webURL returns s when it is an absolute http or https address.
func webURL(s string) (string, bool) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return s, true
}

// fetching lists attributes with which an element loads something by itself.
var fetching = map[string]bool{"src": true, "srcset": true, "poster": true, "background": true, "lowsrc": true,
	"dynsrc": true, "data": true, "ping": true, "action": true, "formaction": true, "xlink:href": true}

// offline rewrites sanitized note HTML so that opening the file fetches
// nothing: a web image becomes a link to it (its alt text as the label),
// other attributes that load things go, and every link opens with
// rel="noopener noreferrer".
func offline(fragment string) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	for {
		if z.Next() == html.ErrorToken {
			return b.String()
		}
		tok := z.Token()
		if tok.Type != html.StartTagToken && tok.Type != html.SelfClosingTagToken {
			b.WriteString(tok.String())
			continue
		}
		switch tok.DataAtom {
		case atom.Img:
			b.WriteString(image(tok))
			continue
		case atom.A:
			tok.Attr = append(without(tok.Attr, "rel"), html.Attribute{Key: "rel", Val: "noopener noreferrer"})
		}
		b.WriteString(html.Token{Type: tok.Type, DataAtom: tok.DataAtom, Data: tok.Data, Attr: withoutFetching(tok.Attr)}.String())
	}
}

// image keeps an inline data image and turns any other into a link or its alt text.
func image(tok html.Token) string {
	var src, alt string
	for _, a := range tok.Attr {
		switch a.Key {
		case "src":
			src = a.Val
		case "alt":
			alt = a.Val
		}
	}
	if strings.HasPrefix(src, "data:image/") {
		return html.Token{Type: html.SelfClosingTagToken, DataAtom: atom.Img, Data: "img",
			Attr: []html.Attribute{{Key: "src", Val: src}, {Key: "alt", Val: alt}}}.String()
	}
	label := alt
	if label == "" {
		label = "image"
	}
	u, ok := webURL(src)
	if !ok {
		return html.EscapeString(alt)
	}
	a := html.Token{Type: html.StartTagToken, DataAtom: atom.A, Data: "a",
		Attr: []html.Attribute{{Key: "href", Val: u}, {Key: "rel", Val: "noopener noreferrer"}}}
	return a.String() + html.EscapeString("[image: "+label+"]") + "</a>"
}

func without(attrs []html.Attribute, key string) []html.Attribute {
	out := attrs[:0:0]
	for _, a := range attrs {
		if a.Key != key {
			out = append(out, a)
		}
	}
	return out
}

func withoutFetching(attrs []html.Attribute) []html.Attribute {
	out := attrs[:0:0]
	for _, a := range attrs {
		if !fetching[strings.ToLower(a.Key)] {
			out = append(out, a)
		}
	}
	return out
}
