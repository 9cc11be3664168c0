package notes

import (
	"bytes"
	"reflect"
	"regexp"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// markdown renders CommonMark with GitHub's tables, strikethrough, task lists
// and autolinks. Raw HTML in the source is shown as text, never passed through.
var markdown = goldmark.New(goldmark.WithParser(TextParser()), goldmark.WithExtensions(extension.GFM),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(taskBoxRenderer, rawHTMLRenderer)))

// policy is what may reach the page: bluemonday's policy for user content
// plus the disabled, named checkboxes of task lists. Scripts, event handlers, styles,
// iframes, SVG and javascript:/data: links are all removed.
var policy = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^checkbox$`)).OnElements("input")
	p.AllowAttrs("checked", "disabled", "aria-label").OnElements("input")
	p.RequireNoReferrerOnLinks(true)
	return p
}()

// Render turns Markdown into sanitized HTML, safe to put in the page.
func Render(src string) (string, error) {
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	return policy.Sanitize(buf.String()), nil
}

// TextParser is CommonMark's parser without HTML blocks: a line that starts
// with a tag (<Ana> propone algo) stays a paragraph, its Markdown and the
// lines after it kept, and the tag is inline raw HTML, which Render shows as text.
func TextParser() parser.Parser {
	htmlBlock := reflect.TypeOf(parser.NewHTMLBlockParser())
	var blocks []util.PrioritizedValue
	for _, b := range parser.DefaultBlockParsers() {
		if reflect.TypeOf(b.Value) != htmlBlock {
			blocks = append(blocks, b)
		}
	}
	return parser.NewParser(parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
}

// rawHTMLAsText writes raw HTML as the text that was typed, escaped, where
// goldmark would omit it: text that looks like a tag shows, and runs nothing.
type rawHTMLAsText struct{}

// rawHTMLRenderer is rawHTMLAsText at a priority that wins over goldmark's HTML renderer (1000).
var rawHTMLRenderer = util.Prioritized(rawHTMLAsText{}, 100)

// RegisterFuncs implements renderer.NodeRenderer.
func (rawHTMLAsText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
}

func renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		segs := node.(*ast.RawHTML).Segments
		for i := range segs.Len() {
			seg := segs.At(i)
			if _, err := w.Write(util.EscapeHTML(seg.Value(source))); err != nil {
				return ast.WalkStop, err
			}
		}
	}
	return ast.WalkSkipChildren, nil
}
