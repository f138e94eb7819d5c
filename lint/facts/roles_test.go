package facts_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hypelint/hypelint/lint"
	"github.com/hypelint/hypelint/lint/facts"
)

func TestRolesFromCues(t *testing.T) {
	d := analyze(t, `Tea extract slows muscle loss in older adults

A trial of 240 adults found a small gain in grip strength.

The effect was about 2 kg after a year.

Photo: a volunteer's grip is measured.

Disclaimer: this article is for informational purposes only.

© 2026 Example Media. All rights reserved.

About the company

Acme Bio makes tea extracts and offers miracle results to its customers.

References

[1] Smith J, Lee K, et al. Tea extract and grip strength. J Aging. 2025;12:34-40.

Read more

Ten foods that reverse ageing`)
	want := map[string]string{
		"Tea extract slows":      facts.RoleHeadline,
		"A trial of 240":         facts.RoleStandfirst,
		"The effect was":         facts.RoleBody,
		"Photo:":                 facts.RoleCaption,
		"Disclaimer:":            facts.RoleDisclaimer,
		"© 2026":                 facts.RoleNotice,
		"About the company":      facts.RoleHeading,
		"Acme Bio makes":         facts.RoleBio,
		"References":             facts.RoleHeading,
		"[1] Smith J":            facts.RoleReferences,
		"Ten foods that reverse": facts.RoleRelated,
	}
	for text, role := range want {
		assert.Equal(t, role, blockWith(t, d, text).Role, text)
	}
	assert.True(t, d.References)
	assert.True(t, d.Journal, "a reference list names sources")
}

// A reference entry is recognised by its shape without a heading; a
// numbered list of prose is not.
func TestReferenceEntryShape(t *testing.T) {
	d := analyze(t, "标题\n\n正文第一段。\n\n1. Wang L, Chen Y. Exosomes in skin repair. Cell Rep. 2024;43(2):113.\n\n2. 每天喝八杯水，坚持运动。")
	assert.Equal(t, facts.RoleReferences, blockWith(t, d, "Wang L").Role)
	assert.Equal(t, facts.RoleListItem, blockWith(t, d, "八杯水").Role)
}

// Boilerplate does not set document facts: a copyright line about bought
// stock images is not commerce, and a denied advertising label is no
// disclosure. A disclosure placed in end matter still counts.
func TestExcludedRolesDoNotFeedDocumentFacts(t *testing.T) {
	d := analyze(t, "研究发现绿茶与长寿相关\n\n一项研究随访了1000名老人。\n\n本文图片购自图库，版权所有，未经授权不得转载。")
	assert.Equal(t, facts.RoleNotice, blockWith(t, d, "图库").Role)
	assert.False(t, d.Commerce)

	d = analyze(t, "Title\n\nA study of 300 people found a link.\n\nThis article is not an advertisement.")
	assert.False(t, d.Disclosure, "a denied advertising label discloses nothing")

	d = analyze(t, "Title\n\nA study of 300 people found a link.\n\nAbout the authors\n\nThe authors declare no competing interests.")
	assert.Equal(t, facts.RoleBio, blockWith(t, d, "competing").Role)
	assert.True(t, d.Disclosure)
}

// "Sources close to…" opens a paragraph, not a reference list: a section
// word counts only as a heading or a short label line.
func TestSectionCueNeedsALabel(t *testing.T) {
	d := analyze(t, "Title\n\nFirst paragraph here.\n\nSources close to the company said the pill reverses ageing in people.")
	assert.Equal(t, facts.RoleBody, blockWith(t, d, "Sources close").Role)
}

func TestLimitationsFromABulletOrAnAnnouncement(t *testing.T) {
	d := analyze(t, "标题\n\n正文。\n\n• 研究局限\n\n• 样本只有20人，结论有待验证。\n\n下一部分\n\n另一段。")
	assert.True(t, blockWith(t, d, "样本只有20人").InLimitations)
	assert.False(t, blockWith(t, d, "另一段").InLimitations)

	d = analyze(t, "标题\n\n正文。\n\n结果令人鼓舞，但该研究存在局限性，样本较小。")
	assert.True(t, blockWith(t, d, "存在局限性").InLimitations)
}

