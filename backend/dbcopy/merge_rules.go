package dbcopy

import (
	"fmt"
	"strings"

	"circlebook/backend/fold"
)

// rule is how a merge matches one table's rows with the target's and
// rewrites their references. The rules are the bundle import's
// (bundle.Merge): the same records match, by the same things, and a record
// matched by UUID must belong where the bundle import requires it to.
type rule struct {
	refs      map[string]string // column -> the table it refers to: the source's id there becomes the target's
	identity  []string          // what a row matched by UUID must agree on with the target's: where it belongs
	loose     []string          // references a row matched by UUID must agree on where both sides have one (ON DELETE SET NULL)
	key       []string          // what makes a row unique besides its UUID (after refs are rewritten); none when empty
	fold      string            // the key's text column compared ASCII case-insensitively, as its unique index (on lower()) does
	skipBlank bool              // a row whose fold column is empty has no key: the unique index leaves it out
	keyName   string            // how the key reads in the report
	keepText  bool              // a kept row whose body differs keeps the source's as a revision (notes)
}

// rules are the merge's rules, table by table. Every table but
// session_topics, circle_frameworks, goal_items, never_match and
// match_vocabulary has a UUID of its own
// (memberships, marks and revisions too: model.Base), and a row is first
// matched by it: a row whose UUID the target has is kept as the target has
// it, whatever the source's says
// (the bundle import would take the later version; a merging copy never
// changes what is in the target). A row the target lacks by UUID is then
// matched by what makes it unique, where the schema makes something unique,
// since the target could not hold it twice; otherwise it is added, with a
// new id and its references rewritten to the target's ids. So:
//
//   - circles: by UUID alone (two circles may share a name).
//   - people: by UUID, then by email (ASCII case-insensitive, as the unique
//     index compares): one person entered on two laptops is one person.
//   - topics: by UUID (the seeded ones share theirs everywhere), then by name.
//   - memberships: by UUID, then by circle and person: a person is in a
//     circle once, so where the target has that pair its role and dates stay.
//   - sessions: by UUID, and one so matched must be the same circle's. A new
//     session in a circle the target had is numbered by the bundle import's
//     rule (bundle.NumberSessions).
//   - agenda items: by UUID, the same session's; a new one on a session the
//     target had is added at the position it had (as an import does).
//   - attendance: by UUID, then by session and person: a person has one mark
//     a session, so where the target has one it stays.
//   - notes: by UUID, then by session and visibility (one of each a
//     session). Where the target's text differs from the source's, the
//     target's stays and the source's is added as one of the note's
//     revisions (before-restore, the reason an import gives the text it
//     replaced), so no word typed on either side is lost; its UUID is made
//     from the note's and the text's, so a second merge finds it.
//   - note revisions: by UUID, the same note's: history only grows, so a
//     revision the target lacks is added to its note, new or kept.
//   - pins: by UUID, about the same person in the same circle.
//   - action items: by UUID, the same circle's.
//   - session topics (no UUID): by session and topic, their key; a tag the
//     target lacks is added.
//
// The growth records (bundle.findGrowth matches the same ones):
//
//   - frameworks: by UUID (the sample's is the same everywhere), then by
//     name (ASCII case-insensitive): a framework made on two laptops under
//     one name is one framework.
//   - framework items: by UUID, the same framework's; then by framework and
//     name, so the items of a framework matched by name are its items.
//   - circle frameworks (no UUID): by circle and framework, their key; a
//     use the target lacks is added, none is taken away.
//   - goals: by UUID, the same person's, in the same circle where both
//     sides have one: a circle deleted on one side leaves its goals
//     personal (ON DELETE SET NULL), and they still match (an import of
//     the circle's bundle refuses such a goal; a merge carries the circle
//     back and keeps the goal as the target has it).
//   - goal tasks: by UUID, the same goal's.
//   - goal items (no UUID): by goal and framework item, their key; a link
//     the target lacks is added, none is taken away (as the bundle import
//     links a goal to its items).
//   - goal check-ins: by UUID, the same goal's, in the same session where
//     both sides have one (a deleted session leaves none); the import
//     checks the goal alone, and takes the later session.
//   - milestones: by UUID, the same person's.
//   - skill ratings: by UUID, the same circle, person, item and phase;
//     then by those four: one rating a phase, so where the target has one
//     it stays.
//   - session feedback: by UUID, the same session's and person's (none:
//     the group's); then by session and person: one form each a session,
//     and the group's one.
//
// Private goals and milestones are carried as private notes are: a merge
// (and a copy) is between the owner's own databases; only a bundle leaves
// them out. A kept one keeps the target's visibility, as everything kept
// keeps all of the target's columns.
//
// A match that breaks a rule (a session of one circle in the source and of
// another in the target; two source records matching one target record) is
// refused with ErrConflict. merge_rules_test compares refs with the
// schema's foreign keys, loose with those ON DELETE SET NULL, and key with
// its unique indexes.
var rules = map[string]rule{
	"circles": {},
	"people":  {key: []string{"email"}, fold: "email", skipBlank: true, keyName: "email"},
	"topics":  {key: []string{"name"}, fold: "name", keyName: "name"},
	"memberships": {refs: map[string]string{"circle_id": "circles", "person_id": "people"},
		identity: []string{"circle_id", "person_id"}, key: []string{"circle_id", "person_id"}, keyName: "circle and person"},
	"sessions":     {refs: map[string]string{"circle_id": "circles"}, identity: []string{"circle_id"}},
	"agenda_items": {refs: map[string]string{"session_id": "sessions"}, identity: []string{"session_id"}},
	"attendance": {refs: map[string]string{"session_id": "sessions", "person_id": "people"},
		identity: []string{"session_id", "person_id"}, key: []string{"session_id", "person_id"}, keyName: "session and person"},
	"notes": {refs: map[string]string{"session_id": "sessions"}, identity: []string{"session_id", "visibility"},
		key: []string{"session_id", "visibility"}, keyName: "session and visibility", keepText: true},
	"note_revisions": {refs: map[string]string{"note_id": "notes"}, identity: []string{"note_id"}},
	"pins": {refs: map[string]string{"person_id": "people", "circle_id": "circles", "session_id": "sessions"},
		identity: []string{"person_id", "circle_id"}},
	"action_items": {refs: map[string]string{"circle_id": "circles", "session_id": "sessions", "owner_id": "people", "note_id": "notes"},
		identity: []string{"circle_id"}},
	"session_topics": {refs: map[string]string{"session_id": "sessions", "topic_id": "topics"},
		key: []string{"session_id", "topic_id"}, keyName: "session and topic"},

	"frameworks": {key: []string{"name"}, fold: "name", keyName: "name"},
	"framework_items": {refs: map[string]string{"framework_id": "frameworks"}, identity: []string{"framework_id"},
		key: []string{"framework_id", "name"}, fold: "name", keyName: "framework and name"},
	"circle_frameworks": {refs: map[string]string{"circle_id": "circles", "framework_id": "frameworks"},
		key: []string{"circle_id", "framework_id"}, keyName: "circle and framework"},
	"goals": {refs: map[string]string{"person_id": "people", "circle_id": "circles"},
		identity: []string{"person_id"}, loose: []string{"circle_id"}},
	"goal_tasks": {refs: map[string]string{"goal_id": "goals"}, identity: []string{"goal_id"}},
	"goal_items": {refs: map[string]string{"goal_id": "goals", "framework_item_id": "framework_items"},
		key: []string{"goal_id", "framework_item_id"}, keyName: "goal and item"},
	"never_match":      {refs: map[string]string{"a_id": "people", "b_id": "people"}, key: []string{"a_id", "b_id"}, keyName: "the two people"},
	"match_vocabulary": {key: []string{"tag"}, keyName: "tag"},
	"goal_checkins": {refs: map[string]string{"goal_id": "goals", "session_id": "sessions"},
		identity: []string{"goal_id"}, loose: []string{"session_id"}},
	"milestones": {refs: map[string]string{"person_id": "people"}, identity: []string{"person_id"}},
	"skill_ratings": {refs: map[string]string{"person_id": "people", "circle_id": "circles", "framework_item_id": "framework_items"},
		identity: []string{"circle_id", "person_id", "framework_item_id", "phase"},
		key:      []string{"circle_id", "person_id", "framework_item_id", "phase"}, keyName: "circle, person, item and phase"},
	"session_feedback": {refs: map[string]string{"session_id": "sessions", "person_id": "people"},
		identity: []string{"session_id", "person_id"}, key: []string{"session_id", "person_id"}, keyName: "session and person"},
}

