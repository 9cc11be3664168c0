package export

import "testing"

// roster is the circle the anonymizer tests name people from; the aliases
// follow its order: Member 1 is María José García Márquez.
var roster = []person{
	{ID: 1, Name: "María José García Márquez", Email: "mj.garcia@example.org"},
	{ID: 2, Name: "Fatima Zahra Benali"},
	{ID: 3, Name: "Rosa de la Fuente"},
	{ID: 4, Name: "Paz Ortega"},
	{ID: 5, Name: "Ángel Peña"},
	{ID: 6, Name: "Luz Herrera"},
	{ID: 7, Name: "Ana Ibáñez", Email: "ana@example.org"},
	{ID: 8, Name: "Inés Castro"},
	{ID: 9, Name: "Zoë O'Brien"},
	{ID: 10, Name: "José Ruiz"},
	{ID: 11, Name: "Íñigo Sáenz"},
	{ID: 12, Name: "Jean-Pierre Dupont"},
	{ID: 13, Name: "carmen BLANCA"}, // typed carelessly into the roster
}

// TestAnonymizeNames replaces what names a member and leaves ordinary
// words alone, by the rule documented on scrubber.
func TestAnonymizeNames(t *testing.T) {
	s := newScrubber(roster)
	tests := []struct{ name, in, want string }{
		// Compound first names and surnames are one name, not two.
		{"compound first name", "salvo María José", "salvo Member 1"},
		{"compound first name, lower case", "maría josé dijo", "Member 1 dijo"},
		{"compound first name, capitals, no accents", "MARIA JOSE", "Member 1"},
		{"second first name alone is ambiguous", "José dijo", "a member dijo"},
		{"compound surname", "García Márquez y García", "Member 1 y Member 1"},
		{"compound surname, lower case", "habló con garcía márquez", "habló con Member 1"},
		{"compound first name, other script of accents", "Fatima Zahra, Fátima, Zahra", "Member 2, Member 2, Member 2"},
		{"particles go with the surname", "de la Fuente y De la Fuente", "Member 3 y Member 3"},
		{"surname alone", "la Fuente dijo; Fuente dijo", "Member 3 dijo; Member 3 dijo"},
		{"the phrase, not the name", "la fuente del parque, de la fuente", "la fuente del parque, de la fuente"},
		{"hyphenated first name", "Jean-Pierre, Jean Pierre, Jean, Pierre Dupont", "Member 12, Member 12, Member 12, Member 12"},
		// Names that are also words: written as a name, they are hidden;
		// in lower case, the word stays.
		{"Rosa as a name", "Rosa dijo; ROSA; Rosa's plan", "Member 3 dijo; Member 3; Member 3's plan"},
		{"rosa as a word", "una rosa roja", "una rosa roja"},
		{"Paz", "Paz propone; paz ortega; la paz del grupo", "Member 4 propone; Member 4; la paz del grupo"},
		{"Ángel", "Ángel y Angel; el ángel; an angel investor", "Member 5 y Member 5; el ángel; an angel investor"},
		{"Luz", "Luz llega con la luz del día; LUZ", "Member 6 llega con la luz del día; Member 6"},
		{"a roster typed carelessly", "Carmen Blanca vino, carmen también; una casa blanca", "Member 13 vino, Member 13 también; una casa blanca"},
		// Inside other words, possessives, capitals, accents, mentions.
		{"inside other words", "Anatomy, banana, Anabel, Mariano", "Anatomy, banana, Anabel, Mariano"},
		{"possessive", "Ana's idea, Ana’s notes", "Member 7's idea, Member 7’s notes"},
		{"capitals", "ANA and ANA IBÁÑEZ", "Member 7 and Member 7"},
		{"a first name typed in lower case", "ana dijo que ines e inigo", "Member 7 dijo que Member 8 e Member 11"},
		{"without accents", "Ines, Inigo Saenz, Ibanez, Zoe", "Member 8, Member 11, Member 7, Member 9"},
		{"accents the roster lacks", "Fátima Zahrá", "Member 2"},
		{"apostrophe names", "O'Brien, O’Brien's, Zoë O’Brien", "Member 9, Member 9's, Member 9"},
		{"mentions", "@ana @Ines @inigo @MariaJose @mj.garcia @saenz", "Member 7 Member 8 Member 11 Member 1 Member 1 Member 11"},
		{"mention of a full name", "@ana ibáñez sends it", "Member 7 sends it"},
		{"email", "write to ANA@example.org.", "write to Member 7."},
		{"line breaks stay", "Ana\nIbáñez", "Member 7\nMember 7"},
		{"a surname in lower case is a word", "en el herrera", "en el herrera"},
		{"nothing to hide", "nothing to see", "nothing to see"},
	}
	for _, tt := range tests {
		if got := s.replace(tt.in); got != tt.want {
			t.Errorf("%s: replace(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}
