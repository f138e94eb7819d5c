package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEvidenceCard(t *testing.T) {
	mixed := "这种蛋白能让老人重新变年轻\n\n一项追踪了1300名老人的队列研究发现，这种蛋白随年龄下降。\n\n研究团队随后给20只老年小鼠注射这种蛋白，小鼠的肌肉量增加了。\n"
	dir := writeFiles(t, map[string]string{"mixed.txt": mixed, "bad.txt": "ok\xff\n"})
	r := runCLI(t, nil, false, "evidence", filepath.Join(dir, "mixed.txt"))
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "#1 people, observational, n=1300")
	assert.Contains(t, r.stdout, "#2 animals, lab, 20 animals")
	// The headline's claim is attributed to the mouse experiment, with its line.
	assert.Contains(t, r.stdout, "[animal-result-in-headline]")
	assert.Contains(t, r.stdout, "rests on study #2 (animals")
	assert.Contains(t, r.stdout, ", 5:1")

	r = runCLI(t, nil, false, "evidence", filepath.Join(dir, "bad.txt"), filepath.Join(dir, "mixed.txt"))
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "bad.txt")
	assert.Contains(t, r.stdout, "mixed.txt", "other files are still shown")
}

func TestSARIFRelatedLocationIsTheStudy(t *testing.T) {
	mixed := "这种蛋白能让老人重新变年轻\n\n一项追踪了1300名老人的队列研究发现，这种蛋白随年龄下降。\n\n研究团队随后给20只老年小鼠注射这种蛋白，小鼠的肌肉量增加了。\n"
	dir := writeFiles(t, map[string]string{"mixed.txt": mixed})
	r := runCLI(t, nil, false, "--format", "sarif", filepath.Join(dir, "mixed.txt"))
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID           string `json:"ruleId"`
				RelatedLocations []struct {
					PhysicalLocation struct {
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &log), r.stderr)
	found := false
	for _, res := range log.Runs[0].Results {
		if res.RuleID != "animal-result-in-headline" {
			continue
		}
		found = true
		require.Len(t, res.RelatedLocations, 1)
		assert.Equal(t, 5, res.RelatedLocations[0].PhysicalLocation.Region.StartLine)
		assert.Contains(t, res.RelatedLocations[0].Message.Text, "study #2: animals")
	}
	assert.True(t, found, "the headline is flagged")
}
