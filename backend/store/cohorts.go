package store

// Migration 2026-12-05-cohorts: a cohort names an intake of a program
// ("2026 spring"): people join one by a roster import or by hand, and the
// circles and pairs formed from them carry it, so the program view, the
// matching and the forming of circles can take a cohort at a time. ""
// is none. Each table's index serves a cohort's list in name order, and
// idx_circles_kind the program view's pairs (or groups) alone.
const cohortsSQL = `
ALTER TABLE people ADD COLUMN cohort TEXT NOT NULL DEFAULT '';
ALTER TABLE circles ADD COLUMN cohort TEXT NOT NULL DEFAULT '';
CREATE INDEX idx_people_cohort ON people (cohort, name_key, name, id);
CREATE INDEX idx_circles_cohort ON circles (cohort, name_key, name, id);
CREATE INDEX idx_circles_kind ON circles (kind, name_key, name, id);
`

// cohortsPostgres adds the same columns comparing byte by byte, as every
// text column here does on PostgreSQL (binaryText).
const cohortsPostgres = `
ALTER TABLE people ADD COLUMN cohort TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE circles ADD COLUMN cohort TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX idx_people_cohort ON people (cohort, name_key, name, id);
CREATE INDEX idx_circles_cohort ON circles (cohort, name_key, name, id);
CREATE INDEX idx_circles_kind ON circles (kind, name_key, name, id);
`
