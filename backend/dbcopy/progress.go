package dbcopy

import (
	"fmt"
	"io"
	"time"
)

// progressEvery is the least time between two progress lines of one table.
const progressEvery = time.Second

// progress writes one line per table step and, on a long one, a line a
// second: "copy attendance: 540000 of 1900000 rows (28%)".
type progress struct {
	w           io.Writer
	step, table string
	rows, total int64
	printed     int64 // rows when the last line was printed
	last        time.Time
}

func newProgress(w io.Writer) *progress { return &progress{w: w} }

// start begins a step (copy or check) of table, which holds total rows.
func (p *progress) start(step, table string, total int64) {
	if p == nil {
		return
	}
	p.step, p.table, p.rows, p.total, p.last = step, table, 0, total, time.Now()
}

// add counts n more rows, printing a line when a second has passed.
func (p *progress) add(n int64) {
	if p == nil {
		return
	}
	p.rows += n
	if time.Since(p.last) >= progressEvery {
		p.print()
	}
}

// done prints the step's last line (unless the last one said it all).
func (p *progress) done() {
	if p == nil || (p.printed == p.rows && p.rows > 0) {
		return
	}
	p.print()
}

func (p *progress) print() {
	p.last, p.printed = time.Now(), p.rows
	if p.w == nil {
		return
	}
	pct := int64(100)
	if p.total > 0 {
		pct = min(100, p.rows*100/p.total)
	}
	fmt.Fprintf(p.w, "%s %s: %d of %d rows (%d%%)\n", p.step, p.table, p.rows, p.total, pct)
}