// keyOf is a row's key under r as one string, and false when the row has
// none (a person without an email). A NULL is a value here, as in the
// bundle import: the group's feedback on a session (no person) is one, as
// its partial unique index keeps it.
func (r rule) keyOf(t table, row []any) (string, bool) {
	if len(r.key) == 0 {
		return "", false
	}
	parts := make([]string, len(r.key))
	for i, k := range r.key {
		v := row[t.col(k)]
		if k == r.fold {
			s, _ := v.(string)
			if s == "" && r.skipBlank {
				return "", false
			}
			v = fold.LowerASCII(s)
		}
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, "\x00"), true
}

// keySQL is the expression the target's rows are looked up by the key's
// first column with (what its unique index holds), and the condition the
// index has.
func (r rule) keySQL() (expr, where string) {
	expr = r.key[0]
	if expr == r.fold {
		expr = "lower(" + expr + ")"
	}
	if r.skipBlank {
		where = r.fold + " <> ''"
	}
	return expr, where
}

// keyArg is the value a row's key's first column is looked up by.
func (r rule) keyArg(t table, row []any) any {
	v := row[t.col(r.key[0])]
	if s, ok := v.(string); ok && r.key[0] == r.fold {
		return fold.LowerASCII(s)
	}
	return v
}

// belongs reports whether a source row matched by UUID belongs where the
// target's row old does, and if not, by which column.
func (r rule) belongs(t table, row, old []any) (string, bool) {
	for _, c := range r.identity {
		if i := t.col(c); fmt.Sprint(old[i]) != fmt.Sprint(row[i]) {
			return c, false
		}
	}
	for _, c := range r.loose {
		if i := t.col(c); old[i] != nil && row[i] != nil && fmt.Sprint(old[i]) != fmt.Sprint(row[i]) {
			return c, false
		}
	}
	return "", true
}

// referenced lists the tables some rule refers to: the merge keeps the
// source-to-target id map of these alone.
func referenced() map[string]bool {
	out := map[string]bool{}
	for _, r := range rules {
		for _, parent := range r.refs {
			out[parent] = true
		}
	}
	return out
}

// col is the index of t's column name, or -1.
func (t table) col(name string) int {
	for i, c := range t.cols {
		if c.name == name {
			return i
		}
	}
	return -1
}
