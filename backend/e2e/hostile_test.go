package e2e_test

import (
	"fmt"
	"strings"
	"testing"
)

// payloads try every way of running script from a note. Each would set the
// canary window.__pwned (or open a dialog, which the page also records).
var payloads = []string{
	`<script>window.__pwned=1</script>`,
	`<img src=x onerror="window.__pwned=1">`,
	`<svg onload="window.__pwned=1"><circle r=5></circle></svg>`,
	`<svg><script>window.__pwned=1</script></svg>`,
	`<iframe src="javascript:parent.__pwned=1"></iframe>`,
	`<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`,
	`[click me](javascript:window.__pwned=1)`,
	`[data](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+)`,
	`<a href="javascript:window.__pwned=1">raw link</a>`,
	`<details open ontoggle="window.__pwned=1">x</details>`,
	`<body onload="window.__pwned=1">`,
	`<object data="javascript:window.__pwned=1"></object>`,
	`<embed src="javascript:window.__pwned=1">`,
	`<form action="javascript:window.__pwned=1"><button>go</button></form>`,
	`<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">`,
	`<style>@import 'javascript:window.__pwned=1';</style>`,
	`<div style="background:url(javascript:window.__pwned=1)">styled</div>`,
	"![img](x\" onerror=\"window.__pwned=1)",
	`<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">`,
	`<input autofocus onfocus="window.__pwned=1">`,
}

// TestHostileNotesRunNoScript saves each payload as a session's shared notes,
// shows it in the live screen's preview and on the session page, clicks every
// link in the preview, and requires that no script ran: the canary never
// fires, no dialog opens, and the preview holds no script, frame, SVG or
// handler attribute.
func TestHostileNotesRunNoScript(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	circle := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Canary"})
	body := "# Notes\n\nSafe marker paragraph.\n\n" + strings.Join(payloads, "\n\n") + "\n"
	live := callAPI[struct{ Session struct{ ID int } }](t, p, "sessions.Sessions.StartNow", circle.ID)
	id := live.Session.ID
	callAPI[any](t, p, "notes.Notes.Save", id, "shared", body)

	// Any alert/confirm/prompt, or navigation away, counts as a fired canary.
	arm := `window.__pwned = undefined; window.alert = window.confirm = window.prompt = () => { window.__pwned = 'dialog' }; true`
	for _, route := range []string{fmt.Sprintf("#/sessions/%d/live", id), fmt.Sprintf("#/sessions/%d", id)} {
		p.do(t, chromedpNavigate(srv, route))
		eval[bool](t, p, arm)
		p.waitFor(t, `[...document.querySelectorAll('.preview')].some(e => e.textContent.includes('Safe marker paragraph'))`)
		bad := eval[[]string](t, p, `[...document.querySelectorAll('.preview')].flatMap(root =>
			[...root.querySelectorAll('*')].flatMap(el => {
				const out = [];
				if (/^(script|iframe|object|embed|svg|style|form|meta|math|frame|base|link)$/i.test(el.tagName)) out.push(el.tagName);
				for (const a of el.attributes) {
					if (/^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc') out.push(el.tagName + '@' + a.name);
					if (/^(href|src|action|data|formaction)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) out.push(el.tagName + '@' + a.name + '=' + a.value);
				}
				return out;
			}))`)
		if len(bad) > 0 {
			t.Errorf("%s: the preview holds %v", route, bad)
		}
		// Click every link the sanitizer left; none may run script or navigate the app.
		eval[bool](t, p, `[...document.querySelectorAll('.preview a')].forEach(a => a.click()); true`)
		if fired := eval[any](t, p, `window.__pwned === undefined ? null : String(window.__pwned)`); fired != nil {
			t.Fatalf("%s: the canary fired (%v)", route, fired)
		}
		if loc := eval[string](t, p, `location.hash`); loc != route {
			t.Errorf("%s: the page navigated to %s", route, loc)
		}
	}
}
