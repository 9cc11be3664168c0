package demo

import "circlebook/backend/model"

// goalSpec is one member's goal in the sample and how its year went: it is
// set before the circle's held session From and checked in on at each held
// session up to Until (0: the latest) that its person attended, its
// progress climbing to Reach; its last check-in gives it status Outcome.
type goalSpec struct {
	Person, Circle string
	Personal       bool // not tied to Circle, though checked in on there
	Title, Why     string
	Criteria       string
	Tasks          []string
	Manual         bool // progress set by hand at check-ins, not from the tasks
	From, Until    int
	Reach          int
	Outcome        string
	Last           string // the last check-in's line, when not the usual one
	Private        bool
	TargetInMonths int
}

// milestoneSpec is a dated event on a person's timeline, on the date of
// their circle's held session At.
type milestoneSpec struct {
	Person, Circle string
	At             int
	Kind, Text     string
	Private        bool
}

// The circles' names, as circles above spells them.
const (
	eel  = "Emerging Engineering Leaders"
	pcc  = "Product Craft Circle"
	dig  = "Data & Infrastructure Guild"
	pair = "Chidi & Mateus"
)

// coreSkills is the sample's framework: a neutral list of skills, no
// company's own.
var coreSkills = struct {
	Name, Description string
	Items             []string
}{"Core skills", "A neutral sample of the skills mentoring circles often work on.",
	[]string{"Communication", "Prioritization", "Product sense", "Data-driven decisions", "Giving feedback", "Technical depth"}}

// afterRatings are the circles whose members have rated themselves again:
// the others have only their ratings from the start.
var afterRatings = map[string]bool{eel: true, pcc: true, pair: true}

