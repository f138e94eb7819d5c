package evidence

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint/facts"
)

// fill, the reference compiled templates are tested against, replaces
// {name} placeholders with values given as name, value
// pairs; a later pair for the same name wins.
func fill(template string, pairs ...string) string {
	return fillParts([]string{template}, pairs)
}

// fillParts is fill of the parts' concatenation, made without it (Why
// joins a clause and its tail for every flagged claim): a placeholder
// lies within one part.
func fillParts(parts []string, pairs []string) string {
	// The pieces are gathered first, so the message is allocated once at
	// its size.
	var room [24]string
	pieces := room[:0]
	filled := false
	for _, template := range parts {
		for {
			open := strings.IndexByte(template, '{')
			if open < 0 {
				break
			}
			end := strings.IndexByte(template[open:], '}')
			if end < 0 {
				break
			}
			value, ok := lookupPair(pairs, template[open+1:open+end])
			if !ok {
				value = template[open : open+end+1]
			}
			pieces = append(pieces, template[:open], value)
			template = template[open+end+1:]
			filled = true
		}
		pieces = append(pieces, template)
	}
	if !filled && len(parts) == 1 {
		return parts[0]
	}
	n := 0
	for _, piece := range pieces {
		n += len(piece)
	}
	var b strings.Builder
	b.Grow(n)
	for _, piece := range pieces {
		b.WriteString(piece)
	}
	return b.String()
}

// fill puts each placeholder's value in, the last pair of a name winning,
// and leaves a placeholder with no value, a lone brace and plain text as
// they are.
func TestFillPlaceholders(t *testing.T) {
	assert.Equal(t, "study 2 (n = 3)", fill("{label} ({about})", "label", "study 1", "about", "n = 3", "label", "study 2"))
	assert.Equal(t, "a {missing} b", fill("a {missing} b", "label", "x"))
	assert.Equal(t, "no placeholders", fill("no placeholders", "label", "x"))
	assert.Equal(t, "x { open", fill("{label} { open", "label", "x"))
	assert.Equal(t, "{label}", fill("{label}", "label"), "a name without a value")
	assert.Equal(t, "{x}", fill("{label}", "label", "{x}"), "values are not filled again")
}

// A card's remembered study texts are those the package functions give,
// in each locale, for the card's studies and for one it does not list.
func TestCardWordsAgreeWithThePackageFunctions(t *testing.T) {
	c := &Card{}
	studies := []*Study{
		{Study: &facts.Study{Index: 1, Population: "animals", Design: "lab"}, Model: "小鼠实验"},
		{Study: &facts.Study{Index: 2, Population: "people", Design: "review", Studies: 12, Size: 300}, Venue: "《柳叶刀》"},
		{Study: &facts.Study{Index: 3, Population: "cells"}, Model: "cells", Link: "doi:10.1/x"},
	}
	for _, locale := range []string{"en", "zh-Hans", "", "zh-Hant"} {
		for range 2 { // the second time from memory
			for _, s := range studies {
				assert.Equal(t, Describe(s, locale), c.Description(s, locale))
				assert.Equal(t, Related(s, locale), c.RelatedMessage(s, locale))
				w := c.words(s, locale)
				assert.Equal(t, studyWords{Label(s, locale), Population(s, locale), Describe(s, locale)}, w)
			}
		}
		for _, s := range studies {
			assert.Equal(t, locale, s.saidIn, "remembered in the locale last asked for")
		}
	}
	// What a study remembers is given back for its locale, and only for
	// it.
	s := studies[0]
	s.said = studyWords{"x", "y", "z"}
	assert.Equal(t, studyWords{"x", "y", "z"}, c.words(s, "zh-Hant"))
	assert.Equal(t, Describe(s, "en"), c.Description(s, "en"))
}

// namesNoOrganism agrees with the regular expression it replaces on
// random mixes of the words, their letters in any case, characters that
// fold to or look like them, and bytes that are not UTF-8.
func TestNamesNoOrganismAgreesWithTheRegexp(t *testing.T) {
	ref := regexp.MustCompile(`(?i)(实验|實驗|研究|试验|試驗|模型|皿|study|studies|experiment|model|trial)`)
	pieces := []string{"stu", "dy", "STUDY", "ſtudy", "Studies", "experi", "MENT", "mod", "eL", "tr", "İ", "ı", "ial",
		"TRIAL", "K", "实", "验", "实验", "研究", "模型", "皿", "小鼠", " ", "\xff", "\xe5", "s", "t"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		model := randomText(rng, pieces, 6)
		if !assert.Equal(t, ref.MatchString(model), namesNoOrganism(model), "%q", model) {
			return
		}
	}
}

