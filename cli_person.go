package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/atomic"
	"circlebook/backend/check"
	"circlebook/backend/export"
)

// runPersonExport writes a person's growth report (md, html or pdf) to
// stdout or, whole or not at all, to a file. Bad input exits 2 with one line.
func runPersonExport(w where, f exportArgs, stdout io.Writer) error {
	if err := f.checkPerson(); err != nil {
		return badInput(err)
	}
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := export.FindPerson(st.DB, f.person)
	if err != nil {
		return badInput(err)
	}
	file, err := export.New(st.DB, time.Now).PersonFile(id, export.PersonRequest{Format: f.format, From: f.from, To: f.to})
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Code != apperr.Internal {
		return badInput(err)
	}
	if err != nil {
		return err
	}
	if f.out == "" {
		_, err = stdout.Write(file.Data)
		return err
	}
	if err := atomic.WriteFile(f.out, file.Data, 0o600); err != nil {
		return badInput(fmt.Errorf("cannot write %s: %v", f.out, err))
	}
	return nil
}

// checkPerson refuses what a growth report does not take: a circle too, a
// circle summary's options, a format other than md, html and pdf.
func (f exportArgs) checkPerson() error {
	if err := check.First(check.Date("from", f.from), check.Date("to", f.to), check.Order("to", f.from, f.to)); err != nil {
		return err
	}
	switch {
	case f.circle != "":
		return errors.New("name a circle (--circle) or a person (--person), not both")
	case f.anonymize || f.figuresOnly || f.includePrivate:
		return errors.New("--anonymize, --figures-only and --include-private go with --circle only")
	case !slices.Contains(export.PersonFormats, f.format):
		return fmt.Errorf("unknown format %q for a growth report: use md, html or pdf", f.format)
	case f.format == "pdf" && f.out == "":
		return errors.New("a PDF goes to a file: add --out FILE")
	}
	return nil
}
