package export

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"time"

	"circlebook/backend/model"

	ics "github.com/arran4/golang-ical"
)

// uidDomain ends every event's UID: "<session uuid>@circlebook".
const uidDomain = "@circlebook"

// sequenceEpoch is when SEQUENCE counting starts: a session's SEQUENCE is
// the seconds from it to the session's last change, so it grows with every
// change and fits RFC 5545's 32-bit integer until 2088.
var sequenceEpoch = time.Date(2020, time.January, 1, 0, 0, 0, 0, time.UTC)

// ICS renders the period's sessions as an iCalendar (RFC 5545) file: one
// VEVENT per session, planned and held ones confirmed, cancelled ones
// STATUS:CANCELLED. Each event's UID is its session's UUID, and its
// DTSTAMP, LAST-MODIFIED and SEQUENCE come from the session's last change,
// so importing a newer export updates the events instead of duplicating
// them. Times are in UTC, converted from the circle's zone. The file has no
// METHOD: it is a published calendar, not an invitation.
func ICS(s Summary) ([]byte, error) {
	cal := ics.NewCalendarFor("Circlebook")
	cal.SetProductId("-//Circlebook//Circle summary//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetName(icsText(s.Circle.Name))
	cal.SetXWRCalName(icsText(s.Circle.Name))
	for _, ses := range s.Sessions {
		event(cal, s.Circle, ses)
	}
	var b bytes.Buffer
	if err := cal.SerializeTo(&b, ics.WithNewLineWindows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func event(cal *ics.Calendar, c Profile, ses Session) {
	e := cal.AddEvent(ses.UUID + uidDomain)
	updated := ses.Updated.UTC()
	e.SetDtStampTime(updated)
	e.SetModifiedAt(updated)
	e.SetSequence(sequence(updated))
	e.SetStartAt(ses.Start)
	e.SetEndAt(ses.End())
	e.SetSummary(icsText(eventTitle(c, ses)))
	if d := description(ses); d != "" {
		e.SetDescription(icsText(d))
	}
	if place := firstOf(ses.Place, c.Place, c.VideoLink); place != "" {
		e.SetLocation(icsText(place))
	}
	if u, ok := webURL(firstOf(c.VideoLink, ses.Place)); ok {
		e.SetURL(u)
	}
	status := ics.ObjectStatusConfirmed
	if ses.Status == model.SessionCancelled {
		status = ics.ObjectStatusCancelled
	}
	e.SetStatus(status)
}

func sequence(updated time.Time) int {
	secs := updated.Sub(sequenceEpoch) / time.Second
	return int(max(0, min(int64(secs), math.MaxInt32)))
}

// eventTitle is "Circle · Session 3: Topic", with "Cancelled: " before it when it was.
func eventTitle(c Profile, ses Session) string {
	out := fmt.Sprintf("%s · Session %d", oneLine(c.Name), ses.Number)
	if t := oneLine(ses.Topic); t != "" {
		out += ": " + t
	}
	if ses.Status == model.SessionCancelled {
		out = "Cancelled: " + out
	}
	return out
}

// description lists the agenda and the topics; never notes.
func description(ses Session) string {
	var b strings.Builder
	if len(ses.Agenda) > 0 {
		b.WriteString("Agenda:\n")
		for _, a := range ses.Agenda {
			b.WriteString("- " + oneLine(a) + "\n")
		}
	}
	if len(ses.Topics) > 0 {
		b.WriteString("Topics: " + oneLine(strings.Join(ses.Topics, ", ")) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// icsText prepares text for a TEXT value: line breaks as LF (the library
// escapes them as \n, with , ; and \), other control characters dropped.
func icsText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