// describeStudies skips a journal phrase no longer than the venue kept:
// that holds because a venue name is part of its phrase, never longer.
// Checked on random phrases of cues, journal names and spaces.
func TestVenueNameIsPartOfItsPhrase(t *testing.T) {
	pieces := []string{"published in ", "Published online in", "in the journal ", "peer-reviewed journal", " ",
		"发表于", "發表於", "刊登在", "国际", "权威", "学术", "医学", "期刊", "杂志", "《", "》", "自然·衰老", "Nature Aging",
		"journal of", "学报", "年会上公布", "The Lancet", "\t"}
	rng := rand.New(rand.NewPCG(5, 5))
	for range 5000 {
		text := randomText(rng, pieces, 6)
		name := venueName(text)
		assert.LessOrEqual(t, len(name), len(text), "%q", text)
		assert.Contains(t, text, name, "%q", text)
	}
}

// publicationCue and bareVenueExpr are the expressions cueEnd and
// bareVenue scan for; venueNameByRegexp is venueName with them.
var (
	publicationCue = regexp.MustCompile(`^(?i:(published( online| today| recently| this week)? (in|by)|(in|to) the journal|peer-reviewed journal)\s*|(发表|發表|刊登|刊发|刊發|刊载|刊載|刊出|登载|登載)?(于|於|在)?(国际|國際)?(权威|權威)?(学术|學術)?(医学|醫學)?(期刊|杂志|雜誌)?)`)
	bareVenueExpr  = regexp.MustCompile(`^(?i:journal of|(期刊|杂志|雜誌|学报|學報|通讯作者|通訊作者)|.*(年会|年會|大会|大會|研讨会|研討會)上(公布|发表|發表))$`)
)

func venueNameByRegexp(text string) string {
	if i := strings.Index(text, "《"); i >= 0 && strings.HasSuffix(text, "》") {
		return text[i:]
	}
	name := strings.TrimSpace(publicationCue.ReplaceAllString(text, ""))
	if name == "" || bareVenueExpr.MatchString(name) {
		return ""
	}
	return name
}

// venueName's scans are the expressions: on random phrases of cues in
// either case (the Kelvin sign and long s folding like k and s), their
// parts and near misses, names, meetings, newlines and cut UTF-8.
func TestVenueNameIsTheExpressions(t *testing.T) {
	pieces := []string{"published", "PUBLISHED", "Publi\u017fhed", "publishe", " in", " IN", " by", " online", " Today", " recently", " thi\u017f week",
		" this", " ", "in the journal", "To The Journal", "peer-reviewed journal", "Peer-Reviewed Journal", " the", "in", "to",
		"发表", "發表", "刊登", "刊发", "刊載", "刊出", "登载", "于", "於", "在", "国际", "國際", "权威", "學術", "医学", "期刊", "杂志", "雜誌",
		"学报", "通讯作者", "通訊作者", "journal of", "Journal Of", "年会", "大會", "研讨会", "上", "公布", "发表", "\n", "\t", "\u00a0", "《", "》",
		"Nature Aging", "\u212a", "k", "s", "\xe5", "\xe5\x8f", "x"}
	rng := rand.New(rand.NewPCG(61, 62))
	cues, bare := 0, 0
	for range 200000 {
		text := randomText(rng, pieces, 6)
		want := venueNameByRegexp(text)
		require.Equal(t, want, venueName(text), "%q", text)
		if loc := publicationCue.FindStringIndex(text); loc[1] > 0 {
			cues++
		}
		if want == "" && text != "" {
			bare++
		}
	}
	assert.Greater(t, cues, 20000, "the random texts open with cues")
	assert.Greater(t, bare, 5000, "the random texts include bare venues")
	for _, text := range []string{"published in", "published online in Nature", "published online by", "published onlinein", "Published this week in JAMA",
		"publi\u017fhed in X", "in the journal Science", "peer-reviewed journal", "発表", "发表于国际权威学术医学期刊", "发表在", "journal of", "JOURNAL OF",
		"年会上公布", "某年会上发表", "某\n年会上公布", "期刊", "in the \u212aournal"} {
		require.Equal(t, venueNameByRegexp(text), venueName(text), "%q", text)
	}
}

// placeholder is a {name} as fill reads it: from a brace to the first
// closing brace after it.
var placeholder = regexp.MustCompile(`\{[^}]*\}`)

// fillByRegexp is fill as a regular-expression replacement, the reference
// fill is tested against.
func fillByRegexp(template string, pairs ...string) string {
	return placeholder.ReplaceAllStringFunc(template, func(m string) string {
		if value, ok := lookupPair(pairs, m[1:len(m)-1]); ok {
			return value
		}
		return m
	})
}

// fill writes what the regular-expression replacement does, on random
// templates of text, braces and names with random pairs, and allocates
// once.
func TestFillIsTheRegexpReplacement(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	pieces := []string{"{", "}", "label", "about", "x", " ", "研究", "{label}", "{about}", "{x}", "{}", "{{", "}}", "n = 3"}
	values := []string{"", "study 1", "{label}", "很长的一段描述，不止三十二个字节的长度，足以让旧的猜测不够用", "}"}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	for range 20000 {
		var tb strings.Builder
		for range r.IntN(12) {
			tb.WriteString(pick(pieces))
		}
		var pairs []string
		for range r.IntN(7) {
			pairs = append(pairs, pick([]string{"label", "about", "x", "", "y"}), pick(values))
		}
		template := tb.String()
		assert.Equal(t, fillByRegexp(template, pairs...), fill(template, pairs...), "%q %q", template, pairs)
	}
	long := strings.Repeat("{about} ", 8)
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { fill(long, "about", values[3]) }))
}

