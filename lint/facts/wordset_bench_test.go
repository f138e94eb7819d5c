package facts

import "testing"

var wordSetText = "研究人员发现，每天服用这种补充剂的老年人，其认知能力在六个月后显著提高，而对照组没有变化。The study found that older adults who took the supplement improved."

func BenchmarkContainsAnyOfMoney(b *testing.B) {
	for b.Loop() {
		containsAnyOf(wordSetText, moneyWords)
	}
}

func BenchmarkWordSetMoney(b *testing.B) {
	for b.Loop() {
		moneyWordSet.In(wordSetText)
	}
}
