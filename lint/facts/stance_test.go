package facts_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hypelint/hypelint/lint/facts"
)

func TestVoiceOfATerm(t *testing.T) {
	cases := []struct {
		name, text, class, term, voice string
	}{
		{"own words", "标题\n\n这款精华能逆转衰老。", "antiaging", "逆转衰老", facts.VoiceWriter},
		{"quoted", "标题\n\n包装上印着“逆转衰老”四个大字。", "antiaging", "逆转衰老", facts.VoiceQuoted},
		{"quoted after an advert as framer", "标题\n\n广告写着“逆转衰老”四个大字。", "antiaging", "逆转衰老", facts.VoiceDistanced},
		{"scare quotes in single curly marks", "Title\n\nThe paper called it a ‘breakthrough’ in the end.", "hype", "breakthrough", facts.VoiceQuoted},
		{"after a speech verb", "标题\n\n董事长表示，这是一款神药。", "miracle", "神药", facts.VoiceReported},
		{"asked", "标题\n\n有什么办法返老还童吗？", "antiaging", "返老还童", facts.VoicePosed},
		{"rebutted after the term", "Title\n\nClinics promise miracle cures without scientific backing.", "miracle", "miracle", facts.VoiceDistanced},
		{"rebutted in Chinese", "标题\n\n喝茶能逆转衰老的说法尚未被证实。", "antiaging", "逆转衰老", facts.VoiceDistanced},
		{"hedge right after the term", "标题\n\n青春永驻可能带来新的烦恼。", "antiaging", "青春永驻", facts.VoiceDistanced},
		{"legend", "标题\n\n西方流传着青春之泉的故事。", "antiaging", "青春之泉", facts.VoiceDistanced},
		{"rebutted at the end of a long clause", "Title\n\nA pill that reverses ageing in anyone who swallows it every morning is a myth.", "antiaging", "reverses ageing", facts.VoiceDistanced},
		{"rebutted after a long Chinese clause", "标题\n\n每天喝一杯就能逆转衰老而且对任何年龄的人都一样有效的说法尚未被证实。", "antiaging", "逆转衰老", facts.VoiceDistanced},
		{"quoted after a framing verb", "标题\n\n有自媒体把这项研究写成“长寿分子逆转衰老”。", "antiaging", "逆转衰老", facts.VoiceDistanced},
		{"quoted after a framing verb, object after 把 in the first person", "標題\n\n有些報導把我們的結果寫成『斷食讓大腦年輕十歲』。", "antiaging", "年轻十岁", facts.VoiceDistanced},
		{"coverage called it", "Title\n\nSome coverage called it a \"fountain of youth\" last year.", "antiaging", "fountain of youth", facts.VoiceDistanced},
		{"a seller quoting its own website", "Title\n\nOur website promises that the serum is \"a fountain of youth\" for the skin.", "antiaging", "fountain of youth", facts.VoiceQuoted},
		{"framing verb without quotation", "Title\n\nThe company claims that its pill reverses aging.", "antiaging", "reverses aging", facts.VoiceWriter},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyze(t, c.text)
			h, _ := hitOf(t, d, c.class, c.term)
			assert.Equal(t, c.voice, h.Voice)
		})
	}
}

// An English hedge after the term belongs to the next predicate: the
// title still claims the reversal.
func TestEnglishHedgeAfterTheTermDoesNotDistance(t *testing.T) {
	d := analyze(t, "Peptide reverses heart ageing and could add decades to life\n\nBody.")
	h, _ := hitOf(t, d, "antiaging", "reverses heart ageing")
	assert.Equal(t, facts.VoiceWriter, h.Voice)
	assert.False(t, h.Distanced)
}

// A bare negation after the term asserts it (不再是梦): no distance.
// A rebuttal reaches back only within its clause, however near.
func TestRebuttalStopsAtTheClause(t *testing.T) {
	d := analyze(t, "Title\n\nThe pill reverses ageing, and the talk of side effects is a myth.")
	h, _ := hitOf(t, d, "antiaging", "reverses ageing")
	assert.Equal(t, facts.VoiceWriter, h.Voice)
}

