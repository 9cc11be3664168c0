package circles

import (
	"strings"

	"circlebook/backend/check"
	"circlebook/backend/model"
)

// CircleInput is what the circle form sends.
type CircleInput struct {
	Name            string `json:"name"`
	Purpose         string `json:"purpose"`
	Kind            string `json:"kind"`
	Cadence         string `json:"cadence"`
	CadenceDays     int    `json:"cadenceDays"`
	MeetingDay      int    `json:"meetingDay"`
	MeetingTime     string `json:"meetingTime"`
	DurationMinutes int    `json:"durationMinutes"`
	TimeZone        string `json:"timeZone"`
	Place           string `json:"place"`
	VideoLink       string `json:"videoLink"`
	StartDate       string `json:"startDate"`
	EndDate         string `json:"endDate"`
	Status          string `json:"status"`
	Color           string `json:"color"`
}

// normalize trims text and fills the defaults a blank form leaves.
func (in CircleInput) normalize() CircleInput {
	for _, p := range []*string{&in.Name, &in.Kind, &in.Cadence, &in.MeetingTime, &in.TimeZone, &in.Place, &in.VideoLink, &in.StartDate, &in.EndDate, &in.Status, &in.Color} {
		*p = strings.TrimSpace(*p)
	}
	if in.Kind == "" {
		in.Kind = model.KindGroup
	}
	if in.Cadence == "" {
		in.Cadence = model.CadenceBiweekly
	}
	if in.Status == "" {
		in.Status = model.CircleForming
	}
	if in.DurationMinutes == 0 {
		in.DurationMinutes = 60
	}
	return in
}

func (in CircleInput) validate() error {
	return check.All(
		check.RequiredUpTo("name", "Name", in.Name, check.MaxName),
		check.UpTo("purpose", in.Purpose, check.MaxProse),
		check.OneOf("kind", "Kind", in.Kind, model.KindGroup, model.KindPair),
		check.OneOf("cadence", "Cadence", in.Cadence, model.CadenceWeekly, model.CadenceBiweekly, model.CadenceMonthly, model.CadenceCustom),
		in.validateCustomDays(),
		check.Range("meetingDay", "Meeting day", in.MeetingDay, -1, 6),
		check.ClockTime("meetingTime", in.MeetingTime),
		check.Range("durationMinutes", "Duration", in.DurationMinutes, 5, 24*60),
		check.TimeZone("timeZone", in.TimeZone),
		check.UpTo("place", in.Place, check.MaxTitle),
		check.WebURL("videoLink", in.VideoLink),
		check.Date("startDate", in.StartDate),
		check.Date("endDate", in.EndDate),
		check.Order("endDate", in.StartDate, in.EndDate),
		check.OneOf("status", "Status", in.Status, model.CircleForming, model.CircleActive, model.CirclePaused, model.CircleCompleted, model.CircleArchived),
		check.Color("color", in.Color),
	)
}

func (in CircleInput) validateCustomDays() error {
	if in.Cadence != model.CadenceCustom {
		return nil
	}
	return check.Range("cadenceDays", "Days between sessions", in.CadenceDays, 1, 366)
}

func (in CircleInput) apply(c *model.Circle) {
	c.Name, c.Purpose, c.Kind, c.Cadence = in.Name, in.Purpose, in.Kind, in.Cadence
	c.CadenceDays, c.MeetingDay, c.MeetingTime = in.CadenceDays, in.MeetingDay, in.MeetingTime
	c.DurationMinutes, c.TimeZone, c.Place, c.VideoLink = in.DurationMinutes, in.TimeZone, in.Place, in.VideoLink
	c.StartDate, c.EndDate, c.Status, c.Color = in.StartDate, in.EndDate, in.Status, in.Color
}
