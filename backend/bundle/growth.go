package bundle

// The growth records a bundle carries (version 2 on): the circle's shared
// goals with their tasks and check-ins, its members' shared milestones, the
// frameworks the circle uses or was rated on, its members' skill ratings in
// it, and the feedback on its sessions. Private goals and private
// milestones are never in a bundle, whatever the export asks: they never
// leave the laptop. Every record here is shared, so none says so.

// Goal is a member's shared goal in the circle, with its tasks.
type Goal struct {
	Meta
	Person          string     `json:"person"`
	Title           string     `json:"title"`
	Why             string     `json:"why"`
	SuccessCriteria string     `json:"successCriteria"`
	TargetDate      string     `json:"targetDate"`
	Status          string     `json:"status"`
	ProgressMode    string     `json:"progressMode"`
	Progress        int        `json:"progress"`
	Tasks           []GoalTask `json:"tasks"`
	// Items are the UUIDs of the skills and topics the goal is linked to,
	// items of frameworks the circle uses (Framework.Used); absent in a
	// bundle made before goals had them.
	Items []string `json:"items,omitempty"`
}

// GoalTask is one of a goal's steps.
type GoalTask struct {
	Meta
	Position int    `json:"position"`
	Title    string `json:"title"`
	Done     bool   `json:"done"`
	DoneOn   string `json:"doneOn"`
}

// CheckIn is one step of a goal's timeline; its session is absent when the
// progress was set by hand.
type CheckIn struct {
	Meta
	Goal      string `json:"goal"`
	Session   string `json:"session,omitempty"`
	Progress  int    `json:"progress"`
	Status    string `json:"status"`
	Note      string `json:"note"`
	CheckedOn string `json:"checkedOn"`
}

// Milestone is a shared, dated event on a member's timeline.
type Milestone struct {
	Meta
	Person     string `json:"person"`
	Kind       string `json:"kind"`
	HappenedOn string `json:"happenedOn"`
	Text       string `json:"text"`
}

// Framework is a named list of topics or skills; Used says the circle uses
// it (a framework it stopped using is here for the ratings made on it).
type Framework struct {
	Meta
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Used        bool            `json:"used"`
	Items       []FrameworkItem `json:"items"`
}

// FrameworkItem is one topic or skill of a framework.
type FrameworkItem struct {
	Meta
	Position int    `json:"position"`
	Name     string `json:"name"`
}

// SkillRating is a member's 1-5 rating on a framework item in the circle.
type SkillRating struct {
	Meta
	Person  string `json:"person"`
	Item    string `json:"item"`
	Rating  int    `json:"rating"`
	Phase   string `json:"phase"`
	RatedOn string `json:"ratedOn"`
}

// Feedback is the quick form after a session: an attendee's, or the
// group's (no person).
type Feedback struct {
	Meta
	Session    string `json:"session"`
	Person     string `json:"person,omitempty"`
	Usefulness int    `json:"usefulness"`
	Worked     string `json:"worked"`
	Change     string `json:"change"`
}
