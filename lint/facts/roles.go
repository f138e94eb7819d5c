package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/hypelint/hypelint/lint/document"
	"github.com/hypelint/hypelint/lint/internal/swar"
)

// Block roles: what part of the article a block is. Markup gives some
// (a <figcaption> is a caption, front matter's description the standfirst);
// cue words at the start of a block or its heading give the rest.
const (
	RoleHeadline    = "headline"    // the title (or the first H1 standing for it)
	RoleStandfirst  = "standfirst"  // the first body paragraph, or the description social cards show
	RoleHeading     = "heading"     // a section heading inside the body
	RoleBody        = "body"        // an ordinary paragraph
	RoleListItem    = "list-item"   // a list item
	RoleTableRow    = "table-row"   // a table row
	RoleQuote       = "quote"       // a block quotation
	RoleCaption     = "caption"     // a figure or photo caption (图注, Photo:)
	RoleLimitations = "limitations" // inside a limitations section
	RoleReferences  = "references"  // a reference list or one of its entries
	RoleDisclaimer  = "disclaimer"  // a disclaimer or legal statement (免责声明)
	RoleNotice      = "notice"      // copyright, image credits, platform notices
	RoleBio         = "bio"         // author bio, "About the company", contacts
	RoleRelated     = "related"     // related-links lists (延伸阅读, Read more)
	RoleAdvert      = "advert"      // a sponsored or advertising box
)

// Excluded reports the roles whose text is not the article's content:
// content rules do not fire there and their words do not set document
// facts (a disclosure placed there still counts).
func Excluded(role string) bool {
	switch role {
	case RoleReferences, RoleDisclaimer, RoleNotice, RoleBio, RoleRelated:
		return true
	}
	return false
}

// sectionRoles are the roles a heading (or a short label paragraph) opens
// for the blocks under it, up to the next heading.
var sectionRoles = []string{RoleReferences, RoleDisclaimer, RoleBio, RoleRelated, RoleAdvert}

// roleCue is a cue-word role and its lexicon class id.
type roleCue struct {
	role  string
	class int
}

// roleClasses maps each cue-word role to its lexicon class id (an array:
// it is asked for every block).
func (ids *classIDs) roleClasses() [7]roleCue {
	return [...]roleCue{
		{RoleReferences, ids.roleReferences}, {RoleDisclaimer, ids.roleDisclaimer}, {RoleNotice, ids.roleNotice},
		{RoleBio, ids.roleBio}, {RoleRelated, ids.roleRelated}, {RoleAdvert, ids.roleAdvert}, {RoleCaption, ids.roleCaption},
	}
}

// maxLinks is how many headline-like lines a related-links list may hold
// before a heading is taken to open the next section.
const maxLinks = 8

// cueStart is how far into a block (in bytes of normalized text) a cue may
// start and still label it: after an opening bracket or a bullet.
const cueStart = 4

// labelRunes is the longest block (in characters) that counts as a label
// line when it starts with a section cue ("参考文献：", "References").
const labelRunes = 24

// shortBlockRunes is the longest block in which a notice or disclaimer cue
// anywhere labels the whole block (a one-line copyright or credit).
const shortBlockRunes = 160

// opensEntry reports the start of a numbered reference-list entry: a
// number in brackets or followed by a full stop, then more text. It is
// the expression ^\s*(\[\d{1,3}\]|［\d{1,3}］|\d{1,3}[.、)]\s)\s*\S as a scan.
func opensEntry(s string) bool {
	i := skipSpaces(s, 0)
	switch {
	case strings.HasPrefix(s[i:], "["):
		i = closedNumber(s, i+1, "]")
	case strings.HasPrefix(s[i:], "［"):
		i = closedNumber(s, i+len("［"), "］")
	default:
		k := skipDigits(s, i)
		if k == i || k-i > 3 {
			return false
		}
		switch {
		case k < len(s) && (s[k] == '.' || s[k] == ')'):
			k++
		case strings.HasPrefix(s[k:], "、"):
			k += len("、")
		default:
			return false
		}
		if skipSpaces(s, k) == k {
			return false // no white space after the number's mark
		}
		i = k
	}
	if i < 0 {
		return false
	}
	return skipSpaces(s, i) < len(s) // a byte \s does not match: \S
}