func TestCitationMarkers(t *testing.T) {
	for _, text := range []string{"研究表明绿茶有益［3］。", "Studies show a link [12].", "Studies show a link [3,4].",
		"Studies show a link².", "Studies show a link (Smith et al., 2020)."} {
		d := analyze(t, "Title\n\n"+text)
		assert.True(t, blockWith(t, d, text[:6]).Sentences[0].Cites, text)
	}
	d := analyze(t, "Title\n\nBMI was 30 kg/m² on average.")
	assert.False(t, blockWith(t, d, "BMI").Sentences[0].Cites)
}

// A disclosure that says 声明 is not a disclaimer; a short block with a
// disclaimer phrase anywhere is.
func TestDisclaimerPhraseAnywhereInAShortBlock(t *testing.T) {
	d := analyze(t, "标题\n\n正文。\n\n研究由基金资助，作者声明无利益冲突。\n\n本文内容仅供参考，不构成医疗建议。")
	assert.NotEqual(t, facts.RoleDisclaimer, blockWith(t, d, "作者声明").Role)
	assert.Equal(t, facts.RoleDisclaimer, blockWith(t, d, "仅供参考").Role)
	assert.True(t, d.Disclosure)
}

// A front matter description is the standfirst (and the lead); the first
// body paragraph is then ordinary body.
func TestFrontMatterDescriptionIsTheStandfirst(t *testing.T) {
	analyze(t, "x") // loads the linter
	res, err := linter.Lint(lint.Input{Path: "a.md", Data: []byte("---\ntitle: T\ndescription: 一项研究显示喝茶与长寿相关。\n---\n\n正文第一段。\n"), Format: "markdown"})
	require.NoError(t, err)
	d := res.Facts
	sf := blockWith(t, d, "喝茶")
	assert.Equal(t, facts.RoleStandfirst, sf.Role)
	assert.True(t, sf.IsLead)
	assert.Equal(t, facts.RoleBody, blockWith(t, d, "正文").Role)
}

// Inside a related-links list, headline-like lines stay in the list; a
// heading with a section cue of its own ends it.
func TestRelatedLinksThatLookLikeHeadings(t *testing.T) {
	d := analyze(t, "標題\n\n正文第一段。\n\n延伸閱讀\n\n喝膠原蛋白能讓皮膚回春\n\n外泌體保養品真的能逆齡嗎\n\n作者簡介\n\n林怡君，科學記者。")
	assert.Equal(t, facts.RoleRelated, blockWith(t, d, "膠原蛋白").Role)
	assert.Equal(t, facts.RoleRelated, blockWith(t, d, "外泌體").Role)
	assert.Equal(t, facts.RoleBio, blockWith(t, d, "林怡君").Role)
	assert.Zero(t, d.Count(d.Lex.ClassID("antiaging")), "related links feed no document facts")
}

// A heading after a reference list opens the next section: the article
// goes on.
func TestHeadingAfterReferencesEndsThem(t *testing.T) {
	d := analyze(t, "Title\n\nBody.\n\nReferences\n\n1. Smith J, Lee K, et al. A trial. Lancet. 2020;395:1-9.\n\nAppendix\n\nThe pill is a miracle for everyone.")
	assert.Equal(t, facts.RoleBody, blockWith(t, d, "The pill").Role)
}

// Prose after a reference list or a related-links list ends it; a bare
// 转载 in a news paragraph is not a notice.
func TestSectionsEndAtProse(t *testing.T) {
	d := analyze(t, "标题\n\n正文。\n\n参考文献\n\n［1］ Wang L, et al. A study. Cell. 2020;1:1-2.\n\n香港每年新增逾三万宗癌症个案，不少病人及家属在社交平台转载报道，查询何时可以接种，医生表示这是神药。")
	b := blockWith(t, d, "香港每年")
	assert.Equal(t, facts.RoleBody, b.Role)
}
