package store

// Migration 2026-12-05-matching-profile: the rest of what matching reads.
// people.org_pref is whether someone wants a partner from their own
// organization ("same"), from another ("different", what "" means) or
// either ("any"). never_match holds pairs of people never to suggest to
// each other, whichever is mentor (written with a the lower id; a copy
// that renumbers people may turn a pair round, which means the same). match_vocabulary is
// the editable tag vocabulary: each canonical tag with its synonyms (a
// comma-separated list), which strengths and growth areas are compared by.
const matchingProfileSQL = `
ALTER TABLE people ADD COLUMN org_pref TEXT NOT NULL DEFAULT '';
CREATE TABLE never_match (
  a_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  b_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (a_id, b_id)
);
CREATE INDEX idx_never_match_b ON never_match (b_id);
CREATE TABLE match_vocabulary (
  tag TEXT NOT NULL PRIMARY KEY,
  synonyms TEXT NOT NULL DEFAULT ''
);
`

// matchingProfilePostgres is the same with text comparing byte by byte.
const matchingProfilePostgres = `
ALTER TABLE people ADD COLUMN org_pref TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE TABLE never_match (
  a_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  b_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (a_id, b_id)
);
CREATE INDEX idx_never_match_b ON never_match (b_id);
CREATE TABLE match_vocabulary (
  tag TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  synonyms TEXT COLLATE "C" NOT NULL DEFAULT ''
);
`
