-- The first schema (2026-11-25). Never edit: later changes are new migrations.
CREATE TABLE circles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  name TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'group' CHECK (kind IN ('group','pair')),
  cadence TEXT NOT NULL DEFAULT 'biweekly' CHECK (cadence IN ('weekly','biweekly','monthly','custom')),
  cadence_days INTEGER NOT NULL DEFAULT 0,
  meeting_day INTEGER NOT NULL DEFAULT -1,
  meeting_time TEXT NOT NULL DEFAULT '',
  duration_minutes INTEGER NOT NULL DEFAULT 60,
  time_zone TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  video_link TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT '',
  end_date TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'forming' CHECK (status IN ('forming','active','paused','completed','archived')),
  color TEXT NOT NULL DEFAULT ''
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  pronouns TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  team TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  time_zone TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT '',
  strengths TEXT NOT NULL DEFAULT '',
  growth_areas TEXT NOT NULL DEFAULT '',
  private_note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX idx_people_email ON people (lower(email)) WHERE email <> '';
CREATE INDEX idx_people_name ON people (name COLLATE NOCASE);

CREATE TABLE memberships (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('leader','co-leader','mentor','mentee','guest')),
  joined_on TEXT NOT NULL DEFAULT '',
  left_on TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX idx_membership_circle_person ON memberships (circle_id, person_id);
CREATE INDEX idx_membership_person ON memberships (person_id);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  number INTEGER NOT NULL DEFAULT 0,
  starts_at TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL DEFAULT 60,
  topic TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled'))
);
CREATE INDEX idx_sessions_circle_starts ON sessions (circle_id, starts_at);

CREATE TABLE agenda_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  minutes INTEGER NOT NULL DEFAULT 0,
  done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_agenda_session ON agenda_items (session_id, position);

CREATE TABLE attendance (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('present','late','excused','absent'))
);
CREATE UNIQUE INDEX idx_attendance_session_person ON attendance (session_id, person_id);
CREATE INDEX idx_attendance_person ON attendance (person_id);
