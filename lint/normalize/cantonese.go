package normalize

// cantonese folds the function characters of written Cantonese to their
// Standard written Chinese counterparts, so that one lexicon form (降低了一半,
// 的风险, 没有副作用) also matches a Hong Kong article (低咗一半, 嘅風險, 冇副作用).
// Only characters that Standard written Chinese does not use are listed: the
// fold never changes a Mandarin text.
var cantonese = map[rune]string{
	'咗': "了",  // aspect: 食咗 → 吃了
	'嘅': "的",  // possessive / attributive: 佢嘅 → 他的
	'啲': "些",  // plural / comparative: 啲老鼠 → 些老鼠, 好啲 → 好些
	'唔': "不",  // negation: 唔係 → 不是
	'冇': "没有", // negation of 有: 冇副作用 → 没有副作用
	'喺': "在",  // location: 喺香港 → 在香港
	'佢': "他",  // third person
	'哋': "们",  // plural of persons: 佢哋 → 他们
}
