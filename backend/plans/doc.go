// Package plans holds the query-plan test and the scale benchmarks of a
// circle leader's screens, on the generated program (backend/internal/scaledb:
// tenth scale, or the whole program with CIRCLEBOOK_SCALE=program; never
// ANALYZEd).
//
// TestScreenPlans runs every service call each screen makes with its SQL
// recorded (backend/internal/plantest); each statement's EXPLAIN QUERY PLAN
// must read no large table whole and sort no set that is not bounded to one
// record's rows, and each reply must stay under MaxReply bytes of JSON.
// PLANS_SHOW=1 logs every statement with its plan (go test -v).
//
// The benchmarks give ratios measured in the same run: the calls a screen
// makes most against the same calls on the sample program (backend/demo),
// and a note's save against a bare fsync'd insert into the same file:
//
//	go test ./backend/plans/ -run XXX -bench . -benchtime 200x
package plans

// MaxReply is the most JSON bytes one call may answer a screen with.
const MaxReply = 100 << 10
