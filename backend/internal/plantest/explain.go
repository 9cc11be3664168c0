package plantest

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Step is one line of a query plan: its node, its parent node and what it does.
type Step struct {
	ID, Parent int
	Detail     string
}

// Explain returns stmt's query plan on db, as EXPLAIN QUERY PLAN gives it.
// It goes straight to the connection pool, so a Recorder does not see it.
func Explain(db *gorm.DB, stmt Statement) ([]Step, error) {
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	rows, err := sqlDB.Query("EXPLAIN QUERY PLAN "+stmt.SQL, stmt.Args...)
	if err != nil {
		return nil, fmt.Errorf("explain %s: %w", stmt, err)
	}
	defer rows.Close()
	var plan []Step
	for rows.Next() {
		var s Step
		var unused int
		if err := rows.Scan(&s.ID, &s.Parent, &unused, &s.Detail); err != nil {
			return nil, err
		}
		plan = append(plan, s)
	}
	return plan, rows.Err()
}

// Format shows a plan as EXPLAIN QUERY PLAN's shell output does, indented by depth.
func Format(plan []Step) string {
	depth := map[int]int{}
	var b strings.Builder
	for _, s := range plan {
		depth[s.ID] = depth[s.Parent] + 1
		fmt.Fprintf(&b, "%s%s\n", strings.Repeat("  ", depth[s.ID]), s.Detail)
	}
	return b.String()
}
