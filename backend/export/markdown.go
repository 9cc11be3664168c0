package export

import (
	"bytes"
	"fmt"
	"strings"

	"circlebook/backend/notes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Markdown renders a summary as a CommonMark document. Text people typed
// as plain text (names, topics, titles) is escaped; shared notes are kept as
// Markdown, each in a block quote under its session's heading so that
// nothing in a note (an unclosed code fence, say) can swallow what follows.
func Markdown(s Summary) ([]byte, error) {
	var m md
	m.sub(1, esc(s.title()))
	m.para(esc(s.generated()))
	m.profile(s.Circle)
	m.heading("At a glance")
	for _, l := range s.glance() {
		m.item(esc(l))
	}
	m.members(s)
	m.sessions(s)
	m.topics(s)
	m.highlights(s)
	m.actions(s)
	m.goals(s)
	m.skills(s)
	return m.Bytes(), nil
}

type md struct{ bytes.Buffer }

func (m *md) line(s string) {
	m.WriteString(s)
	m.WriteByte('\n')
}

// heading starts a section, after a blank line that ends whatever came before.
func (m *md) heading(s string) { m.sub(2, esc(s)) }

// sub writes an ATX heading of the given level over already escaped text.
func (m *md) sub(level int, s string) {
	if m.Len() > 0 && !bytes.HasSuffix(m.Bytes(), []byte("\n\n")) {
		m.WriteByte('\n')
	}
	m.line(strings.Repeat("#", level) + " " + s + "\n")
}

func (m *md) para(s string) { m.line(s + "\n") }

func (m *md) item(s string) { m.line("- " + s) }

// field writes "- **Label:** value" when the value is not empty.
func (m *md) field(label, value string) {
	if value != "" {
		m.item("**" + label + ":** " + value)
	}
}

func (m *md) profile(p Profile) {
	m.heading("Circle")
	m.field("Purpose", esc(p.Purpose))
	m.field("Kind", esc(human(p.Kind)))
	m.field("Meets", esc(p.meets()))
	m.field("Place", mdLink(p.Place))
	m.field("Video link", mdLink(p.VideoLink))
	m.field("Runs", esc(p.runs()))
	m.field("Status", esc(human(p.Status)))
}

func (m *md) members(s Summary) {
	m.heading("Members")
	if len(s.Members) == 0 {
		m.para("No members in this period.")
		return
	}
	for _, mb := range s.Members {
		out := fmt.Sprintf("**%s** — %s", esc(oneLine(mb.Name)), esc(human(mb.Role)))
		if mb.JoinedOn != "" {
			out += " · joined " + esc(longDate(mb.JoinedOn))
		}
		if mb.LeftOn != "" {
			out += " · left " + esc(longDate(mb.LeftOn))
		}
		m.item(out + " · attendance " + esc(percent(mb.Attendance.Rate)+" ("+marks(mb.Attendance)+")"))
	}
}

func (m *md) sessions(s Summary) {
	m.heading("Sessions")
	if len(s.Sessions) == 0 {
		m.para("No sessions in this period.")
		return
	}
	for _, ses := range s.Sessions {
		parts := []string{fmt.Sprintf("**%d.** %s", ses.Number, esc(ses.when())), fmt.Sprintf("%d min", ses.DurationMinutes), esc(human(ses.Status))}
		if t := oneLine(ses.Topic); t != "" {
			parts = append(parts, esc(t))
		}
		if len(ses.Topics) > 0 {
			parts = append(parts, "*"+esc(oneLine(strings.Join(ses.Topics, ", ")))+"*")
		}
		if ses.Held() {
			parts = append(parts, fmt.Sprintf("%d attended", ses.Attended))
		}
		m.item(strings.Join(parts, " · "))
	}
}

func (m *md) topics(s Summary) {
	m.heading("Topics covered")
	if len(s.Topics) == 0 {
		m.para("No topics were tagged on held sessions.")
		return
	}
	for _, t := range s.Topics {
		m.item(fmt.Sprintf("%s: %d %s", esc(oneLine(t.Name)), t.Sessions, plural(t.Sessions, "session", "sessions")))
	}
}

func (m *md) highlights(s Summary) {
	if s.FiguresOnly {
		return
	}
	m.heading("Highlights")
	if len(s.Highlights) == 0 {
		m.para("No shared notes in this period.")
		return
	}
	for _, h := range s.Highlights {
		m.sub(3, esc(h.label()))
		m.line(quote(demote(h.Body, 4)))
	}
}

func (m *md) actions(s Summary) {
	m.heading("Action items")
	if len(s.Actions) == 0 {
		m.para("No action items in this period.")
		return
	}
	for _, o := range s.Actions {
		if s.FiguresOnly {
			m.item(fmt.Sprintf("**%s:** %s", esc(oneLine(o.ownerName())), esc(o.counts())))
			continue
		}
		m.sub(3, esc(o.ownerName()))
		m.para(esc(o.counts()) + ".")
		for _, a := range o.Items {
			box := "☐"
			if a.Status == "done" {
				box = "☑"
			}
			out := box + " " + esc(oneLine(a.Text))
			if d := a.detail(); d != "" {
				out += " — " + esc(d)
			}
			m.item(out)
		}
	}
}

func (m *md) goals(s Summary) {
	if len(s.Goals) == 0 {
		return
	}
	m.heading("Goals")
	m.para(esc(s.GoalCounts()) + ".")
	for _, g := range s.Goals {
		out := fmt.Sprintf("**%s:** %s — %s", esc(oneLine(g.Member)), esc(oneLine(g.label())), esc(g.figures()))
		if g.LastNote != "" {
			out += ": “" + esc(oneLine(g.LastNote)) + "”"
		}
		m.item(out)
	}
}

func (m *md) skills(s Summary) {
	if len(s.Skills) == 0 {
		return
	}
	m.heading("Skills, before and after")
	m.para(esc(skillsIntro))
	for _, g := range s.SkillGroups() {
		m.sub(3, esc(oneLine(g.Framework)))
		for _, k := range g.Skills {
			m.item(fmt.Sprintf("**%s:** %s", esc(oneLine(k.Item)), esc(k.figures())))
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// inlineEscaper backslash-escapes every character that can start inline
// Markdown (emphasis, code, links, autolinks, raw HTML, entities, GFM
// strikethrough and tables).
var inlineEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`,
	`!`, `\!`, `&`, `\&`, `|`, `\|`, `~`, `\~`,
)

// esc makes text typed as plain text safe inside a line of Markdown: inline
// markup is escaped everywhere, block markup (#, -, +, =, 1.) where it would
// start a block, and line breaks become spaces.
func esc(s string) string {
	s = inlineEscaper.Replace(oneLine(s))
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '-', '+', '=':
		return `\` + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// mdLink writes a web address as an autolink and anything else as escaped text.
func mdLink(s string) string {
	if u, ok := webURL(s); ok && !strings.ContainsAny(u, "<> ") {
		return "<" + u + ">"
	}
	return esc(s)
}

// parser reads a note as notes.Render does: HTML in it is text, never a block.
var parser = notes.TextParser()

// demote pushes a note's ATX headings down so the highest is at level top
// (at most 6), keeping them below the summary's own headings.
func demote(body string, top int) string {
	if !strings.Contains(body, "#") {
		return body
	}
	src := []byte(body)
	var at []int // byte offsets of the first # of each heading to demote
	var levels []int
	ast.Walk(parser.Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok || h.Lines().Len() == 0 {
			return ast.WalkContinue, nil
		}
		start := h.Lines().At(0).Start
		lineStart := bytes.LastIndexByte(src[:start], '\n') + 1
		if i := bytes.IndexByte(src[lineStart:start], '#'); i >= 0 {
			at, levels = append(at, lineStart+i), append(levels, h.Level)
		}
		return ast.WalkSkipChildren, nil
	})
	var b strings.Builder
	last := 0
	for i, pos := range at {
		b.Write(src[last:pos])
		b.WriteString(strings.Repeat("#", min(6, levels[i]+top-1)-levels[i]))
		last = pos
	}
	b.Write(src[last:])
	return b.String()
}

// quote puts Markdown in a block quote. Leading tabs become spaces first, so
// indented code keeps its meaning behind the "> ".
func quote(body string) string {
	lines := strings.Split(strings.TrimRight(strings.ReplaceAll(body, "\r\n", "\n"), "\n"), "\n")
	var b strings.Builder
	for _, l := range lines {
		l = detab(l)
		if l == "" {
			b.WriteString(">\n")
			continue
		}
		b.WriteString("> ")
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// detab expands the tabs in a line's leading whitespace to 4-column stops.
func detab(l string) string {
	if !strings.Contains(l, "\t") {
		return l
	}
	var b strings.Builder
	col := 0
	for i, r := range l {
		switch r {
		case ' ':
			b.WriteByte(' ')
			col++
		case '\t':
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
		default:
			return b.String() + l[i:]
		}
	}
	return b.String()
}
