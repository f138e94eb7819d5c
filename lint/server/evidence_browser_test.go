package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mixedDraft promises in its headline what its only study showed in mice,
// with an emoji and U+20000 before the study so that the panel's highlights
// are placed by converting the API's byte offsets, not by counting bytes as
// characters.
const mixedDraft = "NMN逆转衰老，人人可用\n\n😀𠀀好消息。\n一项研究给老年小鼠补充NMN，发表于《自然·衰老》。\n"

// evidenceHighlights reads the page's CSS highlights: the text of each range
// of evidence-claim and evidence-study.
const evidenceHighlights = `(() => {
  const texts = (name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString());
  return { claim: texts('evidence-claim'), study: texts('evidence-study') };
})()`

type evidenceMarks struct {
	Claim []string `json:"claim"`
	Study []string `json:"study"`
}

func TestServeBrowserEvidencePanel(t *testing.T) {
	p := openPage(t, 2*time.Minute)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.SetValue(chromedp.CSS("#text"), mixedDraft)))
	p.lint(t, time.Minute)

	want := apiReport(t, p.linter, "draft.txt", mixedDraft, "en")
	require.Len(t, want.Studies, 1, "the analysis finds the mouse study")
	study := want.Studies[0]
	studyText := mixedDraft[study.Start.Offset:study.End.Offset]

	// The panel lists the study with its description and the flagged
	// claims with their reasons, as the API gives them.
	assert.Equal(t, 1, run(t, p, chromedp.Evaluate[int](`document.querySelectorAll('#studies button.study').length`)))
	studies := run(t, p, chromedp.TextContent(chromedp.CSS("#studies")))
	assert.Contains(t, studies, "study 1")
	assert.Contains(t, studies, study.Description)
	assert.Contains(t, studies, "4:1")
	var flagged []string
	for _, c := range want.Claims {
		if len(c.Rules) > 0 {
			flagged = append(flagged, c.Why)
		}
	}
	require.NotEmpty(t, flagged)
	assert.Equal(t, len(flagged), run(t, p, chromedp.Evaluate[int](`document.querySelectorAll('#claims button.claim').length`)))
	claims := run(t, p, chromedp.TextContent(chromedp.CSS("#claims")))
	for _, why := range flagged {
		assert.Contains(t, claims, why)
	}

	// A study's button highlights the sentence that introduces it.
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS("#studies button.study"))))
	got := run(t, p, chromedp.Evaluate[evidenceMarks](evidenceHighlights))
	assert.Equal(t, []string{studyText}, got.Study)
	assert.Empty(t, got.Claim)

	// A claim's button highlights the claim and the study it rests on.
	var claimText string
	for _, c := range want.Claims {
		if len(c.Rules) > 0 {
			claimText = mixedDraft[c.Start.Offset:c.End.Offset]
			break
		}
	}
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS("#claims button.claim"))))
	got = run(t, p, chromedp.Evaluate[evidenceMarks](evidenceHighlights))
	assert.Equal(t, []string{claimText}, got.Claim)
	assert.Equal(t, []string{studyText}, got.Study)
	assert.Equal(t, "true", run(t, p, chromedp.Evaluate[string](`String(document.querySelector('#claims button.claim').classList.contains('active'))`)))

	// A finding that carries a study links to it from its details.
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Click(`//div[@id='list']//button[contains(., 'animal-result-in-headline')]`)))
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`CSS.highlights.clear(); true`)(ctx, target)
		return err
	})))
	related := run(t, p, chromedp.TextContent(chromedp.CSS("#detail button.related")))
	assert.Contains(t, related, "judged against study 1")
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS("#detail button.related"))))
	got = run(t, p, chromedp.Evaluate[evidenceMarks](evidenceHighlights))
	assert.Equal(t, []string{studyText}, got.Study)

	// In Traditional Chinese the panel's words and the card's follow.
	require.NoError(t, chromedp.Do(p.ctx, chromedp.SetValue(chromedp.CSS("#locale"), "zh-Hant")))
	p.await(t, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`document.getElementById('locale').dispatchEvent(new Event('change'))`)(ctx, target)
		return err
	}), time.Minute)
	assert.Equal(t, "證據卡", run(t, p, chromedp.TextContent(chromedp.CSS(".evidence h2"))))
	assert.Contains(t, run(t, p, chromedp.TextContent(chromedp.CSS("#claims"))), "它所依據的研究1用的是小鼠")

	saveScreenshot(t, run(t, p, chromedp.FullScreenshot(100)), "hypelint-serve-evidence.png")
	p.checkNoProblems(t)
}
