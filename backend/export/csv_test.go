package export_test

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
)

func TestCSVTables(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{})
	files := map[string][]byte{}
	for _, table := range export.CSVTables {
		file := render(t, s, "csv:"+table)
		files[table] = file
		if !bytes.HasPrefix(file, []byte("\xEF\xBB\xBF")) {
			t.Errorf("%s: no UTF-8 byte order mark", table)
		}
		if lines := bytes.Count(file, []byte("\n")); lines == 0 || bytes.Count(file, []byte("\r\n")) != lines {
			t.Errorf("%s: %d lines, %d end in CRLF", table, lines, bytes.Count(file, []byte("\r\n")))
		}
		for _, row := range readCSV(t, file)[1:] {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: cell %q would run as a formula", table, cell)
				}
			}
		}
	}

	roster := readCSV(t, files[export.TableRoster])
	if want := []string{"Member", "Email", "Role", "Joined", "Left", "Present", "Late", "Excused", "Absent", "Attendance rate (%)"}; !slices.Equal(roster[0], want) {
		t.Errorf("roster header %q", roster[0])
	}
	if len(roster) != 1+15 {
		t.Errorf("roster: %d rows, want 15 members", len(roster)-1)
	}
	names := map[string]bool{}
	for _, r := range roster[1:] {
		names[r[0]] = true
	}
	for _, name := range []string{"Lucía Muñoz", "Agnieszka Dąbrowska", "Emre Ünal", "Nguyễn Thị Lan", "Zoë *Star* O'Brien", "'=Eve Formula"} {
		if !names[name] {
			t.Errorf("roster lacks %q", name)
		}
	}

	grid := readCSV(t, files[export.TableAttendance])
	if len(grid[0]) != 1+s.HeldCount()+1 || grid[0][1] != "#1 2026-01-06" || grid[0][len(grid[0])-1] != "Attendance rate (%)" {
		t.Errorf("attendance header: %d columns, %q ... %q", len(grid[0]), grid[0][1], grid[0][len(grid[0])-1])
	}
	if len(grid) != len(roster) {
		t.Errorf("attendance: %d rows, roster %d", len(grid), len(roster))
	}
	for i, r := range grid[1:] {
		attended, counted := 0, 0
		for _, cell := range r[1 : len(r)-1] {
			switch cell {
			case "present", "late":
				attended++
				counted++
			case "absent":
				counted++
			case "excused", "":
			default:
				t.Errorf("attendance cell %q", cell)
			}
		}
		if want := roster[i+1][9]; r[len(r)-1] != want || want != strconv.Itoa(int(float64(attended)*100/float64(counted)+0.5)) {
			t.Errorf("%s: rate %s, roster %s, from the marks %d/%d", r[0], r[len(r)-1], want, attended, counted)
		}
	}

	actions := readCSV(t, files[export.TableActions])
	items := 0
	for _, o := range s.Actions {
		items += len(o.Items)
	}
	if want := []string{"Owner", "Action", "Status", "Due", "Overdue", "Done on", "Session"}; !slices.Equal(actions[0], want) || len(actions) != 1+items {
		t.Errorf("actions: header %q, %d rows for %d items", actions[0], len(actions)-1, items)
	}
	found := false
	for _, r := range actions[1:] {
		found = found || r[1] == `'=HYPERLINK("http://evil.example","click") tidy the sheet`
	}
	if !found {
		t.Error("the formula-like action is not there, behind an apostrophe")
	}
}

func TestCSVFiguresOnlyActions(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{FiguresOnly: true})
	rows := readCSV(t, render(t, s, "csv:actions"))
	if !slices.Equal(rows[0], []string{"Owner", "Open", "Overdue", "Done"}) || len(rows) != 1+len(s.Actions) {
		t.Errorf("figures-only actions: header %q, %d rows for %d owners", rows[0], len(rows)-1, len(s.Actions))
	}
	if last := rows[len(rows)-1]; last[0] != "The whole circle" {
		t.Errorf("last owner %q", last[0])
	}
}

func TestCSVUnknownTable(t *testing.T) {
	var b bytes.Buffer
	testdb.WantError(t, export.CSV(export.Summary{}, "goals", &b), apperr.Invalid, "table")
	if b.Len() != 0 {
		t.Errorf("wrote %q for an unknown table", b.String())
	}
}
