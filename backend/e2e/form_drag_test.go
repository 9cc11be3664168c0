package e2e_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// recordMoves keeps, in the page, every answer Go gives to pairing.Pairing.Move.
const recordMoves = `(() => { window.__moves = []; const send = window.fetch;
	window.fetch = async (url, init) => {
		const res = await send(url, init);
		if (init && typeof init.body === 'string' && JSON.parse(init.body).name === 'pairing.Pairing.Move') {
			window.__moves.push(await res.clone().json());
		}
		return res;
	}; return true })()`

// dragMember drags a person's row onto circle card `to` as a mouse would,
// with HTML5 drag events sharing one real DataTransfer, and says whether the
// row showed it was dragged, the card lit up (a dashed border) while the
// drag was over it, and whether any highlight was left after. (Whether the
// card took the drop shows in what Go was asked: the shell cancels every
// dragover and drop, so defaultPrevented says nothing here.)
const dragMember = `((person, to) => {
	const who = document.querySelector('li[data-person="' + person + '"] [data-testid=member-drag]');
	const card = document.querySelectorAll('[data-testid=form-circle]')[to];
	const dt = new DataTransfer();
	const fire = (el, type) => { const e = new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}); el.dispatchEvent(e); return e };
	fire(who, 'dragstart');
	const dragging = who.closest('li').classList.contains('is-dragging');
	fire(card, 'dragenter');
	fire(card.querySelector('[data-testid=form-circle-title]'), 'dragover');
	const lit = card.classList.contains('is-drop-target') && getComputedStyle(card).borderTopStyle === 'dashed';
	fire(card, 'drop');
	fire(who, 'dragend');
	const left = document.querySelectorAll('.is-drop-target, .is-dragging').length;
	return {dragging, lit, left};
})`

// dragResult is what dragMember says.
type dragResult struct {
	Dragging bool `json:"dragging"`
	Lit      bool `json:"lit"`
	Left     int  `json:"left"`
}

// proposedCircle is a circle of Go's proposal, as Move answers it.
type proposedCircle struct {
	Members     []string `json:"members"`
	Explanation struct {
		Sentences []string `json:"sentences"`
	} `json:"explanation"`
}

