package form

// Role is what a person comes to the cohort as.
type Role string

// The roles a cohort holds.
const (
	Leader Role = "leader" // leads a circle
	Mentor Role = "mentor" // mentors in a circle; counts as one of its leaders
	Mentee Role = "mentee" // is mentored
)

// Person is one member of the cohort to split into circles.
type Person struct {
	ID           string `json:"id"`           // stable and unique within the cohort
	Name         string `json:"name"`         // as the explanations show it
	Role         Role   `json:"role"`         // leader, mentor or mentee
	CanLead      bool   `json:"canLead"`      // a mentee who may lead: counts as a leader
	Organization string `json:"organization"` // empty when unknown; never penalized
	TimeZone     string `json:"timeZone"`     // IANA name; empty when unknown
	StartDate    string `json:"startDate"`    // tenure start, YYYY-MM-DD; empty when unknown
}

// Leads reports whether p counts toward a circle's 1-2 leaders: a leader, a
// mentor, or anyone marked CanLead.
func (p Person) Leads() bool {
	return p.Role == Leader || p.Role == Mentor || p.CanLead
}

// Pair is two people who were in a circle together before.
type Pair struct {
	A      string `json:"a"`      // a person's ID
	B      string `json:"b"`      // the other's ID
	Circle string `json:"circle"` // where they met, for the explanation; may be empty
}
