package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"circlebook/backend/store"
)

// maxProblems is how many of integrity_check's findings the one error line quotes.
const maxProblems = 5

// runCheck runs the full integrity check on the data file, on a read-only
// connection (only a WAL a crash left is recovered first): "ok" on stdout,
// or an error (exit 1) saying what is wrong.
func runCheck(w where, stdout io.Writer) error {
	if w.dsn() != "" {
		return badInput(errSQLiteOnly)
	}
	dir, err := store.DataDir(w.data)
	if err != nil {
		return err
	}
	problems, err := store.Check(dir)
	if err != nil {
		return err
	}
	if len(problems) == 0 {
		fmt.Fprintln(stdout, "ok")
		return nil
	}
	quoted := problems[:min(len(problems), maxProblems)]
	more := ""
	if len(problems) > maxProblems {
		more = fmt.Sprintf(" (and %d more)", len(problems)-maxProblems)
	}
	return fmt.Errorf("%w: %s: %s%s", store.ErrDamaged, filepath.Join(dir, store.FileName), strings.Join(quoted, "; "), more)
}