var goalSpecs = []goalSpec{
	{Person: "Lars Johansson", Circle: eel, Title: "Give a talk at the platform meetup", Why: "Public speaking is what holds me back from a staff role.",
		Criteria: "A 20-minute talk given, with questions taken", Tasks: []string{"Pick a topic", "Draft the outline", "Dry run with the circle", "Give the talk"},
		Until: 4, Reach: 50, Outcome: model.GoalAtRisk, Last: "At risk: the meetup moved and the dry run keeps slipping.", TargetInMonths: 4},
	{Person: "Lars Johansson", Circle: eel, Title: "Lead the on-call rotation redesign", Why: "Pages wake the same three people every week.",
		Criteria: "A new rotation agreed by the team and live for a month", Manual: true, From: 2, Reach: 60, Outcome: model.GoalActive, TargetInMonths: 6},
	{Person: "Emre Ünal", Circle: eel, Title: "Write my first design doc", Why: "Design docs are how decisions get made on Payments.",
		Criteria: "A design doc approved at the payments design review", Tasks: []string{"Pick a project", "Draft the doc", "Review with a staff engineer", "Present at design review"},
		Until: 6, Reach: 100, Outcome: model.GoalAchieved, TargetInMonths: 4},
	{Person: "Emre Ünal", Circle: eel, Title: "Own the payments retry service", Why: "Owning a service end to end is the next step.",
		Criteria: "On-call owner, runbook written, one incident led", Manual: true, From: 3, Reach: 40, Outcome: model.GoalActive, TargetInMonths: 8},
	{Person: "Tomás Álvarez", Circle: eel, Title: "Say no to side requests without guilt", Why: "Side requests eat half of every sprint.",
		Criteria: "Two sprints in a row with no unplanned work taken on alone", Manual: true, Reach: 55, Outcome: model.GoalActive, TargetInMonths: 6},
	{Person: "Tomás Álvarez", Circle: eel, Title: "Decide whether to stay on the Platform team", Why: "Thinking about the transfer to Mobile; not ready to say it aloud.",
		Criteria: "A decision, talked through with Ana first", Manual: true, From: 1, Reach: 30, Outcome: model.GoalActive, Private: true, TargetInMonths: 5},
	{Person: "Jonas Becker", Circle: eel, Title: "Mentor a new engineer through onboarding", Why: "I want to find out whether I enjoy growing people.",
		Criteria: "My mentee ships a change on their own within six weeks", Tasks: []string{"Agree goals with the mentee", "Weekly pairing hour", "Review their first change", "Retro with their manager"},
		Until: 7, Reach: 100, Outcome: model.GoalAchieved, TargetInMonths: 4},
	{Person: "Jonas Becker", Circle: eel, Title: "Pass the cloud security certification", Why: "Security reviews need someone certified on the team.",
		Criteria: "Certificate passed", Tasks: []string{"Book the exam", "Finish the course", "Two practice exams"}, Until: 5, Reach: 100, Outcome: model.GoalAchieved, TargetInMonths: 3},
	{Person: "Oliver Smith", Circle: eel, Title: "Review code with more depth", Why: "My reviews catch typos, not design problems.",
		Criteria: "Two design issues raised in reviews a month", Tasks: []string{"Read the team's review guide", "Shadow a senior reviewer", "Review one design-heavy change a week"},
		Reach: 67, Outcome: model.GoalActive, TargetInMonths: 6},
	{Person: "Oliver Smith", Circle: eel, Title: "Ship the checkout page redesign", Why: "My first project from start to finish.",
		Criteria: "Live for every user, conversion no worse", Tasks: []string{"Plan with design", "Build behind a flag", "Run the A/B test", "Roll out"},
		Until: 6, Reach: 100, Outcome: model.GoalAchieved, TargetInMonths: 4},
	{Person: "Ingrid Nilsen", Circle: eel, Title: "Sponsor two engineers for promotion", Why: "Sponsoring others is the part of my role I do least.",
		Criteria: "Two promotion cases written and argued", Manual: true, Reach: 50, Outcome: model.GoalActive, TargetInMonths: 9},
	{Person: "Ana Muñoz", Circle: eel, Personal: true, Title: "Present the platform strategy to the leadership team", Why: "Executive communication is my growth area this year.",
		Criteria: "Strategy presented, with a decision taken in the room", Manual: true, From: 2, Reach: 70, Outcome: model.GoalActive, TargetInMonths: 5},

	{Person: "Aiko Tanaka", Circle: pcc, Title: "Run a stakeholder review on my own", Why: "Reviews go better when I lead them, not my manager.",
		Criteria: "One quarterly review run end to end", Tasks: []string{"Map the stakeholders", "Pre-wire the two skeptics", "Run the review", "Send the decisions"},
		Until: 5, Reach: 100, Outcome: model.GoalAchieved, TargetInMonths: 5},
	{Person: "Priya Raman", Circle: pcc, Title: "Tell stories with data in quarterly reviews", Why: "My reviews are tables; decisions need a story.",
		Criteria: "Leadership asks for my charts to be reused", Manual: true, Reach: 70, Outcome: model.GoalActive, TargetInMonths: 9},
	{Person: "Priya Raman", Circle: pcc, Title: "Get promoted to Senior Product Manager", Why: "I have been doing the senior role for a year.",
		Criteria: "Promotion confirmed", Tasks: []string{"Agree the gaps with my manager", "Lead a cross-team launch", "Write the promotion case"},
		Until: 4, Reach: 100, Outcome: model.GoalAchieved, TargetInMonths: 6},
	{Person: "Sofia Rossi", Circle: pcc, Title: "Learn quantitative research methods", Why: "I want to back interviews with numbers.",
		Criteria: "One survey designed, run and analysed", Tasks: []string{"Statistics course", "Design a survey", "Run it with 200 users", "Present the results"},
		From: 1, Reach: 50, Outcome: model.GoalActive, TargetInMonths: 8},
	{Person: "Fatima Zahra Benali", Circle: pcc, Title: "Publish the mobile roadmap for the first half", Why: "Teams keep asking what comes next on mobile.",
		Criteria: "Roadmap shared and agreed by engineering", Tasks: []string{"Gather the requests", "Score them", "Review with engineering", "Publish"},
		Until: 3, Reach: 100, Outcome: model.GoalAchieved, TargetInMonths: 4},
	{Person: "Hana Kim", Circle: pcc, Title: "Present my work at design critique", Why: "I avoid presenting, and my work goes unseen.",
		Criteria: "Presented three times, once to the whole design org", Tasks: []string{"Present to my team", "Present to the pod", "Present to the design org"},
		From: 2, Reach: 67, Outcome: model.GoalActive, TargetInMonths: 6},
	{Person: "Diego Hernández", Circle: pcc, Title: "Deepen my technical understanding of payments", Why: "Engineers explain things to me twice.",
		Criteria: "Able to review a payments design doc unaided", Manual: true, Reach: 45, Outcome: model.GoalActive, TargetInMonths: 9},
	{Person: "Camille Dubois", Circle: pcc, Personal: true, Title: "Write the Growth team's strategy", Why: "Strategy is my growth area; the team lacks a written one.",
		Criteria: "A one-page strategy the team can quote", Manual: true, From: 1, Reach: 80, Outcome: model.GoalActive, TargetInMonths: 6},
	{Person: "Sven Lindqvist", Circle: pcc, Title: "Facilitate a design sprint", Why: "To practise facilitation.",
		Criteria: "A five-day sprint run with a product team", Manual: true, From: 1, Until: 3, Reach: 20, Outcome: model.GoalDropped,
		Last: "Dropped: the sprint was cancelled when the team changed.", TargetInMonths: 3},

	{Person: "Zofia Dąbrowska", Circle: dig, Title: "Get the metrics roadmap changed without owning it", Why: "Influencing without authority is my growth area.",
		Criteria: "Two of my proposals on the analytics roadmap", Manual: true, Reach: 50, Outcome: model.GoalActive, TargetInMonths: 6},
	{Person: "Rahul Mehta", Circle: dig, Title: "Run a small project end to end", Why: "I have only ever picked up tickets.",
		Criteria: "A dashboard project delivered on the date I set", Tasks: []string{"Write the one-pager", "Set a date", "Weekly update to stakeholders", "Deliver"},
		Reach: 50, Outcome: model.GoalActive, TargetInMonths: 4},
	{Person: "Mohammed Al-Farsi", Circle: dig, Title: "Give clear, kind feedback in code review", Why: "My review comments have upset people twice.",
		Criteria: "Reviewees rate my comments as helpful", Manual: true, Until: 4, Reach: 100, Outcome: model.GoalAchieved, TargetInMonths: 3},
	{Person: "Nguyễn Thị Lan", Circle: dig, Title: "Move into a test architect role", Why: "Career growth: the next step after QA lead.",
		Criteria: "Test architecture for Mobile owned and written down", Manual: true, Reach: 40, Outcome: model.GoalActive, TargetInMonths: 9},
	{Person: "Leilani Kahale", Circle: dig, Title: "Speak up in every planning meeting", Why: "I stay quiet and then disagree afterwards.",
		Criteria: "One point raised in each planning meeting for a month", Tasks: []string{"Prepare one question before each meeting", "Raise it in the meeting", "Ask for feedback afterwards"},
		Reach: 67, Outcome: model.GoalActive, TargetInMonths: 3},
	{Person: "Kwame Mensah", Circle: dig, Title: "Delegate the fraud-rules rewrite", Why: "I hold on to work others could grow with.",
		Criteria: "The rewrite led by someone else, with me as reviewer", Manual: true, Reach: 60, Outcome: model.GoalActive, TargetInMonths: 6},
	{Person: "Mei Chen", Circle: dig, Personal: true, Title: "Plan the Analytics reorganisation", Why: "Two teams are merging next year; not announced yet.",
		Criteria: "A structure agreed with my director before the announcement", Manual: true, From: 1, Reach: 35, Outcome: model.GoalActive, Private: true, TargetInMonths: 4},

	{Person: "Mateus Oliveira", Circle: pair, Title: "Grow from engineer to senior engineer", Why: "The reason for this mentoring.",
		Criteria: "Working at senior level in my manager's words", Manual: true, Reach: 45, Outcome: model.GoalActive, TargetInMonths: 12},
	{Person: "Mateus Oliveira", Circle: pair, Title: "Estimate my work within 20%", Why: "Estimation is my growth area.",
		Criteria: "Four sprints in a row within 20% of my estimates", Tasks: []string{"Track estimates against actuals", "Split work under two days", "Review with Chidi"},
		Until: 3, Reach: 100, Outcome: model.GoalAchieved, TargetInMonths: 3},
	{Person: "Chidi Okafor", Circle: pair, Personal: true, Title: "Keep two evenings a week free of work", Why: "Work-life balance.",
		Criteria: "Two free evenings a week for two months", Manual: true, Reach: 60, Outcome: model.GoalActive, TargetInMonths: 4},
}

