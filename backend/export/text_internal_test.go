package export

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
)

// TestEscReadsAsTyped puts escaped text in a list item, renders it as
// CommonMark and with GitHub's extensions, and parses the HTML: the reader
// must see exactly the text, as text (GitHub may still link a bare address).
func TestEscReadsAsTyped(t *testing.T) {
	inputs := []string{
		"*bold* and _it_", "# not a heading", "1. not a list", "2) nor this", "- dash", "+ plus", "= equals", "> quote",
		"<b>raw</b> <https://x.example>", "[link](https://x.example) ![img](x.png)", "`code`", `back\slash`,
		"&amp; &#65;", "~~strike~~", "| a | b |", "Zoë *Star* O'Brien", "Kenji #1 Tanaka", "=Eve Formula", "www.example.com",
		"two\nlines",
	}
	for _, md := range []goldmark.Markdown{goldmark.New(), goldmark.New(goldmark.WithExtensions(extension.GFM))} {
		for _, in := range inputs {
			var out bytes.Buffer
			if err := md.Convert([]byte("- "+esc(in)+"\n"), &out); err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(&out)
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				switch {
				case n.Type == html.TextNode:
					got.WriteString(n.Data)
				case n.Type == html.ElementNode && !slices.Contains([]string{"html", "head", "body", "ul", "li", "a"}, n.Data):
					t.Errorf("esc(%q) = %q renders a <%s>", in, esc(in), n.Data)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			if want := strings.ReplaceAll(in, "\n", " "); strings.TrimSpace(got.String()) != want {
				t.Errorf("esc(%q) = %q reads %q", in, esc(in), got.String())
			}
		}
	}
}

func TestDemoteAndQuote(t *testing.T) {
	body := "# One\n\nText\n\n## Two ##\n\n- # In a list\n\n> ###### Six\n\n```\n# not a heading\n"
	want := "#### One\n\nText\n\n##### Two ##\n\n- #### In a list\n\n> ###### Six\n\n```\n# not a heading\n"
	if got := demote(body, 4); got != want {
		t.Errorf("demote\n got %q\nwant %q", got, want)
	}
	if got, want := quote("a\n\n\tcode\n  \tmore\n"), "> a\n>\n>     code\n>     more\n"; got != want {
		t.Errorf("quote\n got %q\nwant %q", got, want)
	}
}

func TestScrubber(t *testing.T) {
	s := newScrubber([]person{
		{ID: 1, Name: "Lucía Muñoz", Email: "lucia@example.org"},
		{ID: 2, Name: "Nguyễn Thị Lan"},
		{ID: 3, Name: "Ludwig van Beethoven"},
		{ID: 4, Name: "Lucía Pérez"},
		{ID: 5, Name: "Łukasz Wróbel"},
	})
	tests := []struct{ in, want string }{
		{"Muñoz and Munoz met LUCÍA MUÑOZ and lucia munoz", "Member 1 and Member 1 met Member 1 and Member 1"},
		{"Lucía said", "a member said"}, // two Lucías: which one is unknown
		{"@lucía and @Lucia", "a member and a member"},
		{"Lan's plan, Landing, Thị", "Member 2's plan, Landing, Member 2"},
		{"van Beethoven came; Beethoven and van Gogh", "Member 3 came; Member 3 and van Gogh"}, // the particle goes with the surname
		{"Lukasz and Łukasz Wróbel, Wrobel", "Member 5 and Member 5, Member 5"},
		{"mail lucia@example.org now", "mail Member 1 now"},
		{"Lucía\u0301 decomposed: Luci\u0301a Mun\u0303oz", "a member decomposed: Member 1"}, // composed first; an extra accent is still Lucía
		{"nothing to see", "nothing to see"},
	}
	for _, tt := range tests {
		if got := s.replace(tt.in); got != tt.want {
			t.Errorf("replace(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
