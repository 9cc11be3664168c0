package demo

import "circlebook/backend/model"

type memberSpec struct{ Name, Role string }

type circleSpec struct {
	model.Circle
	Members       []memberSpec
	Held, Planned int
	Topics        []string
}

var agenda = []string{"Check-in round", "Topic discussion", "Wins and blockers", "Action items"}

func person(name, email, pronouns, title, team, location, tz, start, strengths, growth string) model.Person {
	return model.Person{Name: name, Email: email, Pronouns: pronouns, Title: title, Team: team, Location: location,
		TimeZone: tz, StartDate: start, Strengths: strengths, GrowthAreas: growth}
}

var persons = []model.Person{
	person("Ana Muñoz", "ana.munoz@example.org", "she/her", "Engineering Manager", "Platform", "Madrid", "Europe/Madrid", "2018-04-09", "Coaching, system design", "Executive communication"),
	person("Kwame Mensah", "kwame.mensah@example.org", "he/him", "Staff Engineer", "Payments", "Accra", "Africa/Accra", "2016-09-01", "Architecture, mentoring", "Delegation"),
	person("Aiko Tanaka", "aiko.tanaka@example.org", "she/her", "Product Designer", "Design", "Tokyo", "Asia/Tokyo", "2021-02-15", "Research synthesis", "Stakeholder management"),
	person("Lars Johansson", "lars.johansson@example.org", "he/him", "Senior Engineer", "Platform", "Stockholm", "Europe/Stockholm", "2019-06-03", "Reliability", "Public speaking"),
	person("Priya Raman", "priya.raman@example.org", "she/her", "Product Manager", "Growth", "Bengaluru", "Asia/Kolkata", "2020-01-20", "Prioritization", "Data storytelling"),
	person("Mateus Oliveira", "mateus.oliveira@example.org", "he/him", "Engineer", "Mobile", "São Paulo", "America/Sao_Paulo", "2023-03-13", "Fast learner", "Estimation"),
	person("Zofia Dąbrowska", "zofia.dabrowska@example.org", "she/her", "Data Scientist", "Analytics", "Warsaw", "Europe/Warsaw", "2022-08-29", "Statistics", "Influencing without authority"),
	person("Emre Ünal", "emre.unal@example.org", "he/him", "Engineer", "Payments", "Istanbul", "Europe/Istanbul", "2024-01-08", "Debugging", "Writing design docs"),
	person("Nguyễn Thị Lan", "lan.nguyen@example.org", "she/her", "QA Lead", "Mobile", "Hanoi", "Asia/Ho_Chi_Minh", "2017-11-27", "Test strategy", "Career growth"),
	person("Chidi Okafor", "chidi.okafor@example.org", "he/him", "Engineering Director", "Platform", "Lagos", "Africa/Lagos", "2014-05-12", "Leadership, hiring", "Work-life balance"),
	person("Sofia Rossi", "sofia.rossi@example.org", "she/her", "UX Researcher", "Design", "Milan", "Europe/Rome", "2022-04-04", "Interviewing", "Quantitative methods"),
	person("Mohammed Al-Farsi", "mohammed.alfarsi@example.org", "he/him", "Engineer", "Infrastructure", "Muscat", "Asia/Muscat", "2023-09-18", "Automation", "Giving feedback"),
	person("Camille Dubois", "camille.dubois@example.org", "she/her", "Engineering Manager", "Growth", "Lyon", "Europe/Paris", "2017-02-06", "Team health", "Strategy"),
	person("Diego Hernández", "diego.hernandez@example.org", "he/him", "Senior Product Manager", "Payments", "Mexico City", "America/Mexico_City", "2019-10-14", "Negotiation", "Technical depth"),
	person("Ingrid Nilsen", "ingrid.nilsen@example.org", "she/her", "Principal Engineer", "Infrastructure", "Oslo", "Europe/Oslo", "2012-08-20", "Distributed systems", "Sponsoring others"),
	person("Rahul Mehta", "rahul.mehta@example.org", "he/him", "Engineer", "Analytics", "Pune", "Asia/Kolkata", "2024-06-03", "SQL, curiosity", "Project management"),
	person("Hana Kim", "hana.kim@example.org", "she/her", "Designer", "Mobile", "Seoul", "Asia/Seoul", "2023-01-30", "Visual design", "Presenting work"),
	person("Tomás Álvarez", "tomas.alvarez@example.org", "he/him", "Engineer", "Platform", "Buenos Aires", "America/Argentina/Buenos_Aires", "2022-11-07", "Ownership", "Saying no"),
	person("Fatima Zahra Benali", "fatima.benali@example.org", "she/her", "Product Manager", "Mobile", "Casablanca", "Africa/Casablanca", "2021-07-19", "Customer empathy", "Roadmapping"),
	person("Oliver Smith", "oliver.smith@example.org", "he/him", "Engineer", "Growth", "Manchester", "Europe/London", "2025-02-03", "Frontend", "Code review"),
	person("Mei Chen", "mei.chen@example.org", "she/her", "Engineering Manager", "Analytics", "Singapore", "Asia/Singapore", "2016-03-21", "Calm under pressure", "Org design"),
	person("Jonas Becker", "jonas.becker@example.org", "he/him", "Senior Engineer", "Infrastructure", "Berlin", "Europe/Berlin", "2018-12-10", "Security", "Mentoring"),
	person("Amara Diallo", "amara.diallo@example.org", "they/them", "Engineer", "Design Systems", "Dakar", "Africa/Dakar", "2024-09-16", "Accessibility", "Visibility"),
	person("Sven Lindqvist", "sven.lindqvist@example.org", "he/him", "Product Designer", "Growth", "Gothenburg", "Europe/Stockholm", "2020-05-25", "Prototyping", "Facilitation"),
	person("Leilani Kahale", "leilani.kahale@example.org", "she/her", "Engineer", "Payments", "Honolulu", "Pacific/Honolulu", "2025-04-14", "Persistence", "Confidence in meetings"),
}