// goalSkills are the Core skills items some sample goals are linked to, by
// the goal's title; an item the framework lacks (a leader's own framework of
// that name, reused) is left out.
var goalSkills = map[string][]string{
	"Give a talk at the platform meetup":                   {"Communication"},
	"Lead the on-call rotation redesign":                   {"Technical depth", "Prioritization"},
	"Write my first design doc":                            {"Communication", "Technical depth"},
	"Say no to side requests without guilt":                {"Prioritization"},
	"Decide whether to stay on the Platform team":          {"Prioritization"},
	"Mentor a new engineer through onboarding":             {"Giving feedback"},
	"Review code with more depth":                          {"Technical depth", "Giving feedback"},
	"Present the platform strategy to the leadership team": {"Communication"},
	"Run a stakeholder review on my own":                   {"Communication", "Prioritization"},
	"Tell stories with data in quarterly reviews":          {"Data-driven decisions", "Communication"},
	"Publish the mobile roadmap for the first half":        {"Prioritization", "Product sense"},
	"Deepen my technical understanding of payments":        {"Technical depth"},
	"Get the metrics roadmap changed without owning it":    {"Data-driven decisions"},
	"Give clear, kind feedback in code review":             {"Giving feedback"},
	"Speak up in every planning meeting":                   {"Communication"},
	"Estimate my work within 20%":                          {"Prioritization", "Technical depth"},
}

