package people

import (
	"circlebook/backend/paging"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// Summary is one row of the people list.
type Summary struct {
	ID          uint   `json:"id"`
	UUID        string `json:"uuid"`
	Name        string `json:"name"`
	Email       string `json:"email"`
	Pronouns    string `json:"pronouns"`
	Title       string `json:"title"`
	Team        string `json:"team"`
	Location    string `json:"location"`
	CircleCount int    `json:"circleCount"`
}

// ListRequest asks for one page of the people list.
type ListRequest struct {
	Query  string `json:"query"`  // every word must start a word of the name, email, team or title, case and accents aside
	Offset int    `json:"offset"` // the row to start at, when After is empty
	After  string `json:"after"`  // a previous page's Next: the page after it
	Limit  int    `json:"limit"`  // 1 to 100 (more is 100); 0 is 50
}

// ListResult is one page of the people list.
type ListResult struct {
	People []Summary `json:"people"`
	Total  int       `json:"total"`  // people matching Query: exact up to paging.Cap, else paging.Cap+1
	Capped bool      `json:"capped"` // more than paging.Cap match
	Offset int       `json:"offset"` // the index of People[0] in the whole list
	Next   string    `json:"next"`   // the cursor for the following page; "" at the end
}

// everyone is the people list, as package paging pages it.
var everyone = paging.List{Name: "people", Kind: search.People, Table: "people"}

// summaryColumns are the people list's columns, with each person's current circles.
const summaryColumns = "p.id, p.uuid, p.name, p.email, p.pronouns, p.title, p.team, p.location, " +
	"(SELECT COUNT(*) FROM memberships m WHERE m.person_id = p.id AND m.left_on = '') AS circle_count"

// byName orders people as a person reads their names (fold.Key, kept in name_key).
const byName = "p.name_key, p.name, p.id"

// List returns a page of the people whose words start with the query's
// (everyone when it has none), case and accents aside ("inigo" finds Íñigo),
// by name. Circle counts are read for the rows of the page only.
func (s *People) List(req ListRequest) (ListResult, error) {
	out := ListResult{People: []Summary{}}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		page, err := everyone.Page(tx, s.index, paging.Request{Query: req.Query, Offset: req.Offset, After: req.After, Limit: req.Limit})
		if err != nil {
			return err
		}
		out.Total, out.Capped, out.Offset, out.Next = page.Total, page.Capped, page.Offset, page.Next
		if len(page.IDs) == 0 {
			return nil
		}
		return tx.Table("people p").Select(summaryColumns).Where("p.id IN ?", page.IDs).Order(byName).Scan(&out.People).Error
	})
	return out, err
}