// Issue 12 item 8, by drag: on the sample cohort split into 6 circles, a
// person dragged onto another circle's card lights it up and, dropped,
// moves there through Go (the screen shows Go's answer: its circles and
// its explanations, redrawn) with the focus on them in their new circle; a
// drop the rules refuse says why and changes nothing; a drag over the
// person's own circle is not taken. The keyboard path still moves, and axe
// finds nothing serious.
func TestFormCirclesDragAndDrop(t *testing.T) {
	axe := axeSource(t)
	srv := startServe(t, "")
	p := openPage(t, srv)
	p.waitVisible(t, "first-run")
	callAPI[map[string]any](t, p, "demo.Demo.Load")
	callAPI[map[string]any](t, p, "demo.Demo.LoadCohort")

	p.do(t, chromedpNavigate(srv, "#/form"))
	p.setValue(t, "field-cohort", sampleCohort)
	p.setValue(t, "field-circles", "6")
	p.click(t, "propose-circles")
	p.waitFor(t, `document.querySelectorAll('[data-testid=form-circle]').length === 6`)
	eval[bool](t, p, recordMoves)
	lists := func() [][]string {
		return eval[[][]string](t, p, `[...document.querySelectorAll('[data-testid=form-circle]')].map((c) => [...c.querySelectorAll('[data-testid=form-member]')].map((m) => m.dataset.person))`)
	}
	sizes := func() (small, big int) {
		small, big = -1, -1
		for i, l := range lists() {
			if len(l) == 6 && small < 0 {
				small = i
			}
			if len(l) == 7 && big < 0 {
				big = i
			}
		}
		if small < 0 || big < 0 {
			t.Fatalf("circle sizes %v: want some of 6 and some of 7", lists())
		}
		return small, big
	}
	member := func(circle int) string {
		return eval[string](t, p, fmt.Sprintf(`[...document.querySelectorAll('[data-testid=form-circle]')[%d].querySelectorAll('[data-testid=form-member]')].find((m) => !m.querySelector('[data-testid=lead-badge]')).dataset.person`, circle))
	}
	drag := func(person string, to int) dragResult {
		return eval[dragResult](t, p, fmt.Sprintf(`(%s)(%q, %d)`, dragMember, person, to))
	}
	small, big := sizes()

	// Over the person's own circle: not taken, nothing lit, nothing asked of Go.
	mine := member(big)
	if r := drag(mine, big); r.Lit || !r.Dragging || r.Left != 0 {
		t.Errorf("a drag over the person's own circle: %+v, want the row dragged and nothing lit", r)
	}
	if n := eval[int](t, p, `window.__moves.length`); n != 0 {
		t.Errorf("a drop on the person's own circle asked Go %d times", n)
	}
	// From a circle of 6 to one of 7 leaves 5 and 8: the rules refuse, the card says why.
	before := lists()
	refused := member(small)
	if r := drag(refused, big); !r.Dragging || !r.Lit || r.Left != 0 {
		t.Errorf("a drag onto another circle: %+v, want the card lit while over it, and nothing lit after", r)
	}
	p.waitFor(t, fmt.Sprintf(`!document.querySelectorAll('[data-testid=form-circle]')[%d].querySelector('[data-testid=circle-error]').hidden`, small))
	if after := lists(); !slices.EqualFunc(after, before, slices.Equal) {
		t.Errorf("a refused drop changed the circles: %v, was %v", after, before)
	}
	if eval[string](t, p, fmt.Sprintf(`document.querySelector('select[data-person=%q]').value`, refused)) != fmt.Sprint(small) {
		t.Error("a refused drop left the person's select on the other circle")
	}

	// From a circle of 7 to one of 6: moved, as Go says, and the focus follows.
	moved := member(big)
	r := drag(moved, small)
	if !r.Lit {
		t.Errorf("the allowed drag: %+v", r)
	}
	p.waitFor(t, fmt.Sprintf(`!!document.querySelectorAll('[data-testid=form-circle]')[%d].querySelector('li[data-person=%q]')`, small, moved))
	var answer struct {
		Result struct {
			Circles []proposedCircle `json:"circles"`
		} `json:"result"`
	}
	raw := eval[string](t, p, `JSON.stringify(window.__moves.at(-1))`)
	if err := json.Unmarshal([]byte(raw), &answer); err != nil {
		t.Fatalf("Go's answer to the move %s: %v", raw, err)
	}
	got := answer.Result.Circles
	if len(got) != 6 || !slices.Contains(got[small].Members, moved) || slices.Contains(got[big].Members, moved) {
		t.Fatalf("Go's proposal after the drop does not have %s in circle %d: %s", moved, small+1, raw)
	}
	screen := lists()
	why := eval[[][]string](t, p, `[...document.querySelectorAll('[data-testid=form-circle]')].map((c) => [...c.querySelectorAll('[data-testid=circle-why] li')].map((li) => li.textContent))`)
	for i, c := range got {
		if !slices.Equal(screen[i], c.Members) || !slices.Equal(why[i], c.Explanation.Sentences) {
			t.Errorf("circle %d shows %v, %q; Go proposes %v, %q", i+1, screen[i], why[i], c.Members, c.Explanation.Sentences)
		}
	}
	if title := eval[string](t, p, fmt.Sprintf(`document.querySelectorAll('[data-testid=form-circle-title]')[%d].textContent`, small)); title != fmt.Sprintf("Circle %d · 7 members", small+1) {
		t.Errorf("the circle dropped on is titled %q", title)
	}
	if !eval[bool](t, p, fmt.Sprintf(`document.activeElement.matches('select[data-person=%q]') && !!document.activeElement.closest('[data-index="%d"]')`, moved, small)) {
		t.Errorf("after the drop the focus is on %s", eval[string](t, p, `document.activeElement.outerHTML.slice(0, 120)`))
	}
	if n := eval[int](t, p, `window.__moves.length`); n != 2 {
		t.Errorf("%d moves asked of Go, want 2 (the refused one and the allowed one)", n)
	}
	p.axeCheck(t, axe, "form-after-drag")

	// The keyboard path: from their select (focused), arrows choose the
	// circle they came from, Tab reaches Move and Enter moves them back.
	key, steps := kb.ArrowDown, big-small
	if steps < 0 {
		key, steps = kb.ArrowUp, -steps
	}
	for range steps {
		p.pressKey(t, key)
	}
	if v := eval[string](t, p, `document.activeElement.value`); v != fmt.Sprint(big) {
		t.Fatalf("the arrows left the select on %q, want %d", v, big)
	}
	if n := eval[int](t, p, `window.__moves.length`); n != 2 {
		t.Errorf("choosing in the select moved at once (%d moves): it should wait for Move", n)
	}
	p.pressKey(t, kb.Tab)
	if id := eval[string](t, p, `document.activeElement.dataset.testid || ''`); id != "member-move-go" {
		t.Fatalf("Tab from the select lands on %q, want the Move button", id)
	}
	p.pressKey(t, kb.Enter)
	p.waitFor(t, fmt.Sprintf(`!!document.querySelectorAll('[data-testid=form-circle]')[%d].querySelector('li[data-person=%q]')`, big, moved))
	if !slices.EqualFunc(lists(), before, slices.Equal) {
		t.Errorf("moved back by keyboard, the circles are %v, want them as first proposed %v", lists(), before)
	}
	if !eval[bool](t, p, fmt.Sprintf(`document.activeElement.matches('select[data-person=%q]') && !!document.activeElement.closest('[data-index="%d"]')`, moved, big)) {
		t.Errorf("after the keyboard move the focus is on %s", eval[string](t, p, `document.activeElement.outerHTML.slice(0, 120)`))
	}
	p.axeCheck(t, axe, "form-after-keys")
}