func TestNegationAfterTheTermIsNotARebuttal(t *testing.T) {
	d := analyze(t, "标题\n\n逆转衰老不再是梦。")
	h, _ := hitOf(t, d, "antiaging", "逆转衰老")
	assert.False(t, h.Distanced)
}

func TestCertaintyNegatedAnywhereEarlierInItsClause(t *testing.T) {
	d := analyze(t, "標題\n\n目前並無任何補充劑在大型臨床研究中被證實能延長人類壽命。")
	h, _ := hitOf(t, d, "certainty", "证实")
	assert.True(t, h.Negated)
	d = analyze(t, "标题\n\n研究没有发现副作用，结果被证实有效。")
	h, _ = hitOf(t, d, "certainty", "证实")
	assert.False(t, h.Negated, "a negation in an earlier clause does not reach it")
}

func TestCriticalStance(t *testing.T) {
	debunk := analyze(t, "辟谣：喝这种茶能返老还童？\n\n网传某款茶饮能让人“返老还童”。专家指出，这一说法缺乏证据。\n\n商家表示这是神药，但并无临床试验。")
	assert.True(t, debunk.Critical)
	h, _ := hitOf(t, debunk, "antiaging", "返老还童")
	assert.True(t, h.Distanced, "hype quoted by a debunk is not the writer's")
	h, _ = hitOf(t, debunk, "miracle", "神药")
	assert.Equal(t, facts.VoiceReported, h.Voice)
	assert.True(t, h.Distanced, "hype reported by a debunk is not the writer's")

	ad := analyze(t, "这款茶饮让你返老还童\n\n喝了一个月，皱纹全没了。商家表示这是神药。")
	assert.False(t, ad.Critical)
	h, _ = hitOf(t, ad, "miracle", "神药")
	assert.False(t, h.Distanced, "without a critical stance a reported claim still counts")

	// Hype in the writer's own voice is flagged whatever the stance.
	mixed := analyze(t, "Myth or fact? The hype about NMN\n\nThe myths are overblown. Still, this pill is a miracle.")
	assert.True(t, mixed.Critical)
	h, _ = hitOf(t, mixed, "miracle", "miracle")
	assert.Equal(t, facts.VoiceWriter, h.Voice)
	assert.False(t, h.Distanced)
}

// One critique cue in a sentence is enough for the quotes in that sentence
// (a headline that calls the claim a flop).
func TestCriticalSentence(t *testing.T) {
	d := analyze(t, "“长生不老药”翻车？\n\n研究发现了新结果。")
	assert.False(t, d.Critical)
	h, s := hitOf(t, d, "antiaging", "长生不老")
	assert.True(t, s.Critical)
	assert.True(t, h.Distanced)
}

func TestSentenceVoice(t *testing.T) {
	d := analyze(t, "違規廣告大調查\n\n「我持續吃了半年，總共瘦了17公斤」\n\n這是業者的廣告話術，並不實在，屬違規廣告。")
	s := blockWith(t, d, "瘦了").Sentences[0]
	assert.Equal(t, facts.VoiceQuoted, s.Voice)
	assert.True(t, d.Critical)
	assert.True(t, s.Distanced)
}

// In a question only the clause that asks is posed; what comes before is
// asserted.
func TestOnlyTheAskingClauseIsPosed(t *testing.T) {
	d := analyze(t, "标题\n\n研究发现补充NMN可以逆转老化，你还不赶快试试吗？")
	h, _ := hitOf(t, d, "antiaging", "逆转老化")
	assert.Equal(t, facts.VoiceWriter, h.Voice)
}

