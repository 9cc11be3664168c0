package attendance_test

import (
	"testing"

	"circlebook/backend/attendance"
	"circlebook/backend/model"
)

func TestCountsMatchesAdd(t *testing.T) {
	tests := []struct {
		present, late, excused, absent int
		rate                           any // nil when nothing counts
	}{
		{0, 0, 0, 0, nil},
		{0, 0, 3, 0, nil}, // excused counts neither way
		{1, 1, 1, 2, 0.5},
		{4, 0, 0, 0, 1.0},
		{0, 0, 0, 2, 0.0},
	}
	for _, tt := range tests {
		got := attendance.Counts(tt.present, tt.late, tt.excused, tt.absent)
		var added attendance.Tally
		added.Add(model.Present, tt.present)
		added.Add(model.Late, tt.late)
		added.Add(model.Excused, tt.excused)
		added.Add(model.Absent, tt.absent)
		if got.Present != tt.present || got.Late != tt.late || got.Excused != tt.excused || got.Absent != tt.absent {
			t.Errorf("Counts(%d, %d, %d, %d) = %+v", tt.present, tt.late, tt.excused, tt.absent, got)
		}
		if rate(got.Rate) != tt.rate || rate(added.Rate) != tt.rate {
			t.Errorf("Counts(%d, %d, %d, %d): rate %v (Add gives %v), want %v",
				tt.present, tt.late, tt.excused, tt.absent, rate(got.Rate), rate(added.Rate), tt.rate)
		}
	}
}

func rate(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