// closedNumber returns where one to three digits from i and then closing
// end, or -1.
func closedNumber(s string, i int, closing string) int {
	k := skipDigits(s, i)
	if k == i || k-i > 3 || !strings.HasPrefix(s[k:], closing) {
		return -1
	}
	return k + len(closing)
}

// opensAuthorList reports a Vancouver author list opening an entry
// without a number: "Smith J, Lee K, …". It is the expression
// ^\s*[A-Z][A-Za-z'\-]+ [A-Z]{1,3}(, [A-Z][A-Za-z'\-]+ [A-Z]{1,3})+[,.] as a
// scan: after two authors a comma or full stop matches, and the third
// author the expression might go on to read starts with that comma.
func opensAuthorList(s string) bool {
	i, ok := author(s, skipSpaces(s, 0))
	if !ok || !strings.HasPrefix(s[i:], ", ") {
		return false
	}
	i, ok = author(s, i+len(", "))
	return ok && i < len(s) && (s[i] == ',' || s[i] == '.')
}

// author returns where an author's name and initials from i end: a
// capital, letters, apostrophes and hyphens, a space and one to three
// capitals.
func author(s string, i int) (int, bool) {
	if i >= len(s) || !isUpperASCII(s[i]) {
		return i, false
	}
	j := i + 1
	for j < len(s) && ('a' <= s[j]|0x20 && s[j]|0x20 <= 'z' || s[j] == '\'' || s[j] == '-') {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != ' ' {
		return i, false
	}
	k := j + 1
	for k < len(s) && isUpperASCII(s[k]) {
		k++
	}
	if k == j+1 || k-(j+1) > 3 {
		return i, false
	}
	return k, true
}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// isReferenceEntry reports a block shaped like a bibliography entry.
func isReferenceEntry(text string) bool {
	if !mayOpenEntry(text) {
		return false // most blocks: no regular expression run
	}
	head := text[:min(len(text), 400)]
	return (opensEntry(head) || opensAuthorList(head)) && hasReferenceShape(head)
}

// hasReferenceShape reports what reference entries carry and prose rarely
// does: "et al.", 等., a year followed by a volume ("2024;12", "2024(3)"),
// a DOI ("doi: 10.", "10.1234/"). It is the expression
// (?i)\bet al\b|等[.．]|\b(19|20)\d\d\s*[;；]\s*\d|\b(19|20)\d\d\s*\(\d+\)|doi:\s*10\.|\b10\.\d{4,}/
// as one byte scan (\b and \s are ASCII; none of the letters folds to a
// non-ASCII one): the backtracker tried each alternative at each byte of
// nearly every reference entry.
func hasReferenceShape(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c|0x20 == 'e':
			if i+5 <= len(s) && wordStart(s, i) && equalFoldASCII(s[i:i+5], "et al") && (i+5 == len(s) || !isWordByte(s[i+5])) {
				return true
			}
		case c|0x20 == 'd':
			if i+4 <= len(s) && equalFoldASCII(s[i:i+4], "doi:") && strings.HasPrefix(s[skipSpaces(s, i+4):], "10.") {
				return true
			}
		case c == '1' || c == '2':
			if wordStart(s, i) && (volumeAfterYear(s, i) || c == '1' && doiPrefix(s, i)) {
				return true
			}
		case c == 0xE7: // the first byte of 等
			if strings.HasPrefix(s[i:], "等.") || strings.HasPrefix(s[i:], "等．") {
				return true
			}
		}
	}
	return false
}

// volumeAfterYear reports 19dd or 20dd at i followed by a volume:
// \s*[;；]\s*\d or \s*\(\d+\).
func volumeAfterYear(s string, i int) bool {
	if i+4 > len(s) || !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
		return false
	}
	j := skipSpaces(s, i+4)
	switch {
	case j < len(s) && s[j] == ';':
		j = skipSpaces(s, j+1)
	case strings.HasPrefix(s[j:], "；"):
		j = skipSpaces(s, j+len("；"))
	case j < len(s) && s[j] == '(':
		k := skipDigits(s, j+1)
		return k > j+1 && k < len(s) && s[k] == ')'
	default:
		return false
	}
	return j < len(s) && isDigit(s[j])
}