var circles = []circleSpec{
	{
		Circle: model.Circle{Name: "Emerging Engineering Leaders", Purpose: "Senior engineers growing into their first lead roles.",
			Kind: model.KindGroup, Cadence: model.CadenceBiweekly, MeetingDay: 2, MeetingTime: "17:00", DurationMinutes: 60,
			TimeZone: "Europe/Madrid", VideoLink: "https://meet.example.org/eel", StartDate: "2026-06-02", Status: model.CircleActive, Color: "#e8692c"},
		Members: []memberSpec{{"Ana Muñoz", model.RoleLeader}, {"Ingrid Nilsen", model.RoleMentor}, {"Lars Johansson", model.RoleMentee},
			{"Emre Ünal", model.RoleMentee}, {"Tomás Álvarez", model.RoleMentee}, {"Jonas Becker", model.RoleMentee}, {"Oliver Smith", model.RoleMentee}},
		Held: 8, Planned: 4,
		Topics: []string{"Leadership principles", "Feedback", "Project management", "Career growth", "Prioritization"},
	},
	{
		Circle: model.Circle{Name: "Product Craft Circle", Purpose: "Product managers and designers sharpening discovery and decision-making.",
			Kind: model.KindGroup, Cadence: model.CadenceMonthly, MeetingDay: 4, MeetingTime: "15:00", DurationMinutes: 90,
			TimeZone: "Europe/London", Place: "Room 4.12 / hybrid", StartDate: "2026-03-05", Status: model.CircleActive, Color: "#2f7de1"},
		Members: []memberSpec{{"Camille Dubois", model.RoleLeader}, {"Diego Hernández", model.RoleCoLeader}, {"Aiko Tanaka", model.RoleMentee},
			{"Priya Raman", model.RoleMentee}, {"Sofia Rossi", model.RoleMentee}, {"Fatima Zahra Benali", model.RoleMentee}, {"Hana Kim", model.RoleMentee},
			{"Sven Lindqvist", model.RoleGuest}},
		Held: 7, Planned: 3,
		Topics: []string{"Product design", "Data-driven decisions", "Prioritization", "Feedback"},
	},
	{
		Circle: model.Circle{Name: "Data & Infrastructure Guild", Purpose: "Cross-team circle for data and infrastructure engineers early in their careers.",
			Kind: model.KindGroup, Cadence: model.CadenceWeekly, MeetingDay: 3, MeetingTime: "09:30", DurationMinutes: 45,
			TimeZone: "Asia/Singapore", VideoLink: "https://meet.example.org/dig", StartDate: "2026-09-02", Status: model.CircleActive, Color: "#16a34a"},
		Members: []memberSpec{{"Mei Chen", model.RoleLeader}, {"Kwame Mensah", model.RoleMentor}, {"Zofia Dąbrowska", model.RoleMentee},
			{"Rahul Mehta", model.RoleMentee}, {"Mohammed Al-Farsi", model.RoleMentee}, {"Nguyễn Thị Lan", model.RoleMentee}, {"Leilani Kahale", model.RoleMentee}},
		Held: 6, Planned: 4,
		Topics: []string{"Data-driven decisions", "Career growth", "Project management"},
	},
	{
		Circle: model.Circle{Name: "Chidi & Mateus", Purpose: "1:1 mentoring: growing from engineer to senior engineer.",
			Kind: model.KindPair, Cadence: model.CadenceBiweekly, MeetingDay: 5, MeetingTime: "12:00", DurationMinutes: 30,
			TimeZone: "America/Sao_Paulo", VideoLink: "https://meet.example.org/cm", StartDate: "2026-07-10", Status: model.CircleActive, Color: "#9333ea"},
		Members: []memberSpec{{"Chidi Okafor", model.RoleMentor}, {"Mateus Oliveira", model.RoleMentee}},
		Held:    5, Planned: 2,
		Topics: []string{"Career growth", "Feedback", "Leadership principles"},
	},
}
