// Package attendance counts who came to held sessions. Its functions are
// read-only queries the circle, person and session pages share.
package attendance

import "circlebook/backend/model"

// Tally counts attendance marks. Present and late count as attended; excused
// counts neither for nor against; absent counts against.
type Tally struct {
	Present int      `json:"present"`
	Late    int      `json:"late"`
	Excused int      `json:"excused"`
	Absent  int      `json:"absent"`
	Rate    *float64 `json:"rate"` // attended / (attended + absent); null when nothing counts yet
}

// Counts returns the tally of the given numbers of marks, with its rate.
func Counts(present, late, excused, absent int) Tally {
	t := Tally{Present: present, Late: late, Excused: excused, Absent: absent}
	t.rate()
	return t
}

// Add counts one mark and updates the rate.
func (t *Tally) Add(status string, n int) {
	switch status {
	case model.Present:
		t.Present += n
	case model.Late:
		t.Late += n
	case model.Excused:
		t.Excused += n
	case model.Absent:
		t.Absent += n
	}
	t.rate()
}

func (t *Tally) rate() {
	attended := t.Present + t.Late
	if counted := attended + t.Absent; counted > 0 {
		r := float64(attended) / float64(counted)
		t.Rate = &r
	} else {
		t.Rate = nil
	}
}

// Statuses lists every attendance status in display order.
var Statuses = []string{model.Present, model.Late, model.Excused, model.Absent}