// doiPrefix reports a DOI's prefix at i: 10. and at least four digits
// followed by a slash.
func doiPrefix(s string, i int) bool {
	if !strings.HasPrefix(s[i:], "10.") {
		return false
	}
	k := skipDigits(s, i+3)
	return k-(i+3) >= 4 && k < len(s) && s[k] == '/'
}

// wordStart reports whether the byte before i is no ASCII word character
// (\b before a word character).
func wordStart(s string, i int) bool { return i == 0 || !isWordByte(s[i-1]) }

// skipSpaces skips what \s matches: ASCII tab, newline, form feed,
// carriage return and space.
func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

func skipDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// equalFoldASCII reports whether s is lower (lower-case ASCII) with ASCII
// letters in either case.
func equalFoldASCII(s, lower string) bool {
	for k := range len(lower) {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[k] {
			return false
		}
	}
	return true
}

// mayOpenEntry reports whether text, after the white space \s matches,
// starts as referenceEntry or authorList needs: with '[', '［' or an ASCII
// digit, or as an author list (mayOpenAuthorList).
func mayOpenEntry(text string) bool {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\f' || text[i] == '\r') {
		i++
	}
	if i == len(text) {
		return false
	}
	c := text[i]
	if 'A' <= c && c <= 'Z' {
		return mayOpenAuthorList(text, i)
	}
	return c == '[' || '0' <= c && c <= '9' || strings.HasPrefix(text[i:], "［")
}

// mayOpenAuthorList reports whether text from i (an ASCII capital) starts
// as authorList needs: a word of letters, ' and -, a space and another
// capital ("Smith J"). The word's run must end at the space, which the
// run's class leaves out. Nearly every English paragraph opens with a
// capital, and this turns away most of them ("The study …") before the
// expressions run.
func mayOpenAuthorList(text string, i int) bool {
	j := i + 1
	for j < len(text) && ('a' <= text[j]|0x20 && text[j]|0x20 <= 'z' || text[j] == '\'' || text[j] == '-') {
		j++
	}
	return j > i+1 && j+1 < len(text) && text[j] == ' ' && 'A' <= text[j+1] && text[j+1] <= 'Z'
}

// cueRole returns the role a cue word gives block b: a cue at the start of
// the block, or a notice or disclaimer phrase anywhere in a short block (a
// bare 声明 inside one is the disclosure's own word: 作者声明无利益冲突; a
// bare 转载 is often news: 不少病人转载报道).
func (ids *classIDs) cueRole(b *Block) (role string, label bool) {
	if len(b.Sentences) == 0 {
		return "", false
	}
	first := b.Sentences[0]
	// One test of the first sentence's classes first: most blocks open
	// with no cue.
	if !ids.masked || !first.indexed || first.classes.meets(&ids.roleCues) {
		if r, label, ok := ids.openingCue(b, first); ok {
			return r, label
		}
	}
	// The length is counted only for a block with a phrase (most have none).
	notice := ids.noticePhrase >= 0 && b.Count(ids.noticePhrase) > 0
	disclaimer := ids.disclaimerPhrase >= 0 && b.Count(ids.disclaimerPhrase) > 0
	if (notice || disclaimer) && runesAtMost(b.Source.Text, shortBlockRunes) {
		if notice {
			return RoleNotice, false
		}
		return RoleDisclaimer, false
	}
	return "", false
}

// openingCue is the role of the cue that opens b, whose first sentence is
// first, and whether b is a label line; ok is false when no cue opens it.
func (ids *classIDs) openingCue(b *Block, first *Sentence) (role string, label, ok bool) {
	for _, rc := range ids.roleClasses() {
		r, class := rc.role, rc.class
		if class < 0 || !first.Has(class) { // one bit: most blocks open with no cue
			continue
		}
		for _, h := range first.Hits {
			if h.Class != class {
				continue
			}
			if h.Start > cueStart {
				continue
			}
			label := runesAtMost(b.Source.Text, labelRunes)
			// "Sources close to…", "关于我们的研究…": a section word opens
			// a section only as a heading or a label line.
			if isSectionRole(r) && !label && b.Source.Kind != document.Heading {
				continue
			}
			return r, label, true
		}
	}
	return "", false, false
}

