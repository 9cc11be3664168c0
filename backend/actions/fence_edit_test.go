package actions_test

import (
	"testing"

	"circlebook/backend/actions"
	"circlebook/backend/model"
)

// Task lines inside fenced code blocks (``` and ~~~) are code, not action
// items (issue 11, item 7); the fence closes on a run of the same
// character at least as long.
func TestParseLinesSkipsFencedCode(t *testing.T) {
	body := "- [ ] before\n```\n- [ ] in backticks\n~~~\n- [ ] still in backticks\n```\n" +
		"~~~~ md\n- [x] in tildes\n~~~\n- [ ] still in tildes\n~~~~\n  ```\n- [ ] indented fence\n```\n- [ ] after\n"
	var got []string
	for _, l := range actions.ParseLines(body, wednesday) {
		got = append(got, l.Text)
	}
	if len(got) != 2 || got[0] != "before" || got[1] != "after" {
		t.Fatalf("lines = %q, want [before after]", got)
	}
}

// Fixing a typo in a ticked line keeps one done item, with the fixed text.
func TestEditingATickedLineKeepsOneDoneItem(t *testing.T) {
	l := setupLive(t)
	l.save(t, "- [x] send dekc @kwame\n")
	_, items := l.save(t, "- [x] send deck @kwame\n")
	var done []model.ActionItem
	for _, it := range items {
		if it.Status == model.ActionDone {
			done = append(done, it)
		}
	}
	if len(items) != 1 || len(done) != 1 || done[0].Text != "send deck @kwame" {
		t.Fatalf("items = %+v, want one done item 'send deck @kwame'", items)
	}
	// A second, new ticked line is a second item.
	if _, items = l.save(t, "- [x] send deck @kwame\n- [x] book room\n"); len(items) != 2 {
		t.Fatalf("items = %+v, want 2", items)
	}
}
