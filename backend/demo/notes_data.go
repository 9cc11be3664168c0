package demo

import "circlebook/backend/model"

// sessionNotes are the shared notes of some held sessions, by circle and
// session number, so the demo has notes to read and to search ("munoz
// demo" finds the first).
var sessionNotes = map[string]map[int]string{
	"Emerging Engineering Leaders": {
		3: "Ana Muñoz opened with the feedback ladder. Lars asked how to give feedback on a demo that went badly; " +
			"we agreed the demo day review should start with what worked.",
		5: "Ana Muñoz shared how she plans a project: milestones first, then owners. Emre will try it on the migration project.",
	},
	"Product Craft Circle": {
		2: "Camille walked us through the discovery board. Aiko's prototype demo is next month; Sofia offered to review it.",
	},
}

// sessionNote is the shared note of session s of circle name, if the demo has one.
func sessionNote(name string, s model.Session) (model.Note, bool) {
	body, ok := sessionNotes[name][s.Number]
	n := model.Note{SessionID: s.ID, Visibility: model.Shared, Body: body, Version: 1}
	n.UUID = id("note", s.UUID+"/shared")
	return n, ok
}
