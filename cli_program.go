package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/atomic"
	"circlebook/backend/export"
	"circlebook/backend/program"
)

// programArgs are `circlebook program`'s flags.
type programArgs struct {
	cohort, kind, format, out, pageSize string
	limit                               int
}

// programCommand parses `circlebook program [--cohort NAME] [--kind
// pair|group] [--limit N]`, which prints the program view's first rows, or
// with `--format csv|pdf --out FILE` writes all of them to a file.
func programCommand(cmd *flag.FlagSet, args []string, w where, stdout io.Writer) error {
	var a programArgs
	cmd.StringVar(&a.cohort, "cohort", "", "only this cohort's circles")
	cmd.StringVar(&a.kind, "kind", "", "pair or group: only those")
	cmd.StringVar(&a.format, "format", "", "csv or pdf: write every row to --out")
	cmd.StringVar(&a.out, "out", "", "the file to write (with --format)")
	cmd.StringVar(&a.pageSize, "page-size", "A4", "with pdf: A4 or Letter")
	cmd.IntVar(&a.limit, "limit", 50, "rows to print, 1 to 100")
	if err := parseArgs(cmd, args, 0); err != nil {
		return err
	}
	w.data, w.db = cmd.Lookup("data").Value.String(), cmd.Lookup("db").Value.String()
	if (a.format == "") != (a.out == "") {
		return usageError(errors.New("--format and --out go together"))
	}
	if a.kind != "" && a.kind != "pair" && a.kind != "group" {
		return usageError(errors.New("--kind must be pair or group"))
	}
	if a.limit < 1 || a.limit > 100 {
		return usageError(errors.New("--limit must be 1 to 100"))
	}
	return runProgram(w, a, stdout)
}

// runProgram prints or writes the program view. It never changes the data.
func runProgram(w where, a programArgs, stdout io.Writer) error {
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	req := program.Request{Cohort: a.cohort, Kind: a.kind, Limit: a.limit}
	var ae *apperr.Error
	if a.format != "" {
		file, err := export.New(st.DB, time.Now).ProgramFile(export.ProgramRequest{Request: req, Format: a.format, PageSize: a.pageSize})
		if errors.As(err, &ae) && ae.Code != apperr.Internal {
			return badInput(errors.New(ae.Message))
		}
		if err != nil {
			return err
		}
		if err := atomic.WriteFile(a.out, file.Data, 0o600); err != nil {
			return badInput(fmt.Errorf("cannot write %s: %v", a.out, err))
		}
		return nil
	}
	page, err := program.New(st.DB, time.Now).List(req)
	if errors.As(err, &ae) && ae.Code != apperr.Internal {
		return badInput(errors.New(ae.Message))
	}
	if err != nil {
		return err
	}
	printProgram(page, stdout)
	return nil
}

// printProgram writes a page of the program view: a line a circle.
func printProgram(p program.Page, out io.Writer) {
	total := fmt.Sprint(p.Total)
	if p.Capped {
		total = fmt.Sprintf("more than %d", p.Total-1)
	}
	fmt.Fprintf(out, "%d of %s circles\n", len(p.Rows), total)
	for _, r := range p.Rows {
		rate := "—"
		if r.Attendance.Rate != nil {
			rate = fmt.Sprintf("%.0f%%", *r.Attendance.Rate*100)
		}
		last := r.LastHeld
		if last == "" {
			last = "never met"
		}
		line := fmt.Sprintf("%-8s %-40s %-5s %2d members  %4s  last %-10s  %d open", r.Health, r.Name, r.Kind, r.MemberCount, rate, last, r.OpenActions)
		if len(r.Reasons) > 0 {
			line += "  (" + strings.Join(r.Reasons, "; ") + ")"
		}
		fmt.Fprintln(out, line)
	}
}
