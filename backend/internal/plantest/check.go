package plantest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Large lists the tables that grow with the program: a plan may read one of
// them only through an index search, never whole.
var Large = []string{
	"people", "memberships", "circles", "circle_tallies", "sessions", "attendance", "agenda_items",
	"notes", "note_revisions", "action_items", "session_topics", "pins",
}

var (
	// loop matches a plan step that reads a table: SCAN or SEARCH, then its name or alias.
	loop = regexp.MustCompile(`^(SCAN|SEARCH) (\S+)`)
	// source matches a table named after FROM, JOIN, UPDATE or INTO, with its alias if any.
	source = regexp.MustCompile("(?i)\\b(?:FROM|JOIN|UPDATE|INTO)\\s+[`\"]?(\\w+)[`\"]?(?:\\s+(?:AS\\s+)?[`\"]?(\\w+)[`\"]?)?")
	// constraint matches the terms an index search is bound by: "(a=? AND b>?)".
	constraint = regexp.MustCompile(`\(((?:\w+|<expr>)(?:=|>|<|>=|<=)\?(?: AND (?:\w+|<expr>)(?:=|>|<|>=|<=)\?)*)\)`)
)

// keywords can follow a table name in the place of an alias.
var keywords = map[string]bool{
	"WHERE": true, "LEFT": true, "RIGHT": true, "INNER": true, "OUTER": true, "CROSS": true, "JOIN": true, "ON": true,
	"ORDER": true, "GROUP": true, "LIMIT": true, "SET": true, "VALUES": true, "USING": true, "NATURAL": true,
	"UNION": true, "EXCEPT": true, "INTERSECT": true, "HAVING": true, "WINDOW": true, "DEFAULT": true, "SELECT": true,
	"RETURNING": true, "INDEXED": true, "NOT": true, "AS": true, "FULL": true,
}

// tables maps each name a statement reads a table by (its own name or an
// alias) to the tables it may stand for.
func tables(sql string) map[string][]string {
	out := map[string][]string{}
	add := func(name, table string) {
		if !slices.Contains(out[name], table) {
			out[name] = append(out[name], table)
		}
	}
	for _, m := range source.FindAllStringSubmatch(sql, -1) {
		add(m[1], m[1])
		if m[2] != "" && !keywords[strings.ToUpper(m[2])] {
			add(m[2], m[1])
		}
	}
	return out
}

// large returns the large table that name stands for in the statement, or "".
func large(name string, names map[string][]string) string {
	for _, t := range append(names[name], name) {
		if slices.Contains(Large, t) {
			return t
		}
	}
	return ""
}

// Problems lists what is wrong with stmt's plan: a large table read whole
// (SCAN, with or without a covering index, or an automatic index SQLite
// builds by reading it whole), and a temporary B-tree sorting rows that
// are not bounded by an equality search (the children of one record).
func Problems(stmt Statement, plan []Step) []string {
	names := tables(stmt.SQL)
	var out []string
	for _, s := range plan {
		m := loop.FindStringSubmatch(s.Detail)
		if m == nil {
			continue
		}
		t := large(m[2], names)
		switch {
		case t == "":
		case m[1] == "SCAN":
			out = append(out, fmt.Sprintf("reads all of %s: %s", t, s.Detail))
		case strings.Contains(s.Detail, "AUTOMATIC"):
			out = append(out, fmt.Sprintf("reads all of %s to build an automatic index: %s", t, s.Detail))
		}
	}
	for _, s := range plan {
		if !strings.Contains(s.Detail, "TEMP B-TREE") {
			continue
		}
		for _, l := range within(plan, s.Parent) {
			m := loop.FindStringSubmatch(l.Detail)
			if t := large(m[2], names); t != "" && !bounded(l.Detail) {
				out = append(out, fmt.Sprintf("sorts rows of %s not bounded to one record's (%s): %s", t, l.Detail, s.Detail))
			}
		}
	}
	return out
}

// within returns the table reads under plan node parent, at any depth.
func within(plan []Step, parent int) []Step {
	under := map[int]bool{parent: true}
	var out []Step
	for _, s := range plan { // a child always follows its parent
		if !under[s.Parent] {
			continue
		}
		under[s.ID] = true
		if loop.MatchString(s.Detail) {
			out = append(out, s)
		}
	}
	return out
}

// bounded reports whether an index search starts with an equality, so it
// reads the rows of one key: "(circle_id=? AND starts_at<?)" is bounded,
// "(name_key>?)" is not.
func bounded(detail string) bool {
	if !strings.HasPrefix(detail, "SEARCH") {
		return false
	}
	m := constraint.FindStringSubmatch(detail)
	if m == nil {
		return false
	}
	first, _, _ := strings.Cut(m[1], " AND ")
	return strings.HasSuffix(first, "=?") && !strings.ContainsAny(strings.TrimSuffix(first, "=?"), "<>")
}
