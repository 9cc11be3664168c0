package notes_test

import (
	"testing"

	"circlebook/backend/notes"

	"golang.org/x/net/html"
)

// A task line's checkbox is named by the line's text, so a screen reader
// says what the task is (axe-core's "label" rule) wherever notes are shown.
func TestTaskCheckboxesAreNamedByTheirLine(t *testing.T) {
	out, err := notes.Render("- [ ] Send the **deck** to `Ana` due:friday\n- [x] Book [the room](https://example.org)\n- plain item\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var checked []bool
	walk(parse(t, out), func(n *html.Node) {
		if n.Data != "input" {
			return
		}
		label, ok := attr(n, "aria-label")
		if !ok {
			t.Errorf("a checkbox without aria-label in %s", out)
		}
		got = append(got, label)
		_, c := attr(n, "checked")
		checked = append(checked, c)
	})
	want := []string{"Send the deck to Ana due:friday", "Book the room"}
	if len(got) != len(want) {
		t.Fatalf("checkboxes named %q, want %q\n%s", got, want, out)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("checkbox %d named %q, want %q", i, got[i], want[i])
		}
	}
	if checked[0] || !checked[1] {
		t.Errorf("checked states %v, want [false true]", checked)
	}
}

// A task's text that looks like markup is a name, never markup.
func TestTaskCheckboxLabelIsEscaped(t *testing.T) {
	out, err := notes.Render("- [ ] say \"hi\" & <b onmouseover=x>bye</b>\n")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	walk(parse(t, out), func(el *html.Node) {
		if el.Data == "b" {
			t.Errorf("markup reached the page: %s", out)
		}
		if el.Data == "input" {
			n++
			if label, _ := attr(el, "aria-label"); label == "" || len(el.Attr) > 4 {
				t.Errorf("checkbox attributes %v in %s", el.Attr, out)
			}
		}
	})
	if n != 1 {
		t.Errorf("%d checkboxes in %s", n, out)
	}
}
