package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"circlebook/backend/form"
	"circlebook/backend/pairing"
)

// formCommand runs `circlebook form (--cohort NAME | --circle NAME)
// (--circles K | --size MIN-MAX) [--seed N] [--json] [--create
// [--first-session DATE]]`: the proposed circles and their mix, and with
// --create the circles made.
func formCommand(cmd *flag.FlagSet, args []string, w where, stdout, stderr io.Writer) error {
	var sel selectionFlags
	sel.add(cmd)
	k := cmd.Int("circles", 0, "how many circles")
	size := cmd.String("size", "", "or members per circle, MIN-MAX (e.g. 8-12)")
	seed := cmd.Uint64("seed", 1, "orders the search: the same seed gives the same circles")
	asJSON := cmd.Bool("json", false, "print the proposal as JSON")
	create := cmd.Bool("create", false, "create the proposed circles")
	first := cmd.String("first-session", "", "with --create: the first sessions' day, YYYY-MM-DD (a week from today)")
	if err := parseArgs(cmd, args, 0); err != nil {
		return err
	}
	w.data, w.db = cmd.Lookup("data").Value.String(), cmd.Lookup("db").Value.String()
	opt := form.Options{Circles: *k, Seed: *seed}
	if *size != "" {
		if _, err := fmt.Sscanf(*size, "%d-%d", &opt.MinSize, &opt.MaxSize); err != nil || opt.MinSize < 1 || opt.MaxSize < opt.MinSize {
			return usageError(errors.New("--size takes MIN-MAX, e.g. 8-12"))
		}
	}
	if *k < 0 || (*k == 0 && *size == "") {
		return usageError(errors.New("give --circles K or --size MIN-MAX"))
	}
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	req := pairing.FormRequest{Options: opt}
	if req.Selection, err = sel.resolve(st.DB); err != nil {
		return err
	}
	svc := pairing.New(st.DB, time.Now)
	prop, err := svc.Propose(req)
	if err != nil {
		return inputFailed(err)
	}
	if err := show(stdout, *asJSON, prop, func() { printProposal(prop, stdout) }); err != nil {
		return err
	}
	if !*create {
		return nil
	}
	cr := pairing.CreateRequest{Cohort: sel.cohort, Leaders: prop.Leads, FirstSession: *first}
	for _, c := range prop.Circles {
		cr.Circles = append(cr.Circles, c.Members)
	}
	made, err := svc.Create(cr)
	if err != nil {
		return inputFailed(err)
	}
	fmt.Fprintf(stderr, "Created %d circles.\n", len(made.Circles))
	return nil
}

// printProposal writes each proposed circle: its members, then its mix.
func printProposal(p pairing.Proposal, out io.Writer) {
	fmt.Fprintf(out, "%d circles\n", len(p.Circles))
	for i, c := range p.Circles {
		var who []string
		for _, id := range c.Members {
			who = append(who, p.Names[id])
		}
		fmt.Fprintf(out, "\nCircle %d (%d): %s\n", i+1, len(c.Members), strings.Join(who, ", "))
		for _, s := range c.Explanation.Sentences {
			fmt.Fprintf(out, "  %s\n", s)
		}
	}
}
