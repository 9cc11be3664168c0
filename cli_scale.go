package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"circlebook/backend/model"
	"circlebook/backend/scale"
)

// runScaleDemo generates a program of the named size (program or tenth)
// into the data file, which must have no circles yet; progress goes to stderr.
func runScaleDemo(w where, name string, stdout, stderr io.Writer) error {
	size, err := scale.ParseSize(name)
	if err != nil {
		return badInput(err)
	}
	st, err := openStore(w)
	if err != nil {
		return err
	}
	var circles int64
	if err := st.DB.Model(&model.Circle{}).Count(&circles).Error; err != nil {
		st.Close()
		return err
	}
	if circles > 0 {
		st.Close()
		return badInput(fmt.Errorf("%s already has %d circles: generate the %s-scale program into an empty data folder (--data DIR)", st.Path, circles, size.Name))
	}
	start := time.Now()
	r, err := scale.Generate(st.DB, size, time.Now(), stderr)
	if err == nil {
		err = st.MergeSearch() // as the app does once writes pause (store/merge.go)
	}
	if err != nil {
		st.CloseWithoutOptimize()
		return err
	}
	if err := st.CloseWithoutOptimize(); err != nil { // the file stays un-analysed, as the app's data is at first
		return err
	}
	var mb int64
	if info, err := os.Stat(st.Path); err == nil {
		mb = info.Size() >> 20
	}
	fmt.Fprintf(stdout, "Generated the %s-scale program into %s in %s (%d MB): %d people, %d circles, %d memberships, %d sessions, %d attendance marks, %d shared and %d private notes, %d action items, %d agenda items, %d topic tags.\n",
		size.Name, st.Path, time.Since(start).Round(time.Second), mb, r.People, r.Circles, r.Memberships, r.Sessions, r.Marks,
		r.SharedNotes, r.PrivateNotes, r.ActionItems, r.AgendaItems, r.Tags)
	return nil
}