// A headline that asks whether something is a scam, above an article that
// sells it in its own voice, is no critique.
func TestOwnHypeOutweighsACritiqueHeadline(t *testing.T) {
	d := analyze(t, "NMN是智商税吗？\n\n西方流传着青春之泉的传说。NMN能逆转衰老，让你青春永驻，是真正的神药。它还能返老还童。")
	assert.False(t, d.Critical)
}

// A first-person story in quotation marks is a testimonial; a quoted
// scientist speaking for the team is not.
func TestTestimonial(t *testing.T) {
	cases := map[string]bool{
		"她逢人便说：“感觉自己年轻了20岁！”":                          true,
		"\"My friends say I look 20 years younger.\"":  true,
		"“我国的研究团队发现了新靶点。”":                             false,
		"\"We found the mice lived longer,\" he said.": false,
		"我每天都喝绿茶。":                                     false,
	}
	for text, want := range cases {
		d := analyze(t, "Title\n\n"+text)
		assert.Equal(t, want, d.Blocks[1].Sentences[0].Testimonial, text)
	}
}

// A study said not to exist is negated from anywhere earlier in its clause.
func TestNegatedStudyAcrossTheClause(t *testing.T) {
	d := analyze(t, "标题\n\n我们没有找到任何哈佛团队发表的相关人体试验。")
	assert.True(t, d.Blocks[1].Sentences[0].Negated)
}

// A sentence filed as a myth or a rumour by a label before a colon holds
// its claims at a distance.
func TestLabelledClaim(t *testing.T) {
	d := analyze(t, "Title\n\nMyth 2: it is a miracle cure for hair loss.")
	h, _ := hitOf(t, d, "miracle", "miracle")
	assert.Equal(t, facts.VoiceDistanced, h.Voice)
	d = analyze(t, "标题\n\n网传：喝这种茶能逆转衰老。")
	h, _ = hitOf(t, d, "antiaging", "逆转衰老")
	assert.Equal(t, facts.VoiceDistanced, h.Voice)
	d = analyze(t, "Title\n\nThe myth is over: this pill is a miracle.")
	h, _ = hitOf(t, d, "miracle", "miracle")
	assert.Equal(t, facts.VoiceWriter, h.Voice, "a label must stand right before its colon")
}

// An article reports research when a study stands in its own account; a
// study said not to exist, or one a debunk quotes from the seller, is not
// research the article reports.
func TestReportsStudy(t *testing.T) {
	assert.True(t, analyze(t, "标题\n\n一项研究发现，喝茶的人更长寿。").ReportsStudy)
	assert.False(t, analyze(t, "标题\n\n目前没有任何研究证实喝茶能让人长寿。").ReportsStudy)
	debunk := analyze(t, "辟谣：喝茶能长寿？\n\n网传“研究显示喝茶能活到120岁”，这一说法缺乏证据，纯属炒作。")
	assert.True(t, debunk.Critical)
	assert.False(t, debunk.ReportsStudy)
}

// A question in the headline that the lead answers no makes a critique.
func TestHeadlineQuestionAnsweredNo(t *testing.T) {
	d := analyze(t, "喝咖啡能逆转衰老吗？\n\n不能。所谓“咖啡逆龄”的说法来自一项小鼠研究。")
	assert.True(t, d.Critical)
	d = analyze(t, "喝咖啡能逆转衰老吗？\n\n能！每天三杯，皱纹全消。")
	assert.False(t, d.Critical)
}

// "There is no evidence that X reverses ageing" denies the claim a few words
// later, beyond the reach of a bare "no".
func TestNoEvidenceThatNegatesTheClaimAfterIt(t *testing.T) {
	d := analyze(t, "Title\n\nThere is no evidence that plasma from young donors reverses ageing.")
	h, _ := hitOf(t, d, "antiaging", "reverses ageing")
	assert.True(t, h.Negated)
	d = analyze(t, "Title\n\nThe plasma from young donors reverses ageing, the clinic says.")
	h, _ = hitOf(t, d, "antiaging", "reverses ageing")
	assert.False(t, h.Negated)
}