var milestoneSpecs = []milestoneSpec{
	{Person: "Priya Raman", Circle: pcc, At: 4, Kind: model.MilestonePromotion, Text: "Promoted to Senior Product Manager"},
	{Person: "Jonas Becker", Circle: eel, At: 5, Kind: model.MilestoneCertification, Text: "Passed the cloud security certification"},
	{Person: "Emre Ünal", Circle: eel, At: 6, Kind: model.MilestonePraise, Text: "Design doc praised at the payments design review"},
	{Person: "Aiko Tanaka", Circle: pcc, At: 5, Kind: model.MilestoneFeedback, Text: "Stakeholders called her review the clearest of the quarter"},
	{Person: "Fatima Zahra Benali", Circle: pcc, At: 3, Kind: model.MilestonePraise, Text: "Mobile roadmap shared by the CPO at the all-hands"},
	{Person: "Nguyễn Thị Lan", Circle: dig, At: 2, Kind: model.MilestoneNewRole, Text: "Took over test strategy for the Mobile platform"},
	{Person: "Mateus Oliveira", Circle: pair, At: 3, Kind: model.MilestonePraise, Text: "Shipped offline mode a week early"},
	{Person: "Lars Johansson", Circle: eel, At: 3, Kind: model.MilestoneFeedback, Text: "Manager worried about stage fright before the all-hands talk", Private: true},
}

// Lines for check-ins, feedback: picked by a hash, so the same each load.
var (
	checkInLines = [3][]string{ // by the third of the way the check-in falls in
		{"Agreed the first step and a date for it.", "Made a start; blocked a morning a week for it.", "Talked it through with my manager."},
		{"Good progress since the last session.", "A slower fortnight, but back on track.", "The circle suggested a shortcut; trying it."},
		{"Steady: on track for the target date.", "Asked for feedback and used it.", "Next step agreed with the circle."},
	}
	workedLines = []string{"Hearing how others handled the same problem.", "The hot-seat round on one real problem.",
		"Time to practise the conversation out loud.", "A clear agenda, and we kept to time.", "The mentor's story from their own first year."}
	changeLines = []string{"", "More time for the topic, less for updates.", "Send the reading a few days earlier.", "Start on time.", "Fewer topics per session."}
)