// fillParts fills the parts as fill fills their concatenation: on every
// clause and tail Why joins, in each locale, and on random parts cut
// where no placeholder spans the cut.
func TestFillPartsEqualsFillOfJoined(t *testing.T) {
	clauses := []*template{claimsForPeople, claimsForNobody, claims, claimsCause, claimsCertain}
	tails := []*template{restsOnModel, restsOnUnstated, restsOnNothing, restsOnNothingCausal, restsOnAssociation, restsOnWeak, restsOnUnsized}
	pairs := []string{"where", "标题", "term", "逆转{衰老}", "label", "study 2", "design", "observational study", "model", "mice", "other", "study 1"}
	for _, locale := range []string{"en", "zh-Hans", "zh-Hant"} {
		for _, c := range clauses {
			for _, tail := range tails {
				a, b := c.in(locale), tail.in(locale)
				assert.Equal(t, fill(a+b, pairs...), fillParts([]string{a, b}, pairs))
			}
		}
	}
	r := rand.New(rand.NewPCG(8, 1))
	pieces := []string{"{label}", "{about}", "{x}", "{}", " ", "研究", "n = 3", "}", "label"}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	for range 5000 {
		var parts []string
		for range 1 + r.IntN(3) {
			var tb strings.Builder
			for range r.IntN(6) {
				tb.WriteString(pick(pieces))
			}
			parts = append(parts, tb.String())
		}
		var pairs []string
		for range r.IntN(5) {
			pairs = append(pairs, pick([]string{"label", "about", "x"}), pick([]string{"", "study 1", "{label}", "很长的描述"}))
		}
		assert.Equal(t, fill(strings.Join(parts, ""), pairs...), fillParts(parts, pairs), "%q %q", parts, pairs)
	}
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { fillParts([]string{"{label} a", "{label} b"}, []string{"label", "x"}) }))
}

// randomText strings together fewer than most pieces, picked at random.
func randomText(rng *rand.Rand, pieces []string, most int) string {
	var b strings.Builder
	for range rng.IntN(most) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// A compiled template fills as fill does, two as fillParts does: every
// template of the card in each locale, alone and with each other, and random templates of text,
// braces, names and more placeholders than fillSegments keeps values
// for, with random pairs; one allocation, none without placeholders.
func TestCompiledTemplatesFillAsFill(t *testing.T) {
	all := []*template{studyLabel, pooled, sizeGiven, venueNamed, linkNamed, relatedStudy, claimsForPeople, claimsForNobody, claims,
		claimsCause, claimsCertain, restsOnModel, restsOnUnstated, restsOnNothing, restsOnNothingCausal, restsOnAssociation,
		restsOnWeak, restsOnUnsized, whyOther, whyOtherNoStudy}
	pairs := []string{"where", "标题", "term", "逆转{衰老}", "label", "study 2", "design", "observational study", "model", "mice",
		"other", "study 1", "n", "3", "k", "12", "venue", "Nature", "link", "doi:1", "about", "people", "message", "\"x\" is hype."}
	for _, locale := range []string{"en", "zh-Hans", "zh-Hant", ""} {
		for _, a := range all {
			require.Equal(t, fill(a.in(locale), pairs...), a.fill(locale, pairs...), "%q", a.in(locale))
			for _, b := range all {
				require.Equal(t, fillParts([]string{a.in(locale), b.in(locale)}, pairs), fillSegments(a.segments(locale), b.segments(locale), pairs))
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 17))
	pieces := []string{"{", "}", "label", "about", "x", " ", "研究", "{label}", "{about}", "{x}", "{}", "{{", "}}", "n = 3", "\xe5"}
	values := []string{"", "study 1", "{label}", "很长的一段描述，不止三十二个字节的长度", "}"}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	for range 20000 {
		var parts [2]string
		for i := range parts {
			var tb strings.Builder
			for range r.IntN(24) {
				tb.WriteString(pick(pieces))
			}
			parts[i] = tb.String()
		}
		var pairs []string
		for range r.IntN(7) {
			pairs = append(pairs, pick([]string{"label", "about", "x", "", "y"}), pick(values))
		}
		require.Equal(t, fill(parts[0], pairs...), fillSegments(compile(parts[0]), nil, pairs), "%q %q", parts[0], pairs)
		require.Equal(t, fillParts(parts[:], pairs), fillSegments(compile(parts[0]), compile(parts[1]), pairs), "%q %q", parts, pairs)
	}
	many := compile(strings.Repeat("{label}{x}", 7))
	assert.Equal(t, strings.Repeat("ab", 7), fillSegments(many, nil, []string{"label", "a", "x", "b"}), "past the values kept")
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { fillSegments(many, many, []string{"label", "x"}) }))
	plain := compile("no placeholders")
	assert.Equal(t, 0.0, testing.AllocsPerRun(100, func() { fillSegments(plain, nil, nil) }))
}
