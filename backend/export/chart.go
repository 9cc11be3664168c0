package export

import (
	"fmt"
	"unicode/utf8"
)

// chart is the geometry of a bar chart an inline SVG draws; coordinates are
// in the SVG's own units and the page scales it to the screen.
type chart struct {
	Class  string // "members" or "sessions", for the page's style
	Title  string
	Width  float64
	Height float64
	Bars   []bar
	Ticks  []tick // labels along an axis
}

type bar struct {
	X, Y, W, H float64
	TW         float64 // the width of the track behind the bar; 0 for none
	Label      string  // read by screen readers, shown as a tooltip
	Value      string  // printed beside or above the bar
	VX, VY     float64 // where Value goes
	Anchor     string  // how Value lines up with VX: "" (start) or middle
}

type tick struct {
	X, Y   float64
	Text   string
	Anchor string // SVG text-anchor: start, middle or end
}

// Sizes of the member chart: a row per member, the name left, the bar right.
const (
	rowHeight  = 22.0
	labelWidth = 170.0
	barWidth   = 300.0
)

// memberChart draws each member's attendance rate as a horizontal bar.
func memberChart(ms []Member) chart {
	c := chart{Class: "members", Title: "Attendance rate per member", Width: labelWidth + barWidth + 50, Height: rowHeight*float64(len(ms)) + 8}
	for i, m := range ms {
		y := 4 + rowHeight*float64(i)
		w := 0.0
		if m.Attendance.Rate != nil {
			w = barWidth * *m.Attendance.Rate
		}
		c.Ticks = append(c.Ticks, tick{X: labelWidth - 8, Y: y + 15, Text: clip(m.Name, 26), Anchor: "end"})
		c.Bars = append(c.Bars, bar{X: labelWidth, Y: y + 3, W: w, H: rowHeight - 6, TW: barWidth,
			Label: m.Name + ": " + percent(m.Attendance.Rate), Value: percent(m.Attendance.Rate), VX: labelWidth + w + 6, VY: y + 15})
	}
	return c
}

// Sizes of the session chart: a column per held session, at most
// maxColumns to a chart so that every column has room for its labels.
const (
	colWidth   = 22.0
	colHeight  = 120.0
	colTop     = 24.0 // room above the columns for the values
	maxColumns = 26
)

// sessionCharts draws how many members attended each held session as a
// column, labelled with the session's number below and the count above; a
// long history takes several charts of at most maxColumns columns each.
func sessionCharts(ss []Session, members int) []chart {
	var held []Session
	top := members
	for _, s := range ss {
		if s.Held() {
			held = append(held, s)
			top = max(top, s.Attended)
		}
	}
	var out []chart
	for start := 0; start < len(held); start += maxColumns {
		c := sessionChart(held[start:min(start+maxColumns, len(held))], top)
		if len(held) > maxColumns {
			c.Title += fmt.Sprintf(" (%d of %d)", start/maxColumns+1, (len(held)+maxColumns-1)/maxColumns)
		}
		out = append(out, c)
	}
	return out
}

// sessionChart draws one chart of held sessions on a scale of 0 to top.
func sessionChart(held []Session, top int) chart {
	base := colTop + colHeight // the columns' foot
	c := chart{Class: "sessions", Title: "Members attending each held session", Width: colWidth*float64(len(held)) + 40, Height: base + 40}
	for i, s := range held {
		x := 30 + colWidth*float64(i)
		h := 0.0
		if top > 0 {
			h = colHeight * float64(s.Attended) / float64(top)
		}
		c.Bars = append(c.Bars, bar{X: x + 3, Y: base - h, W: colWidth - 6, H: h,
			Label: fmt.Sprintf("Session %d, %s: %d attended", s.Number, s.Date(), s.Attended),
			Value: fmt.Sprint(s.Attended), VX: x + colWidth/2, VY: base - h - 4, Anchor: "middle"})
		c.Ticks = append(c.Ticks, tick{X: x + colWidth/2, Y: base + 14, Text: fmt.Sprint(s.Number), Anchor: "middle"})
	}
	c.Ticks = append(c.Ticks,
		tick{X: 24, Y: colTop + 4, Text: fmt.Sprint(top), Anchor: "end"}, tick{X: 24, Y: base, Text: "0", Anchor: "end"},
		tick{X: 30, Y: base + 32, Text: "Session", Anchor: "start"})
	return c
}

// clip shortens a label to n characters, with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
