package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"time"

	"circlebook/backend/check"
	"circlebook/backend/program"

	"gorm.io/gorm"
)

// MaxProgramRows is the most circles a program view export holds: the
// whole generated program (16,000) and room to grow.
const MaxProgramRows = 25_000

// ProgramRequest asks for the program view as a file.
type ProgramRequest struct {
	program.Request
	Format   string `json:"format"`   // csv or pdf
	PageSize string `json:"pageSize"` // with pdf: one of PageSizes; "" is A4
}

// ProgramFile renders the program view's rows (every circle its filters
// keep, archived ones aside) as CSV or PDF, from one read transaction.
func (s *Exports) ProgramFile(req ProgramRequest) (File, error) {
	if err := check.OneOf("format", "Format", req.Format, "csv", "pdf"); err != nil {
		return File{}, err
	}
	if req.PageSize == "" {
		req.PageSize = PageSizes[0]
	}
	if err := check.OneOf("pageSize", "Page size", req.PageSize, PageSizes...); err != nil {
		return File{}, err
	}
	now := s.now()
	var rows []program.Row
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		rows, err = program.New(tx, s.now).All(tx, req.Request, MaxProgramRows)
		return err
	})
	if err != nil {
		return File{}, err
	}
	name := FileName(strings.TrimSpace("program "+req.Cohort), "", "", "", req.Format)
	var data []byte
	if req.Format == "csv" {
		data, err = ProgramCSV(rows)
	} else {
		data, err = ProgramPDF(rows, programTitle(req.Request), now, req.PageSize)
	}
	return File{Name: name, Mime: mimes[req.Format], Data: data}, err
}

// programTitle names what a program export holds.
func programTitle(r program.Request) string {
	title := "Program view"
	if r.Cohort != "" {
		title += " · " + r.Cohort
	}
	switch r.Kind {
	case "pair":
		title += " · pairs"
	case "group":
		title += " · groups"
	}
	return title
}

// programHeader is the CSV's header row.
var programHeader = []string{"Circle", "Kind", "Cohort", "Status", "Health", "Reasons", "Members",
	"Attendance rate", "Held sessions", "Last held", "Next session", "Open action items", "Overdue action items",
	"Active goals", "Goals at risk"}

// ProgramCSV writes program rows as CSV, as the summaries' CSV does: a byte
// order mark, CRLF, formulas defused.
func ProgramCSV(rows []program.Row) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	if err := cw.Write(programHeader); err != nil {
		return nil, err
	}
	for _, r := range rows {
		cells := programCells(r)
		for i := range cells {
			cells[i] = defuse(cells[i])
		}
		if err := cw.Write(cells); err != nil {
			return nil, err
		}
	}
	cw.Flush()
	return buf.Bytes(), cw.Error()
}

// programCells is a row's cells, in programHeader's order.
func programCells(r program.Row) []string {
	next := ""
	if r.NextSession != nil {
		next = r.NextSession.StartsAt
	}
	rate := ""
	if r.Attendance.Rate != nil {
		rate = fmt.Sprintf("%.0f%%", *r.Attendance.Rate*100)
	}
	return []string{r.Name, r.Kind, r.Cohort, r.Status, r.Health, strings.Join(r.Reasons, "; "),
		fmt.Sprint(r.MemberCount), rate, fmt.Sprint(r.HeldSessions), r.LastHeld, next,
		fmt.Sprint(r.OpenActions), fmt.Sprint(r.OverdueActions), fmt.Sprint(r.ActiveGoals), fmt.Sprint(r.AtRiskGoals)}
}

// programColumns lay the PDF's table out across the page.
var programColumns = []pdfColumn{
	{"Circle", 0.25, "L"}, {"Kind", 0.07, "L"}, {"Health", 0.09, "L"}, {"Members", 0.08, "R"},
	{"Attend.", 0.08, "R"}, {"Last held", 0.12, "L"}, {"Open", 0.06, "R"}, {"Why", 0.25, "L"},
}

// ProgramPDF renders program rows as a table, with a count of each health
// level first.
func ProgramPDF(rows []program.Row, title string, now time.Time, pageSize string) ([]byte, error) {
	p := newPDF(title, "Circlebook · "+title, now, pageSize)
	p.SetFont(pdfFont, "B", 16)
	p.MultiCell(0, 8, title, "", "L", false)
	p.SetFont(pdfFont, "", pdfSmall)
	p.MultiCell(0, pdfLine, "Made "+now.Format("2 January 2006 15:04 MST")+" · "+programTally(rows), "", "L", false)
	p.Ln(2)
	p.tableRow(programColumns, nil, true)
	for i, r := range rows {
		c := programCells(r)
		cells := []string{oneLine(r.Name), c[1], r.Health, c[6], c[7], r.LastHeld, c[11], oneLine(c[5])}
		if p.tableRow(programColumns, cells, i%2 == 1) {
			p.tableRow(programColumns, nil, true)
			p.tableRow(programColumns, cells, i%2 == 1)
		}
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("write PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// programTally counts the rows at each health level.
func programTally(rows []program.Row) string {
	n := map[string]int{}
	for _, r := range rows {
		n[r.Health]++
	}
	return fmt.Sprintf("%d circles: %d good, %d to watch, %d at risk, %d not meeting", len(rows),
		n[program.HealthGood], n[program.HealthWatch], n[program.HealthAtRisk], n[program.HealthInactive])
}
