package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"circlebook/backend/attendance"
)

// CSV tables.
const (
	TableRoster     = "roster"     // one row per member: role, dates, attendance counts and rate
	TableAttendance = "attendance" // members x held sessions, with each member's rate
	TableActions    = "actions"    // one row per action item; per owner counts when FiguresOnly
	TableSkills     = "skills"     // one row per skill of the circle's frameworks: ratings before and after
)

// CSVTables lists the tables CSV writes.
var CSVTables = []string{TableRoster, TableAttendance, TableActions, TableSkills}

// CSV writes one table of a summary as RFC 4180 CSV: UTF-8 with a byte
// order mark (so Excel reads accented names right), CRLF line ends, and
// every cell that a spreadsheet would take for a formula (starting with
// = + - @, a tab or a carriage return) behind an apostrophe.
func CSV(s Summary, table string, w io.Writer) error {
	var rows [][]string
	switch table {
	case TableRoster:
		rows = rosterRows(s)
	case TableAttendance:
		rows = attendanceRows(s)
	case TableActions:
		rows = actionRows(s)
	case TableSkills:
		rows = skillRows(s)
	default:
		return invalid("table", "Choose a table: roster, attendance, actions or skills.")
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, r := range rows {
		for i := range r {
			r[i] = defuse(r[i])
		}
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse stops a spreadsheet from reading a cell as a formula.
func defuse(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}

// rosterRows lists the members with their email (left out when they are
// anonymized), role, dates and attendance.
func rosterRows(s Summary) [][]string {
	head := []string{"Member", "Email", "Role", "Joined", "Left", "Present", "Late", "Excused", "Absent", "Attendance rate (%)"}
	if s.Anonymized {
		head = slices.Delete(head, 1, 2)
	}
	rows := [][]string{head}
	for _, m := range s.Members {
		t := m.Attendance
		r := []string{m.Name, m.Email, m.Role, m.JoinedOn, m.LeftOn,
			strconv.Itoa(t.Present), strconv.Itoa(t.Late), strconv.Itoa(t.Excused), strconv.Itoa(t.Absent), rate(t)}
		if s.Anonymized {
			r = slices.Delete(r, 1, 2)
		}
		rows = append(rows, r)
	}
	return rows
}

// attendanceRows lays out each member's mark at each held session of the period.
func attendanceRows(s Summary) [][]string {
	head := []string{"Member"}
	var cols []int
	for i, ses := range s.Sessions {
		if ses.Held() {
			cols = append(cols, i)
			head = append(head, fmt.Sprintf("#%d %s", ses.Number, ses.Date()))
		}
	}
	rows := [][]string{append(head, "Attendance rate (%)")}
	for _, m := range s.Members {
		r := []string{m.Name}
		for _, c := range cols {
			r = append(r, m.Marks[c])
		}
		rows = append(rows, append(r, rate(m.Attendance)))
	}
	return rows
}

func actionRows(s Summary) [][]string {
	if s.FiguresOnly {
		rows := [][]string{{"Owner", "Open", "Overdue", "Done"}}
		for _, o := range s.Actions {
			rows = append(rows, []string{o.ownerName(), strconv.Itoa(o.Open), strconv.Itoa(o.Overdue), strconv.Itoa(o.Done)})
		}
		return rows
	}
	rows := [][]string{{"Owner", "Action", "Status", "Due", "Overdue", "Done on", "Session"}}
	for _, o := range s.Actions {
		for _, a := range o.Items {
			overdue, session := "", ""
			if a.Overdue {
				overdue = "yes"
			}
			if a.SessionNumber > 0 {
				session = strconv.Itoa(a.SessionNumber)
			}
			rows = append(rows, []string{o.ownerName(), a.Text, a.Status, a.DueOn, overdue, a.DoneOn, session})
		}
	}
	return rows
}

// skillRows lists each skill's ratings: how many rated it before and after,
// and their means to one decimal (a point, as in the other formats; empty
// when nobody rated). No change column: a signed cell would read as a formula.
func skillRows(s Summary) [][]string {
	rows := [][]string{{"Framework", "Skill", "Rated before", "Mean before", "Rated after", "Mean after"}}
	mean := func(m float64, n int) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatFloat(m, 'f', 1, 64)
	}
	for _, k := range s.Skills {
		rows = append(rows, []string{k.Framework, k.Item, strconv.Itoa(k.BeforeRated), mean(k.BeforeMean, k.BeforeRated),
			strconv.Itoa(k.AfterRated), mean(k.AfterMean, k.AfterRated)})
	}
	return rows
}

// rate is an attendance rate as a whole percentage, "" when nothing counts:
// a plain integer reads the same in every spreadsheet locale.
func rate(t attendance.Tally) string {
	if t.Rate == nil {
		return ""
	}
	return strconv.Itoa(int(math.Round(*t.Rate * 100)))
}
