package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/export"
	"circlebook/backend/match"
	"circlebook/backend/pairing"

	"gorm.io/gorm"
)

// selectionFlags are the flags that name a run's people.
type selectionFlags struct{ cohort, circle string }

func (s *selectionFlags) add(cmd *flag.FlagSet) {
	cmd.StringVar(&s.cohort, "cohort", "", "the cohort's people")
	cmd.StringVar(&s.circle, "circle", "", "or a circle's current members (by name or UUID)")
}

// resolve turns the flags into a Selection, finding the circle by name.
func (s selectionFlags) resolve(db *gorm.DB) (pairing.Selection, error) {
	if (s.cohort == "") == (s.circle == "") {
		return pairing.Selection{}, usageError(errors.New("give --cohort NAME or --circle NAME"))
	}
	if s.circle == "" {
		return pairing.Selection{Cohort: s.cohort}, nil
	}
	id, err := export.FindCircle(db, s.circle)
	if err != nil {
		return pairing.Selection{}, badInput(err)
	}
	return pairing.Selection{CircleID: id}, nil
}

// inputFailed makes a service's refusal of the input one line and exit 2.
func inputFailed(err error) error {
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Code != apperr.Internal {
		return badInput(errors.New(ae.Message))
	}
	return err
}

// show prints v as indented JSON when asJSON, else as text by print.
func show(stdout io.Writer, asJSON bool, v any, print func()) error {
	if !asJSON {
		print()
		return nil
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// matchCommand runs `circlebook match (--cohort NAME | --circle NAME)
// [--weights FILE] [--must-share-language] [--min-overlap HOURS] [--json]
// [--publish [--first-session DATE]]`: the suggested pairs and why, and with
// --publish each made a pair circle.
func matchCommand(cmd *flag.FlagSet, args []string, w where, stdout, stderr io.Writer) error {
	var sel selectionFlags
	sel.add(cmd)
	weights := cmd.String("weights", "", "a JSON file of weights (growthAreas, crossOrganization, tenureGap, sharedLanguage, timeZoneOverlap)")
	language := cmd.Bool("must-share-language", false, "only pairs with a common language")
	overlap := cmd.Float64("min-overlap", 0, "only pairs with at least this many hours of working time in common")
	asJSON := cmd.Bool("json", false, "print the suggestion as JSON")
	publish := cmd.Bool("publish", false, "make each suggested pair a circle of two")
	first := cmd.String("first-session", "", "with --publish: the first sessions' day, YYYY-MM-DD (a week from today)")
	if err := parseArgs(cmd, args, 0); err != nil {
		return err
	}
	w.data, w.db = cmd.Lookup("data").Value.String(), cmd.Lookup("db").Value.String()
	req := pairing.MatchRequest{Constraints: match.Constraints{MustShareLanguage: *language, MinOverlapHours: *overlap}}
	if *weights != "" {
		var wt match.Weights
		data, err := os.ReadFile(*weights)
		if err != nil {
			return badInput(fmt.Errorf("cannot read %s: %v", *weights, err))
		}
		if err := json.Unmarshal(data, &wt); err != nil {
			return badInput(fmt.Errorf("%s is not a weights file: %v", *weights, err))
		}
		req.Weights = &wt
	}
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	if req.Selection, err = sel.resolve(st.DB); err != nil {
		return err
	}
	svc := pairing.New(st.DB, time.Now)
	s, err := svc.Suggest(req)
	if err != nil {
		return inputFailed(err)
	}
	if err := show(stdout, *asJSON, s, func() { printSuggestion(s, stdout) }); err != nil {
		return err
	}
	if !*publish {
		return nil
	}
	pairs := make([]match.Pair, len(s.Matches))
	for i, m := range s.Matches {
		pairs[i] = match.Pair{Mentee: m.Mentee, Mentor: m.Mentor}
	}
	pub, err := svc.Publish(pairing.PublishRequest{Cohort: sel.cohort, Pairs: pairs, FirstSession: *first})
	if err != nil {
		return inputFailed(err)
	}
	fmt.Fprintf(stderr, "Published %d pairs as circles; %d were already pairs.\n", len(pub.Circles), len(pub.Skipped))
	return nil
}

// printSuggestion writes a suggestion a pair a line, with its explanation.
func printSuggestion(s pairing.Suggestion, out io.Writer) {
	fmt.Fprintf(out, "%d pairs from %d mentees and %d mentors, %d points in all\n", len(s.Matches), s.Mentees, s.Mentors, s.Total)
	for _, m := range s.Matches {
		var why []string
		for _, p := range m.Explanation.Parts {
			why = append(why, p.Text)
		}
		pin := ""
		if m.Pinned {
			pin = " (pinned)"
		}
		fmt.Fprintf(out, "%s ← %s%s: %d points. %s\n", s.Names[m.Mentee], s.Names[m.Mentor], pin, m.Explanation.Total, strings.Join(why, "; "))
	}
	for _, u := range s.Unmatched {
		fmt.Fprintf(out, "%s: no mentor. %s\n", s.Names[u.Mentee], u.Reason)
	}
	for _, k := range s.Skipped {
		fmt.Fprintf(out, "Left out: %s\n", k)
	}
}
