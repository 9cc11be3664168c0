package export_test

import (
	"bytes"
	"testing"

	"circlebook/backend/export"

	"golang.org/x/net/html"
)

// The HTML summary's task checkboxes keep the name of their line, so the file
// passes axe-core's "label" rule when a member opens it.
func TestHTMLTaskCheckboxesAreNamed(t *testing.T) {
	s := export.Summary{Highlights: []export.Highlight{{SessionNumber: 1, Date: "2026-11-03", Body: "- [ ] Send the deck\n- [x] Book the room\n"}}}
	file, err := export.HTML(s)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	eachNode(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "input" {
			names = append(names, attrOf(n, "aria-label"))
		}
	})
	if len(names) != 2 || names[0] != "Send the deck" || names[1] != "Book the room" {
		t.Errorf("checkboxes named %q, want the two task lines", names)
	}
}
