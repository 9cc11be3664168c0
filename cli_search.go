package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/find"
)

// searchCommand parses `circlebook search QUERY [--circle NAME] [--limit N]
// [--json]` (flags before or after the query) and runs it.
func searchCommand(cmd *flag.FlagSet, args []string, w where, stdout io.Writer) error {
	circle := cmd.String("circle", "", "only this circle (by name)")
	limit := cmd.Int("limit", find.DefaultLimit, "hits per kind, 1 to 50")
	asJSON := cmd.Bool("json", false, "print JSON, one object per hit")
	words, err := parseAround(cmd, args, &w)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		return usageError(errors.New("search needs a query"))
	}
	if *limit < 1 || *limit > find.MaxLimit {
		return usageError(fmt.Errorf("--limit must be 1 to %d", find.MaxLimit))
	}
	return runSearch(w, find.Request{Query: strings.Join(words, " "), Circle: *circle, Limit: *limit}, *asJSON, stdout)
}

// parseAround parses a command's flags wherever they stand among its other
// arguments, which it returns in order. w was copied before the flags were
// parsed: --data and --db given after the command name are read back.
func parseAround(cmd *flag.FlagSet, args []string, w *where) ([]string, error) {
	var rest []string
	for len(args) > 0 {
		if err := cmd.Parse(args); err != nil {
			return nil, usageError(err)
		}
		args = cmd.Args()
		if len(args) > 0 {
			rest, args = append(rest, args[0]), args[1:]
		}
	}
	w.data, w.db = cmd.Lookup("data").Value.String(), cmd.Lookup("db").Value.String()
	return rest, nil
}

// jsonHit is a hit as `circlebook search --json` prints it, one object a line.
type jsonHit struct {
	Kind    string `json:"kind"`
	ID      uint   `json:"id"`
	UUID    string `json:"uuid"`
	Circle  string `json:"circle"`
	Date    string `json:"date"`
	Snippet string `json:"snippet"`
	Where   string `json:"where"`
	Private bool   `json:"private"`
}

// runSearch prints req's hits: a line each (kind, where, snippet with the
// matched words in [brackets]), or JSON objects. It never writes.
func runSearch(w where, req find.Request, asJSON bool, stdout io.Writer) error {
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := find.New(st.DB, time.Now).Search(req)
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return badInput(errors.New(ae.Message))
	}
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	for _, g := range res.Groups {
		for _, h := range g.Hits {
			if asJSON {
				if err := enc.Encode(jsonHit{h.Kind, h.ID, h.UUID, h.Circle, h.Date, text(h.Snippet, "", ""), h.Where, h.Private}); err != nil {
					return err
				}
				continue
			}
			where := h.Where
			if h.Private && !strings.Contains(where, "private") {
				where += " · private"
			}
			fmt.Fprintf(stdout, "%-8s %s · %s — %s\n", h.Kind, h.Title, where, text(h.Snippet, "[", "]"))
		}
	}
	if res.Hint != "" {
		fmt.Fprintln(stdout, "hint:", res.Hint)
	}
	return nil
}

// text writes a snippet as plain text, marked spans between open and close.
func text(spans []find.Span, open, close string) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Mark {
			b.WriteString(open + s.Text + close)
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}
