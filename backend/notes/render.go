package notes

import (
	"bytes"
	"regexp"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// markdown renders CommonMark with GitHub's tables, strikethrough, task lists
// and autolinks. Raw HTML in the source is escaped, never passed through.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM))

// policy is what may reach the page: bluemonday's policy for user content
// plus the disabled checkboxes of task lists. Scripts, event handlers, styles,
// iframes, SVG and javascript:/data: links are all removed.
var policy = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^checkbox$`)).OnElements("input")
	p.AllowAttrs("checked", "disabled").OnElements("input")
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
