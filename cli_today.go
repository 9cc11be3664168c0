package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"circlebook/backend/today"
)

// runToday prints the Today screen's lists: the next session, today's and
// the week's sessions, and what needs attention with its reason; --json
// prints the screen's own JSON (today.View).
func runToday(w where, asJSON bool, stdout io.Writer) error {
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	v, err := today.New(st.DB, time.Now).Get()
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	printToday(v, stdout)
	return nil
}

// printToday writes v as text a leader reads: one line per session and item.
func printToday(v today.View, out io.Writer) {
	if v.Empty {
		fmt.Fprintln(out, "No circles yet.")
		return
	}
	fmt.Fprintf(out, "Today, %s\n", v.Date)
	if v.Next != nil {
		fmt.Fprintf(out, "Next: %s · %s · %s\n", v.Next.Circle, v.Next.Title, when(v.Next.StartsAt))
	}
	sessions := func(label string, ss []today.Session) {
		fmt.Fprintf(out, "\n%s (%d)\n", label, len(ss))
		for _, s := range ss {
			fmt.Fprintf(out, "  %s  %s · %s (%s)\n", when(s.StartsAt), s.Circle, s.Title, s.Status)
		}
	}
	sessions("Today's sessions", v.Today)
	sessions("This week", v.Week)
	count := fmt.Sprint(v.Count)
	if v.Count > today.MaxItems {
		count = fmt.Sprintf("%d+, the first %d", today.MaxItems, len(v.Attention)) // past MaxItems the count is a floor
	}
	fmt.Fprintf(out, "\nNeeds attention (%s)\n", count)
	for _, it := range v.Attention {
		fmt.Fprintf(out, "  %-12s %s: %s\n", it.Kind, it.Title, it.Reason)
	}
}

// when writes an RFC 3339 start as "Wed 25 Nov 18:00 +13:00" (the circle's offset).
func when(rfc string) string {
	t, err := time.Parse(time.RFC3339, rfc)
	if err != nil {
		return rfc
	}
	return t.Format("Mon 2 Jan 15:04 -07:00")
}