// markRole sets the role of block b, carrying a section role from the
// heading or label line that opened it.
func (a *Analyzer) markRole(d *Document, b *Block) {
	r := &d.run
	src := b.Source
	if src.Role != "" { // from markup
		b.Role = src.Role
	}
	cue, label := a.ids.cueRole(b)
	switch src.Kind {
	case document.Title:
		b.Role = RoleHeadline
		return
	case document.Heading:
		// Link lists and reference entries are often lines short enough
		// to read as headings: inside a reference list, a heading shaped
		// like an entry continues it; inside a related-links list, up to
		// maxLinks headings without a section cue do.
		if cue == "" && (r.section == RoleReferences && isReferenceEntry(src.Text) ||
			r.section == RoleRelated && r.links < maxLinks) {
			r.links++
			b.Role = r.section
			return
		}
		r.links = 0
		r.section = ""
		if isSectionRole(cue) {
			r.section = cue
		}
		if b.Role == "" {
			b.Role = RoleHeading
		}
		return
	}
	if label && isSectionRole(cue) {
		r.section = cue
	}
	switch {
	case b.Role != "":
	case cue != "" && cue != RoleAdvert:
		b.Role = cue
	case isReferenceEntry(src.Text):
		b.Role = RoleReferences
	case r.section != "" && continuesSection(r.section, src.Text):
		b.Role = r.section
	case cue == RoleAdvert:
		b.Role = cue
	case b.InLimitations:
		b.Role = RoleLimitations
	case src.Kind == document.Quote:
		b.Role = RoleQuote
	case b.IsLead && src.Kind == document.Paragraph:
		b.Role = RoleStandfirst
	case src.Kind == document.ListItem:
		b.Role = RoleListItem
	case src.Kind == document.TableRow:
		b.Role = RoleTableRow
	default:
		b.Role = RoleBody
	}
}

// continuesSection reports whether a paragraph belongs to the list a
// section holds: a reference list holds entries (short, with a year), a
// related-links list short link lines; prose after either ends it (the
// article goes on). Bios, disclaimers and adverts hold prose.
func continuesSection(section, text string) bool {
	switch section {
	case RoleReferences:
		return runesAtMost(text, 300) && hasYear(text)
	case RoleRelated:
		return runesAtMost(text, 60)
	}
	return true
}

// runesAtMost reports runeLen(text) <= n, counting only when the length
// in bytes leaves it open: a rune takes one to four bytes (a stray byte
// counts as one rune of one byte). Reference sections run long.
func runesAtMost(text string, n int) bool {
	switch {
	case len(text) <= n:
		return true
	case len(text) > utf8.UTFMax*n:
		return false
	}
	return runeLen(text) <= n
}

// hasYear reports whether text holds a publication year: 19dd or 20dd as
// a whole ASCII word, what `\b(19|20)\d\d\b` matches. A byte scan, not
// the expression: it runs over every paragraph of a reference section,
// most of which hold no year.
func hasYear(text string) bool {
	const ones, highs = swar.Ones, swar.Highs
	for i := 0; i+4 <= len(text); i++ {
		// Eight bytes at a time while none is a 1 or a 2 (a byte is one
		// when its xor with it is zero: subtracting one then sets its high
		// bit, which the first mask keeps only for bytes that were zero).
		for i+8 <= len(text) {
			w := swar.Load8(text[i : i+8])
			one, two := w^'1'*ones, w^'2'*ones
			if ((one-ones)&^one|(two-ones)&^two)&highs != 0 {
				break
			}
			i += 8
		}
		if i+4 > len(text) {
			break
		}
		c := text[i]
		if c != '1' && c != '2' {
			continue
		}
		if (c == '1' && text[i+1] == '9' || c == '2' && text[i+1] == '0') &&
			isDigit(text[i+2]) && isDigit(text[i+3]) &&
			(i == 0 || !isWordByte(text[i-1])) && (i+4 == len(text) || !isWordByte(text[i+4])) {
			return true
		}
	}
	return false
}

// isWordByte reports an ASCII word character, as \b sees them (a byte of a
// multi-byte character is never one).
func isWordByte(c byte) bool {
	return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}

func isSectionRole(role string) bool {
	for _, r := range sectionRoles {
		if r == role {
			return true
		}
	}
	return false
}
