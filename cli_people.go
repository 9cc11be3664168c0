package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/roster"
)

// mapFlags collects repeated --map COLUMN=FIELD flags.
type mapFlags roster.Mapping

func (m mapFlags) String() string { return fmt.Sprint(map[string]string(m)) }

// Set reads one COLUMN=FIELD; an empty FIELD leaves the column out.
func (m mapFlags) Set(v string) error {
	col, field, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(col) == "" {
		return fmt.Errorf("--map takes COLUMN=FIELD, not %q", v)
	}
	m[strings.TrimSpace(col)] = strings.TrimSpace(field)
	return nil
}

// peopleCommand parses `circlebook people import FILE [--map COLUMN=FIELD
// ...] [--circle NAME --role ROLE] [--dry-run]` and `circlebook people
// undo-import` (flags before or after the file) and runs them.
func peopleCommand(cmd *flag.FlagSet, args []string, w where, stdout io.Writer) error {
	maps := mapFlags{}
	cmd.Var(maps, "map", "COLUMN=FIELD, repeatable")
	circle := cmd.String("circle", "", "add everyone to this circle (by name)")
	role := cmd.String("role", "", "their role in the circle")
	cohort := cmd.String("cohort", "", "the cohort of everyone whose row names none")
	dryRun := cmd.Bool("dry-run", false, "print the plan and write nothing")
	files, err := parseAround(cmd, args, &w)
	if err != nil {
		return err
	}
	if len(files) == 0 || files[0] != "import" && files[0] != "undo-import" {
		return usageError(errors.New("people takes import FILE or undo-import"))
	}
	sub, files := files[0], files[1:]
	if sub == "undo-import" {
		if len(files) > 0 {
			return usageError(fmt.Errorf("unexpected argument %q", files[0]))
		}
		return runUndoImport(w, stdout)
	}
	if len(files) != 1 {
		return usageError(errors.New("people import needs one file name"))
	}
	if (*circle == "") != (*role == "") {
		return usageError(errors.New("--circle and --role go together"))
	}
	req := roster.Request{Source: roster.Source{Path: files[0]}, Circle: *circle, Role: *role, Cohort: *cohort}
	return runPeopleImport(w, req, roster.Mapping(maps), *dryRun, stdout)
}

// runPeopleImport plans the file's rows with the guessed mapping and the
// --map overrides, prints a line per row, and, unless dryRun, imports them
// in one transaction. Any error row (or a refused file) writes nothing and
// exits 2, naming the rows.
func runPeopleImport(w where, req roster.Request, overrides roster.Mapping, dryRun bool, stdout io.Writer) error {
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := roster.New(st.DB, time.Now)
	pre, err := svc.Preview(req.Source)
	if err != nil {
		return asBadInput(err)
	}
	req.Mapping = override(pre.Mapping, overrides)
	var p roster.Plan
	if dryRun {
		p, err = svc.DryRun(req)
	} else {
		var res roster.Result
		res, err = svc.Import(req)
		p = res.Plan
	}
	printPlan(p, stdout)
	if err != nil {
		return asBadInput(err)
	}
	if p.Errors > 0 {
		return badInput(fmt.Errorf("%s cannot be imported as it is; nothing was written", errorRowList(p)))
	}
	if dryRun {
		fmt.Fprintln(stdout, "Dry run: nothing was written.")
	}
	return nil
}

// override applies --map over the guessed mapping: a column mapped to a
// field takes it from any column the guess gave it to.
func override(guess, overrides roster.Mapping) roster.Mapping {
	out := roster.Mapping{}
	for h, f := range guess {
		out[h] = f
	}
	for col, field := range overrides {
		for h, f := range out {
			if f == field && field != "" {
				delete(out, h)
			}
		}
		out[col] = field
	}
	return out
}

// printPlan writes a line per row (number, action, who, reason), then the counts.
func printPlan(p roster.Plan, out io.Writer) {
	if p.Rows == nil {
		return
	}
	fmt.Fprintf(out, "Read as %s (%s), header on row %d.\n", p.Format, describe(p), p.HeaderRow)
	for _, n := range p.Notes {
		fmt.Fprintln(out, "note:", n)
	}
	for _, r := range p.Rows {
		who := r.Name
		if r.Email != "" {
			who += " <" + r.Email + ">"
		}
		reason := r.Reason
		if r.Field != "" && r.Action == roster.ActionError {
			reason = r.Field + ": " + reason
		}
		if r.JoinsCircle {
			reason += "; joins the circle"
		}
		fmt.Fprintf(out, "row %-6d %-6s %s: %s\n", r.Row, r.Action, who, reason)
		if r.Warning != "" {
			fmt.Fprintf(out, "           warning: %s\n", r.Warning)
		}
	}
	fmt.Fprintf(out, "%d create, %d update, %d skip, %d error; %d join the circle\n", p.Creates, p.Updates, p.Skips, p.Errors, p.Joins)
}

func describe(p roster.Plan) string {
	if p.Format == "xlsx" {
		return "first sheet"
	}
	d := map[string]string{",": "comma", ";": "semicolon", "\t": "tab"}[p.Delimiter]
	return p.Encoding + ", " + d + "-separated"
}

// errorRowList names the first error rows.
func errorRowList(p roster.Plan) string {
	var rows []string
	for _, r := range p.Rows {
		if r.Action == roster.ActionError {
			if len(rows) == 10 {
				rows = append(rows, "...")
				break
			}
			rows = append(rows, fmt.Sprintf("row %d", r.Row))
		}
	}
	return strings.Join(rows, ", ")
}

// runUndoImport undoes the last import.
func runUndoImport(w where, stdout io.Writer) error {
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := roster.New(st.DB, time.Now).Undo()
	if err != nil {
		return asBadInput(err)
	}
	fmt.Fprintf(stdout, "Undid the import of %s: %d people removed, %d restored, %d memberships removed.\n", u.File, u.Deleted, u.Restored, u.Left)
	return nil
}

// asBadInput turns a service's typed error into the asker's mistake
// (one line on stderr, exit 2); other failures stay as they are.
func asBadInput(err error) error {
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Code != apperr.Internal && ae.Code != apperr.Unavailable {
		return badInput(errors.New(ae.Message))
	}
	return err
}
