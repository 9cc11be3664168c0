package export

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"time"

	"circlebook/backend/check"
	"circlebook/backend/model"

	"github.com/go-pdf/fpdf"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// DejaVu Sans covers accented Latin, Polish, Turkish, Vietnamese, Greek and
// Cyrillic; fpdf embeds only the glyphs a document uses. Licence: fonts/LICENSE.
var (
	//go:embed fonts/DejaVuSans.ttf
	dejaVuRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	dejaVuBold []byte
)

// PageSizes the PDF renderer accepts.
var PageSizes = []string{"A4", "Letter"}

// Layout of a PDF page, in millimetres and points.
const (
	pdfFont    = "dejavu"
	pdfMargin  = 18.0
	pdfLine    = 5.0 // body line height
	pdfBody    = 9.5 // body font size, pt
	pdfSmall   = 8.0
	pdfIndent  = 5.0
	pdfPages   = "{nb}"
	pdfBarFill = 0x2f6f9f
)

// PDF renders a summary as a PDF on A4 or Letter paper, with its fonts
// embedded, page numbers in the footer and the attendance charts drawn as
// shapes. Like every renderer it shows only what Build put in the summary.
func PDF(s Summary, pageSize string) ([]byte, error) {
	if err := check.OneOf("pageSize", "Page size", pageSize, PageSizes...); err != nil {
		return nil, err
	}
	p := newPDFDoc(s, pageSize)
	p.title(s)
	p.profile(s.Circle)
	p.heading("At a glance")
	for _, l := range s.glance() {
		p.item(l)
	}
	p.members(s)
	p.charts(s)
	p.sessions(s)
	p.topics(s)
	p.highlights(s)
	p.actions(s)
	p.goals(s)
	p.skills(s)
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("write PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// pdfDoc is a PDF being written, with the summary's own text helpers.
type pdfDoc struct {
	*fpdf.Fpdf
	width float64 // between the margins
}

func newPDFDoc(s Summary, pageSize string) pdfDoc {
	return newPDF(s.title(), s.Circle.Name, s.GeneratedAt, pageSize)
}

// newPDF starts a document with its fonts, its title, made at when, and
// a footer naming it and the page.
func newPDF(title, footer string, when time.Time, pageSize string) pdfDoc {
	f := fpdf.New("P", "mm", pageSize, "")
	f.AddUTF8FontFromBytes(pdfFont, "", dejaVuRegular)
	f.AddUTF8FontFromBytes(pdfFont, "B", dejaVuBold)
	f.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	f.SetAutoPageBreak(true, pdfMargin)
	f.SetTitle(title, true)
	f.SetCreator("Circlebook", true)
	f.SetCreationDate(when)
	f.SetModificationDate(when)
	f.AliasNbPages(pdfPages)
	f.SetCatalogSort(true) // fonts in a fixed order: the same summary gives the same bytes
	w, h := f.GetPageSize()
	f.SetFooterFunc(func() {
		f.SetY(h - pdfMargin + 4)
		f.SetFont(pdfFont, "", pdfSmall)
		f.SetTextColor(110, 110, 110)
		f.CellFormat(w-2*pdfMargin, 4, fmt.Sprintf("%s · Page %d of %s", footer, f.PageNo(), pdfPages), "", 0, "C", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.AddPage()
	return pdfDoc{Fpdf: f, width: w - 2*pdfMargin}
}

// room starts a new page unless h millimetres are left above the bottom margin.
func (p pdfDoc) room(h float64) {
	_, ph := p.GetPageSize()
	if p.GetY()+h > ph-pdfMargin {
		p.AddPage()
	}
}

func (p pdfDoc) title(s Summary) {
	p.SetFont(pdfFont, "B", 18)
	p.MultiCell(0, 8, s.title(), "", "L", false)
	p.SetFont(pdfFont, "", pdfSmall+1)
	p.SetTextColor(90, 90, 90)
	p.MultiCell(0, 4.5, s.generated(), "", "L", false)
	p.SetTextColor(0, 0, 0)
}

// heading starts a section, on a new page when little room is left.
func (p pdfDoc) heading(s string) {
	p.room(25)
	p.Ln(4)
	p.SetFont(pdfFont, "B", 13)
	p.MultiCell(0, 7, s, "", "L", false)
	p.Ln(1)
}

// sub heads a part of a section.
func (p pdfDoc) sub(s string) {
	p.room(15)
	p.Ln(1.5)
	p.SetFont(pdfFont, "B", pdfBody+0.5)
	p.MultiCell(0, pdfLine+0.5, s, "", "L", false)
}

func (p pdfDoc) para(s string) {
	p.SetFont(pdfFont, "", pdfBody)
	p.MultiCell(0, pdfLine, s, "", "L", false)
}

// item writes a bulleted line with a hanging indent.
func (p pdfDoc) item(s string) { p.bullet(0, "•", s, "") }

// bullet writes s after a mark, indented by level steps; a bold lead goes first.
func (p pdfDoc) bullet(level int, mark, s, style string) {
	p.SetFont(pdfFont, style, pdfBody)
	p.SetX(pdfMargin + float64(level)*pdfIndent)
	p.CellFormat(pdfIndent, pdfLine, mark, "", 0, "L", false, 0, "")
	p.MultiCell(0, pdfLine, s, "", "L", false)
}

// field writes "Label: value" when the value is not empty.
func (p pdfDoc) field(label, value string) {
	if value == "" {
		return
	}
	p.SetFont(pdfFont, "B", pdfBody)
	p.CellFormat(28, pdfLine, label, "", 0, "L", false, 0, "")
	p.SetFont(pdfFont, "", pdfBody)
	p.MultiCell(0, pdfLine, oneLine(value), "", "L", false)
}

func (p pdfDoc) profile(c Profile) {
	p.heading("Circle")
	p.field("Purpose", c.Purpose)
	p.field("Kind", human(c.Kind))
	p.field("Meets", c.meets())
	p.field("Place", c.Place)
	p.field("Video link", c.VideoLink)
	p.field("Runs", c.runs())
	p.field("Status", human(c.Status))
}

// pdfColumn is one column of the members table, its width a share of the page's.
type pdfColumn struct {
	head  string
	share float64
	align string
}

var memberColumns = []pdfColumn{
	{"Name", 0.25, "L"}, {"Role", 0.11, "L"}, {"Joined – left", 0.23, "L"}, {"Rate", 0.07, "R"},
	{"Present", 0.09, "R"}, {"Late", 0.07, "R"}, {"Excused", 0.09, "R"}, {"Absent", 0.09, "R"},
}

func (p pdfDoc) members(s Summary) {
	p.heading("Members")
	if len(s.Members) == 0 {
		p.para("No members in this period.")
		return
	}
	p.tableRow(memberColumns, nil, true)
	for i, m := range s.Members {
		a := m.Attendance
		span := longDate(m.JoinedOn)
		if m.LeftOn != "" {
			span += " – " + longDate(m.LeftOn)
		}
		cells := []string{oneLine(m.Name), human(m.Role), span, percent(a.Rate),
			fmt.Sprint(a.Present), fmt.Sprint(a.Late), fmt.Sprint(a.Excused), fmt.Sprint(a.Absent)}
		if p.tableRow(memberColumns, cells, i%2 == 1) {
			p.tableRow(memberColumns, nil, true)
			p.tableRow(memberColumns, cells, i%2 == 1)
		}
	}
	p.SetFont(pdfFont, "", pdfSmall)
	p.MultiCell(0, pdfLine, "Overall: "+percent(s.Attendance.Rate)+" ("+marks(s.Attendance)+")", "", "L", false)
}

// tableRow writes one row (the header when cells is nil), shaded when asked.
// It reports true, writing nothing, when the row starts a new page, so the
// caller can repeat the header there.
func (p pdfDoc) tableRow(cols []pdfColumn, cells []string, shade bool) bool {
	const h = 5.5
	_, ph := p.GetPageSize()
	if cells != nil && p.GetY()+h > ph-pdfMargin {
		p.AddPage()
		return true
	}
	style := ""
	if cells == nil {
		style = "B"
		p.room(3 * h)
	}
	p.SetFont(pdfFont, style, pdfSmall)
	p.SetFillColor(238, 242, 246)
	for i, c := range cols {
		w := c.share * p.width
		v := c.head
		if cells != nil {
			v = cells[i]
		}
		p.CellFormat(w, h, p.fit(v, w-2), "", 0, c.align, shade, 0, "")
	}
	p.Ln(h)
	return false
}

// fit shortens text with an ellipsis until it is at most w millimetres wide.
func (p pdfDoc) fit(s string, w float64) string {
	if p.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && p.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// charts draws the member and session charts chart.go lays out, scaled to
// the page's width.
func (p pdfDoc) charts(s Summary) {
	if len(s.Members) > 0 {
		p.chart(memberChart(s.Members), pdfSmall)
	}
	for _, c := range sessionCharts(s.Sessions, len(s.Members)) {
		p.chart(c, pdfSmall-1)
	}
}

func (p pdfDoc) chart(c chart, size float64) {
	k := min(p.width/c.Width, 0.3)
	p.room(c.Height*k + 12)
	p.Ln(3)
	p.SetFont(pdfFont, "B", pdfBody)
	p.MultiCell(0, pdfLine, c.Title, "", "L", false)
	x0, y0 := pdfMargin, p.GetY()+1
	p.SetFont(pdfFont, "", size)
	for _, b := range c.Bars {
		if b.TW > 0 {
			p.SetFillColor(230, 233, 237)
			p.Rect(x0+b.X*k, y0+b.Y*k, b.TW*k, b.H*k, "F")
		}
		if b.W > 0 && b.H > 0 {
			p.SetFillColor(pdfBarFill>>16, pdfBarFill>>8&0xff, pdfBarFill&0xff)
			p.Rect(x0+b.X*k, y0+b.Y*k, b.W*k, b.H*k, "F")
		}
		if b.Value != "" {
			x := x0 + b.VX*k
			if b.Anchor == "middle" {
				x -= p.GetStringWidth(b.Value) / 2
			}
			p.Text(x, y0+b.VY*k, b.Value)
		}
	}
	for _, t := range c.Ticks {
		x := x0 + t.X*k
		switch t.Anchor {
		case "end":
			x -= p.GetStringWidth(t.Text)
		case "middle":
			x -= p.GetStringWidth(t.Text) / 2
		}
		p.Text(x, y0+t.Y*k, t.Text)
	}
	p.SetY(y0 + c.Height*k + 2)
}

func (p pdfDoc) sessions(s Summary) {
	p.heading("Sessions")
	if len(s.Sessions) == 0 {
		p.para("No sessions in this period.")
		return
	}
	for _, ses := range s.Sessions {
		parts := []string{ses.when(), fmt.Sprintf("%d min", ses.DurationMinutes), human(ses.Status)}
		if t := oneLine(ses.Topic); t != "" {
			parts = append(parts, t)
		}
		if len(ses.Topics) > 0 {
			parts = append(parts, "tags: "+oneLine(strings.Join(ses.Topics, ", ")))
		}
		if ses.Held() {
			parts = append(parts, fmt.Sprintf("%d attended", ses.Attended))
		}
		p.room(pdfLine)
		p.SetFont(pdfFont, "B", pdfBody)
		p.CellFormat(9, pdfLine, fmt.Sprintf("%d.", ses.Number), "", 0, "R", false, 0, "")
		p.SetFont(pdfFont, "", pdfBody)
		p.SetX(pdfMargin + 10)
		p.MultiCell(0, pdfLine, strings.Join(parts, " · "), "", "L", false)
	}
}

func (p pdfDoc) topics(s Summary) {
	p.heading("Topics covered")
	if len(s.Topics) == 0 {
		p.para("No topics were tagged on held sessions.")
		return
	}
	for _, t := range s.Topics {
		p.item(fmt.Sprintf("%s: %d %s", oneLine(t.Name), t.Sessions, plural(t.Sessions, "session", "sessions")))
	}
}

func (p pdfDoc) highlights(s Summary) {
	if s.FiguresOnly {
		return
	}
	p.heading("Highlights")
	if len(s.Highlights) == 0 {
		p.para("No shared notes in this period.")
		return
	}
	for _, h := range s.Highlights {
		p.sub(h.label())
		p.note(h.Body)
	}
}

func (p pdfDoc) actions(s Summary) {
	p.heading("Action items")
	if len(s.Actions) == 0 {
		p.para("No action items in this period.")
		return
	}
	for _, o := range s.Actions {
		if s.FiguresOnly {
			p.item(oneLine(o.ownerName()) + ": " + o.counts())
			continue
		}
		p.sub(oneLine(o.ownerName()))
		p.para(o.counts() + ".")
		for _, a := range o.Items {
			box := "☐"
			if a.Status == model.ActionDone {
				box = "☑"
			}
			out := oneLine(a.Text)
			if d := a.detail(); d != "" {
				out += " — " + d
			}
			p.bullet(0, box, out, "")
		}
	}
}

func (p pdfDoc) goals(s Summary) {
	if len(s.Goals) == 0 {
		return
	}
	p.heading("Goals")
	p.para(s.GoalCounts() + ".")
	for _, g := range s.Goals {
		out := fmt.Sprintf("%s: %s — %s", oneLine(g.Member), oneLine(g.label()), g.figures())
		if g.LastNote != "" {
			out += ": “" + oneLine(g.LastNote) + "”"
		}
		p.item(out)
	}
}

func (p pdfDoc) skills(s Summary) {
	if len(s.Skills) == 0 {
		return
	}
	p.heading("Skills, before and after")
	p.para(skillsIntro)
	for _, g := range s.SkillGroups() {
		p.sub(oneLine(g.Framework))
		for _, k := range g.Skills {
			p.item(oneLine(k.Item) + ": " + k.figures())
		}
	}
}

// note writes a shared note's Markdown as plain paragraphs: headings in
// bold, list items with bullets, code and quotes indented. Nothing in it is
// markup to a PDF, so no text is dropped or interpreted.
func (p pdfDoc) note(body string) {
	src := []byte(body)
	p.blocks(parser.Parse(text.NewReader(src)), src, 0)
}

func (p pdfDoc) blocks(n ast.Node, src []byte, level int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.block(c, src, level)
	}
}

// block writes one block of a note at an indent level.
func (p pdfDoc) block(n ast.Node, src []byte, level int) {
	switch b := n.(type) {
	case *ast.Heading:
		p.Ln(1)
		p.bullet(level, "", inlineText(b, src), "B")
	case *ast.Paragraph, *ast.TextBlock:
		p.bullet(level, "", inlineText(b, src), "")
	case *ast.List:
		p.list(b, src, level)
	case *ast.Blockquote:
		p.blocks(b, src, level+1)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		p.bullet(level, "", strings.TrimRight(rawLines(b, src), "\n"), "")
	case *ast.ThematicBreak:
		p.Ln(2)
	default:
		p.blocks(b, src, level)
	}
}

// list writes a list's items with bullets, or numbers when it is ordered;
// an item's first paragraph follows its mark, anything after it is indented.
func (p pdfDoc) list(l *ast.List, src []byte, level int) {
	n := l.Start
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		mark := "•"
		if l.IsOrdered() {
			mark = fmt.Sprintf("%d.", n)
			n++
		}
		c := it.FirstChild()
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			p.bullet(level, mark, inlineText(c, src), "")
			c = c.NextSibling()
		default:
			p.bullet(level, mark, "", "")
		}
		for ; c != nil; c = c.NextSibling() {
			p.block(c, src, level+1)
		}
	}
}

// inlineText is the text a reader sees in a block: emphasis and code marks
// dropped, links as their text and address, line breaks kept.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if l, ok := c.(*ast.Link); ok && !strings.Contains(b.String(), string(l.Destination)) {
				b.WriteString(" (" + string(l.Destination) + ")")
			}
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			switch {
			case t.HardLineBreak():
				b.WriteByte('\n')
			case t.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.URL(src))
		case *ast.RawHTML:
			for i := 0; i < t.Segments.Len(); i++ {
				seg := t.Segments.At(i)
				b.Write(seg.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// rawLines is a code or HTML block's text as typed.
func rawLines(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return detab(b.String())
}
