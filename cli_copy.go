package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"circlebook/backend/dbcopy"
	"circlebook/backend/store"
)

// copyArgs are the copy command's flags.
type copyArgs struct {
	from, to string
	merge    bool
}

// copyFlags registers the copy command's flags.
func copyFlags(cmd *flag.FlagSet) *copyArgs {
	a := &copyArgs{}
	cmd.StringVar(&a.from, "from", "", "the database to copy: a postgres:// URL, or a data folder or its circlebook.db")
	cmd.StringVar(&a.to, "to", "", "the empty database to copy into (with --merge, any): a postgres:// URL, or a data folder or its circlebook.db")
	cmd.BoolVar(&a.merge, "merge", false, "merge into a target that holds records: what it has (by UUID) stays, what it lacks is added")
	return a
}

// runCopy copies a whole database into an empty one (SQLite file or
// PostgreSQL, either way), or with --merge into any (see dbcopy.Merge),
// with progress on stderr and a summary on stdout. Naming mistakes, a side
// that cannot be opened, the same database twice, a target that holds
// records (without --merge) and records that conflict (with it) exit 2
// with one line; the target is left as it was on any error.
func runCopy(a copyArgs, stdout, stderr io.Writer) error {
	if a.from == "" || a.to == "" {
		return usageError(errors.New("copy needs --from and --to"))
	}
	from, to, err := copyEnds(a)
	if err != nil {
		return badInput(err)
	}
	tmp, err := os.MkdirTemp("", "circlebook-copy-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	src, err := openCopyEnd("--from", from, tmp, dbcopy.OpenSource)
	if err != nil {
		return err
	}
	defer src.Close()
	unmake := madeBy(to)
	dst, err := openCopyEnd("--to", to, tmp, dbcopy.OpenTarget)
	if err != nil {
		unmake()
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	report, err := copyOrMerge(ctx, a.merge, src, dst, stdout, stderr)
	dst.Close()
	if err != nil {
		unmake()
	}
	if errors.Is(err, dbcopy.ErrNotEmpty) || errors.Is(err, dbcopy.ErrNotOwner) || errors.Is(err, dbcopy.ErrConflict) {
		return badInput(fmt.Errorf("--to %s: %w", dst.Path, err))
	}
	if err != nil {
		verb := "copy"
		if a.merge {
			verb = "merge"
		}
		return fmt.Errorf("%s %s to %s (the target is left as it was): %w", verb, src.Path, dst.Path, err)
	}
	report()
	return nil
}

// copyOrMerge copies, or merges, src into dst and returns what prints its report.
func copyOrMerge(ctx context.Context, merge bool, src, dst *store.Store, stdout, stderr io.Writer) (func(), error) {
	opt := dbcopy.Options{Progress: stderr}
	if !merge {
		rep, err := dbcopy.Copy(ctx, src.DB, dst.DB, opt)
		return func() { printCopyReport(stdout, rep, src, dst) }, err
	}
	rep, err := dbcopy.Merge(ctx, src.DB, dst.DB, opt)
	return func() { printMergeReport(stdout, rep, src, dst) }, err
}

// copyEnds reads --from and --to and refuses the same database twice.
func copyEnds(a copyArgs) (from, to dbcopy.Endpoint, err error) {
	if from, err = dbcopy.ParseEndpoint(a.from); err != nil {
		return from, to, fmt.Errorf("--from: %w", err)
	}
	if to, err = dbcopy.ParseEndpoint(a.to); err != nil {
		return from, to, fmt.Errorf("--to: %w", err)
	}
	if from.Same(to) {
		return from, to, dbcopy.ErrSameDatabase
	}
	return from, to, nil
}

// madeBy returns what removes the SQLite file (and data folder) that
// opening e as the target is about to make, if it makes them, so a copy
// that fails leaves no empty database behind; it does nothing otherwise.
func madeBy(e dbcopy.Endpoint) func() {
	if e.Dir == "" {
		return func() {}
	}
	if _, err := os.Stat(e.Dir); errors.Is(err, os.ErrNotExist) {
		return func() { os.RemoveAll(e.Dir) }
	}
	file := filepath.Join(e.Dir, store.FileName)
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		return func() {}
	}
	return func() {
		for _, suffix := range []string{"", "-wal", "-shm", store.MarkerSuffix} {
			os.Remove(file + suffix)
		}
	}
}

// openCopyEnd opens one side; what stops it opening is the asker's to
// mend (exit 2), but for a damaged SQLite file.
func openCopyEnd(flag string, e dbcopy.Endpoint, tmp string, open func(dbcopy.Endpoint, string) (*store.Store, error)) (*store.Store, error) {
	st, err := open(e, tmp)
	if err == nil {
		return st, nil
	}
	if errors.Is(err, store.ErrDamaged) {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	return nil, badInput(fmt.Errorf("%s: %w", flag, err))
}

// printCopyReport writes each table's rows and checksum, then one line.
func printCopyReport(w io.Writer, rep dbcopy.Report, src, dst *store.Store) {
	for _, t := range rep.Tables {
		kept := ""
		if t.Derived {
			kept = " (kept by triggers)"
		}
		fmt.Fprintf(w, "%-16s %9d rows  checksum %s%s\n", t.Table, t.Rows, t.Checksum, kept)
	}
	fmt.Fprintf(w, "Copied %d records from %s (%s) to %s (%s) in %.1fs; counts and checksums match on both sides.\n",
		rep.Rows(), src.Path, src.Dialect, dst.Path, dst.Dialect, rep.Elapsed.Seconds())
}

// printMergeReport writes each table's records added and kept, then one
// line; a merge into an empty target was a copy, and says so.
func printMergeReport(w io.Writer, rep dbcopy.MergeReport, src, dst *store.Store) {
	if rep.Copied != nil {
		printCopyReport(w, *rep.Copied, src, dst)
		fmt.Fprintln(w, "The target was empty: the merge was a copy.")
		return
	}
	for _, t := range rep.Tables {
		var more []string
		if t.ByKey > 0 {
			more = append(more, fmt.Sprintf("%d of them by %s", t.ByKey, t.KeyName))
		}
		if t.Differing > 0 {
			more = append(more, fmt.Sprintf("%d with other text there: the source's is kept as a revision", t.Differing))
		}
		note := ""
		if len(more) > 0 {
			note = " (" + strings.Join(more, "; ") + ")"
		}
		fmt.Fprintf(w, "%-16s %9d added %9d kept%s\n", t.Table, t.Added, t.Kept, note)
	}
	added, kept := rep.Totals()
	fmt.Fprintf(w, "Merged %s (%s) into %s (%s) in %.1fs: %d records added, %d kept as the target had them; every source record is in the target.\n",
		src.Path, src.Dialect, dst.Path, dst.Dialect, rep.Elapsed.Seconds(), added, kept)
}
