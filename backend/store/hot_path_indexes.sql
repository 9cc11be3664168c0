-- Migration 2026-12-02-hot-path-indexes. Never edit: later changes are new migrations.
--
-- The columns a leader's screens look rows up by, and the foreign keys whose
-- parent's delete has to find its children, that had no index: without
-- them each lookup reads the whole table.
--
-- A session's action items: the live screen and every note save list them,
-- and deleting a session clears their session.
CREATE INDEX idx_action_items_session ON action_items (session_id);
-- Pins taken in a session or a circle: deleting either finds them.
CREATE INDEX idx_pins_session ON pins (session_id);
CREATE INDEX idx_pins_circle ON pins (circle_id);
