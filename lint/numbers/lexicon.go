package numbers

import (
	"slices"
	"unicode/utf8"
)

// uclass says how the unit or noun after a number decides the Kind.
type uclass uint8

const (
	ucNone       uclass = iota
	ucPlain             // the unit fixes the Kind: mg → Dose, 岁 → Age
	ucYear              // 年: a calendar year or a duration, by the number
	ucPerson            // 名, 例, "patients": a count of subjects
	ucPersonCtx         // 位, 户: subjects only with a subject noun or study context
	ucPersonWeak        // 人, "people": subjects only with a qualifier, multiplier or study context
	ucAnimal            // 只: animal subjects
	ucNeedAnimal        // 头, 条: subjects only when an animal noun follows
	ucNeedSample        // 个, 份, 对, 宗: subjects only when a sample, case, household or pair noun follows
	ucStudies           // 项, 篇, "studies": a pooled count, needs pooling context
	ucFraction          // 分之: X分之Y
	ucTenths            // 成: 三成 = 30%
	ucTimes             // "times": a ratio, or a frequency ("three times a day")
	ucDecade            // "60s", "1990s"
)

// nclass classifies the noun counted after a classifier.
type nclass uint8

const (
	nNone      nclass = iota
	nPerson           // 患者, participants
	nCase             // 病例, cases: counted by 个 and 宗 as well
	nAnimal           // 小鼠, mice
	nSample           // 样本, samples
	nHousehold        // 家庭, households
	nPair             // 双胞胎, twins (counted in pairs by 对)
	nStudy            // 研究, trials: a size only when pooled
	nRole             // 专家, researchers: people who are not the subjects
	nWeak             // "people": needs a qualifier or study context
	nThing            // 活菌, 细胞, 眼睛: counted by 只 but not subjects
)

// zhUnit is a Chinese unit or classifier that can follow a number.
type zhUnit struct {
	s         string
	kind      Kind
	cls       uclass
	notBefore string // the unit is not one when followed by one of these runes (例如, 名次)
	// notBeforeEnds has a bit for the low six bits of the last byte of
	// each rune of notBefore (set by buildLexicon).
	notBeforeEnds uint64
	arabicOnly    bool // only after digits: 一点, 一度, 一口 are not measurements
	approx        bool // 个多月
	// counts is classifierNouns[s] (set by buildLexicon): zhCounted reads
	// it from the unit, not by hashing the unit's text.
	counts uint16
}

// zhUnitList holds the units; zhUnits indexes them by first rune, longest first.
var zhUnitList = []zhUnit{
	{s: "周岁", kind: Age}, {s: "岁", kind: Age}, {s: "月龄", kind: Age}, {s: "周龄", kind: Age},
	{s: "日龄", kind: Age}, {s: "个月大", kind: Age},

	{s: "年代", kind: Year}, {s: "年级", kind: Other}, {s: "年", cls: ucYear, notBefore: "龄轻纪"},
	{s: "个多月", kind: Duration, approx: true}, {s: "个半月", kind: Duration}, {s: "个月", kind: Duration},
	{s: "周年", kind: Other}, {s: "个星期", kind: Duration}, {s: "星期", kind: Duration},
	{s: "礼拜", kind: Duration}, {s: "周", kind: Duration, notBefore: "边围末期"},
	{s: "天", kind: Duration, notBefore: "然使生气"}, {s: "个小时", kind: Duration}, {s: "小时", kind: Duration},
	{s: "个钟头", kind: Duration}, {s: "钟头", kind: Duration}, {s: "分钟", kind: Duration},
	{s: "秒钟", kind: Duration}, {s: "秒", kind: Duration, arabicOnly: true},
	{s: "晚", kind: Duration, notBefore: "上餐饭期年间"},
	{s: "月", kind: Other, notBefore: "经亮光球"}, {s: "日", kind: Other, notBefore: "本常常子益后前"},
	{s: "号", kind: Other, arabicOnly: true},

	{s: "毫克", kind: Dose}, {s: "微克", kind: Dose}, {s: "纳克", kind: Dose}, {s: "千克", kind: Dose},
	{s: "公斤", kind: Dose}, {s: "克", kind: Dose, notBefore: "服隆制罗"}, {s: "斤", kind: Dose},
	{s: "毫升", kind: Dose}, {s: "升", kind: Dose, notBefore: "高级至起温值"},
	{s: "国际单位", kind: Dose}, {s: "单位", kind: Dose}, {s: "毫摩尔", kind: Dose}, {s: "微摩尔", kind: Dose},
	{s: "片", kind: Dose, notBefore: "面刻段区子"}, {s: "粒", kind: Dose},
	{s: "千卡", kind: Dose}, {s: "大卡", kind: Dose}, {s: "卡路里", kind: Dose},

	{s: "元", kind: Money, notBefore: "素凶首旦件"}, {s: "美元", kind: Money}, {s: "块钱", kind: Money},
	{s: "英镑", kind: Money}, {s: "欧元", kind: Money}, {s: "日元", kind: Money}, {s: "港元", kind: Money},
	{s: "港币", kind: Money}, {s: "新台币", kind: Money}, {s: "台币", kind: Money},
	{s: "人民币", kind: Money}, {s: "澳元", kind: Money}, {s: "韩元", kind: Money}, {s: "加元", kind: Money},

	{s: "倍", kind: Ratio}, {s: "个百分点", kind: Percent}, {s: "百分点", kind: Percent},
	{s: "成", cls: ucTenths, notBefore: "为员功果本立长熟就分绩型年品交都人真形像活全批群套对倍不效了份"},
	{s: "分之", cls: ucFraction},

	{s: "名", cls: ucPerson, notBefore: "次单字义称额列牌言著校"},
	{s: "例", cls: ucPerson, notBefore: "如子外句证"},
	{s: "位", cls: ucPersonCtx, notBefore: "于居列数置次"},
	{s: "户", cls: ucPersonCtx, notBefore: "外口籍型"},
	{s: "人次", kind: Other}, {s: "人年", kind: Other}, {s: "人口", kind: Other}, {s: "人份", kind: Other},
	{s: "人", cls: ucPersonWeak, notBefore: "均工类体造为们家生物事性格际权脑士气空迷一"}, // 万人空巷, 万人迷, 3人一组
	{s: "只", cls: ucAnimal, notBefore: "有是能要需会占不在好"},
	{s: "头", cls: ucNeedAnimal}, {s: "条", cls: ucNeedAnimal},
	{s: "对", cls: ucNeedSample}, {s: "份", cls: ucNeedSample}, {s: "个", cls: ucNeedSample},
	{s: "宗", cls: ucNeedSample},
	{s: "项", cls: ucStudies}, {s: "篇", cls: ucStudies},

	// Counts that are not subjects. The common ones may follow Chinese
	// numerals; the rest only digits, so that 一点, 一度, 一场 stay words.
	{s: "步"}, {s: "杯"}, {s: "次", notBefore: "要"}, {s: "种"}, {s: "组", notBefore: "织成"}, {s: "颗"},
	{s: "支", notBefore: "持付"}, {s: "包", notBefore: "括含装"}, {s: "根", notBefore: "据本"},
	{s: "瓶"}, {s: "罐"}, {s: "碗"}, {s: "剂", notBefore: "量型"}, {s: "针"}, {s: "轮"}, {s: "期", notBefore: "间待望刊"},
	{s: "型"}, {s: "盒"}, {s: "家", notBefore: "人属庭长"}, {s: "所", notBefore: "以有谓"},
	{s: "盘", arabicOnly: true}, {s: "层", arabicOnly: true}, {s: "级", arabicOnly: true},
	{s: "件", arabicOnly: true}, {s: "张", arabicOnly: true}, {s: "台", arabicOnly: true},
	{s: "款", arabicOnly: true}, {s: "类", arabicOnly: true}, {s: "批", arabicOnly: true},
	{s: "座", arabicOnly: true}, {s: "间", arabicOnly: true}, {s: "场", arabicOnly: true},
	{s: "届", arabicOnly: true}, {s: "回", arabicOnly: true}, {s: "遍", arabicOnly: true},
	{s: "代", arabicOnly: true}, {s: "章", arabicOnly: true}, {s: "节", arabicOnly: true},
	{s: "页", arabicOnly: true}, {s: "度", arabicOnly: true}, {s: "摄氏度"}, {s: "公里"},
	{s: "千米"}, {s: "米", arabicOnly: true}, {s: "厘米"}, {s: "毫米"}, {s: "毫米汞柱"}, {s: "分贝"},
	{s: "平方米"}, {s: "顿", arabicOnly: true}, {s: "餐", arabicOnly: true}, {s: "圈", arabicOnly: true},
	{s: "口", arabicOnly: true}, {s: "点", arabicOnly: true}, {s: "分", arabicOnly: true},
	{s: "套", arabicOnly: true}, {s: "部", arabicOnly: true},
}

// noun is a counted noun; animal marks animal subjects.
type noun struct {
	s   string
	cls nclass
}

// zhNounText lists Chinese counted nouns by class. Bare 人 is left out:
// inside a longer noun phrase it is too often part of another word.
var zhNounText = map[nclass][]string{
	nPerson: {"受试者", "参与者", "参加者", "志愿者", "受访者", "应答者", "被试者", "被试", "受检者",
		"就诊者", "患者", "病人", "病患", "孕妇", "产妇", "孕产妇", "妇女", "女性", "男性", "女子", "男子",
		"儿童", "孩子", "小孩", "幼儿", "婴儿", "婴幼儿", "新生儿", "早产儿", "青少年", "少年", "学生",
		"大学生", "中学生", "小学生", "成年人", "成人", "老年人", "中老年人", "老人", "长者", "年轻人",
		"青年", "居民", "民众", "市民", "村民", "员工", "职工", "工人", "医生", "医护人员", "医务人员",
		"护士", "运动员", "军人", "士兵", "退伍军人", "吸烟者", "饮酒者", "使用者", "用户", "研究对象",
		"对象", "个体", "母亲", "父亲", "女孩", "男孩", "人士", "网民", "献血者", "捐献者", "幸存者",
		"携带者", "感染者", "中国人", "美国人", "日本人", "英国人", "男人", "女人", "国人", "华人",
		"上班族", "白领", "肥胖者", "糖友", "病友", "孕妈", "宝宝", "胎儿", "人群",
		// Taiwan and Hong Kong usage that character folding leaves as is
		"长辈", "小朋友", "学童", "孩童", "银发族", "病童", "患童", "男童", "女童", "受测者", "参试者",
		"受访民众", "乐龄人士"},
	nCase:   {"病例", "个案", "案例"},
	nAnimal: zhAnimals,
	nThing: {"活菌", "细菌", "益生菌", "乳酸菌", "菌株", "菌", "病毒", "细胞", "精子", "卵子", "眼睛", "眼",
		"手", "脚", "耳朵", "鞋", "袜子", "杯子", "手表", "股票", "基金"},
	nSample:    {"样本", "样品", "标本", "血样", "尿样", "问卷", "病历", "活检"},
	nHousehold: {"家庭", "住户", "人家"},
	nPair:      {"双胞胎", "同卵双胞胎", "异卵双胞胎", "夫妇", "夫妻", "母婴", "母子", "父子", "配偶", "情侣"},
	nStudy: {"研究", "试验", "临床试验", "随机对照试验", "队列研究", "观察性研究", "前瞻性研究",
		"文献", "论文", "文章", "荟萃分析", "队列", "调查"},
	nRole: {"专家", "研究人员", "研究者", "科学家", "学者", "教授", "作者", "记者", "编辑", "官员",
		"院士", "评审", "审稿人", "发言人", "工作人员", "代表", "嘉宾", "营养师", "主任", "团队",
		"医学专家", "研究员", "博士", "医师"},
}

// zhAnimals are animal subjects; 只 counts them even without a noun.
var zhAnimals = []string{"小鼠", "大鼠", "裸鼠", "仓鼠", "豚鼠", "老鼠", "鼠", "猕猴", "恒河猴",
	"食蟹猴", "狨猴", "猴子", "猴", "黑猩猩", "猩猩", "狒狒", "灵长类动物", "比格犬", "狗", "犬", "猫",
	"小猪", "猪", "家兔", "兔子", "兔", "绵羊", "山羊", "羊", "奶牛", "牛", "鸡", "鸭", "鸟",
	"斑马鱼", "鱼", "果蝇", "线虫", "蠕虫", "蜜蜂", "蚊子", "蝙蝠", "雪貂", "实验动物", "动物",
	"青蛙", "蛙", "幼崽", "小动物"}

// enUnit is an English unit word following a number.
type enUnit struct {
	kind Kind
	cls  uclass
}

func plain(k Kind) enUnit { return enUnit{kind: k, cls: ucPlain} }

// enUnits maps unit words (and glued unit letters, "450mg") to their Kind.
var enUnits = map[string]enUnit{}

var enUnitText = map[Kind][]string{
	Percent: {"percent", "pct"},
	Dose: {"mg", "milligram", "milligrams", "mcg", "μg", "µg", "ug", "microgram", "micrograms", "ng",
		"g", "gram", "grams", "kg", "kilogram", "kilograms", "kilo", "kilos", "ml", "millilitre",
		"millilitres", "milliliter", "milliliters", "l", "litre", "litres", "liter", "liters", "iu",
		"unit", "units", "mmol", "oz", "ounce", "ounces", "lb", "lbs", "pound", "pounds", "kcal",
		"calorie", "calories", "tablet", "tablets", "pill", "pills", "capsule", "capsules"},
	Duration: {"year", "years", "yr", "yrs", "month", "months", "week", "weeks", "wk", "wks", "day",
		"days", "hour", "hours", "hr", "hrs", "h", "minute", "minutes", "min", "mins", "second",
		"seconds", "sec", "secs", "decade", "decades", "night", "nights"},
	Money: {"dollar", "dollars", "yuan", "euro", "euros", "cent", "cents", "usd", "rmb", "yen"},
	Ratio: {"fold", "x"},
	Other: {"step", "steps", "cup", "cups", "glass", "glasses", "serving", "servings", "drink",
		"drinks", "cigarette", "cigarettes", "dose", "doses", "session", "sessions", "meal", "meals",
		"egg", "eggs", "point", "points", "beat", "beats", "bpm", "mmhg", "km", "kilometre",
		"kilometres", "kilometer", "kilometers", "mile", "miles", "m", "metre", "metres", "meter",
		"meters", "cm", "mm", "feet", "foot", "ft", "inch", "inches", "degree", "degrees", "°c",
		"group", "groups", "arm", "arms", "country", "countries", "hospital", "hospitals", "site",
		"sites", "centre", "centres", "center", "centers", "state", "states", "city", "cities",
		"gene", "genes", "variant", "variants", "protein", "proteins", "cell", "cells", "question",
		"questions", "item", "items", "visit", "visits", "episode", "episodes", "st", "nd", "rd",
		"th", "injection", "injections", "infusion", "infusions", "treatment", "treatments",
		"time", "pack", "packs", "bottle", "bottles", "cans",
		"slice", "slices", "portion", "portions", "teaspoon", "teaspoons", "tablespoon",
		"tablespoons", "spoon", "spoons", "piece", "pieces", "languages", "universities",
		"institutions", "journals"},
}

// enNouns maps counted English nouns (plural) to their class.
var enNouns = map[string]nclass{}

var enNounText = map[nclass][]string{
	nPerson: {"participants", "persons", "individuals", "patients", "subjects", "volunteers",
		"adults", "children", "kids", "youths", "adolescents", "teens", "teenagers", "infants",
		"babies", "newborns", "neonates", "toddlers", "women", "men", "girls", "boys", "mothers",
		"fathers", "parents", "students", "pupils", "workers", "employees", "nurses", "doctors",
		"physicians", "clinicians", "residents", "veterans", "seniors", "retirees", "pensioners",
		"smokers", "nonsmokers", "non-smokers", "drinkers", "users", "respondents", "controls",
		"survivors", "athletes", "runners", "soldiers", "members", "donors", "recipients",
		"youngsters", "males", "females", "dieters", "consumers", "citizens", "inhabitants",
		"enrollees", "enrolees", "recruits", "siblings", "offspring", "americans", "britons",
		"europeans", "elderly", "pregnancies", "births", "twins", "mother-infant", "dyads",
		"vegetarians", "vegans", "participants'", "patients'", "people's", "volunteers'"},
	nCase:      {"cases"},
	nAnimal:    {"mice", "rats", "monkeys", "macaques", "marmosets", "primates", "dogs", "cats", "pigs", "piglets", "rabbits", "hamsters", "ferrets", "sheep", "cows", "cattle", "chickens", "birds", "bats", "zebrafish", "fish", "flies", "fruit-flies", "worms", "nematodes", "animals", "rodents", "pups", "chimpanzees", "baboons", "horses", "goats", "mosquitoes", "bees", "frogs", "mouse", "rat"},
	nSample:    {"samples", "specimens", "biopsies", "scans", "embryos", "tumours", "tumors", "records", "responses", "questionnaires", "brains", "images"},
	nHousehold: {"households", "families", "couples", "pairs"},
	nStudy:     {"studies", "trials", "cohorts", "papers", "articles", "datasets", "surveys", "rcts", "meta-analyses", "reviews"},
	nRole:      {"researchers", "scientists", "experts", "authors", "co-authors", "investigators", "reviewers", "officials", "journalists", "editors", "professors", "academics", "specialists", "scholars", "teams", "labs", "laboratories", "companies"},
	nWeak:      {"people"},
}

// enStop ends the search for a counted noun: "3 of the patients", "20 mg in patients".
var enStop = map[string]bool{}

// The tables of enUnits, enNouns and enStop, which the words after a
// number are looked up in (see wordTable).
var (
	enUnitTable *wordTable[enUnit]
	enNounTable *wordTable[nclass]
	enStopTable *wordTable[bool]
)

var enStopText = []string{"of", "and", "or", "in", "with", "who", "whom", "were", "was", "are",
	"is", "had", "have", "has", "that", "which", "per", "to", "from", "for", "at", "by", "than",
	"aged", "on", "as", "into", "during", "between", "over", "under", "whose", "but", "while",
	"when", "where", "after", "before", "each", "every", "a", "an", "the", "it", "they", "we",
	"been", "be", "would", "will", "could", "did", "do", "does", "not", "this", "these", "those",
	"its", "their", "his", "her", "our", "across", "among", "about", "around", "within",
	"without", "out", "up", "more", "less", "fewer", "times", "than", "more", "most", "also",
	"took", "take", "got", "get", "received", "showed", "said", "found"}

// Context word lists, matched at the end of the text before a number
// (suffix lists) or anywhere in a short window (near lists).
var (
	zhApprox = newSuffixSet("超过", "超出", "超", "逾", "约有", "大约", "约", "将近", "接近", "近乎", "几乎",
		"近", "至少", "不少于", "不下", "不低于", "多达", "高达", "不到", "不足", "少于", "最多",
		"大概", "估计", "上下")
	enApprox = newSuffixSet("more than", "over", "about", "nearly", "around", "some", "at least",
		"almost", "approximately", "approx.", "approx", "roughly", "upwards of", "up to",
		"close to", "just over", "just under", "well over", "fewer than", "less than", "under",
		"an estimated", "estimated", "as many as", "as few as", "only about", "circa", "c.", "~",
		"≈", ">", "<", "≥", "≤", "more than about", "in excess of", "north of", "just shy of")
	zhTotal = newSuffixSet("共", "共计", "总共", "合计", "总计", "一共", "共有", "共纳入", "总计有", "累计")
	enTotal = newSuffixSet("a total of", "total of", "totalling", "totaling", "in all")
	// sample keywords with the connectors allowed between them and the number
	zhSampleKW = newSuffixSet("样本量", "样本数", "样本数量", "样本规模", "样本含量", "样本容量", "例数", "总例数",
		"总人数", "参与人数", "参与者人数", "受试者人数", "受试人数", "入组人数", "纳入人数", "研究人数",
		"调查人数", "参与者数量", "受试者数量", "病例数")
	enSampleKW   = newSuffixSet("sample size", "sample sizes", "total sample", "study size", "enrolment", "enrollment")
	zhConnect    = newSuffixSet("为", "是", ":", "=", "达", "达到", "仅", "仅为", "只有", "有", "共", "共计", "合计", "总计", "仅有")
	enConnect    = newSuffixSet("=", ":", "of", "was", "is", "were", "totalled", "totaled", "of just", "of only", "only", "just", "reached")
	enCohortKW   = newSuffixSet("cohort of", "sample of", "group of", "panel of", "population of", "pool of")
	enArticles   = newSuffixSet("a", "an", "the", "one", "this", "that", "its")
	zhAgeCtx     = newSuffixSet("年龄", "年龄为", "年龄在", "年满", "平均年龄", "年龄介于", "年龄大于", "年龄小于", "年龄是", "年龄达", "年龄超过", "年龄:", "岁数")
	enAgeCtx     = newSuffixSet("aged", "age", "ages", "age of", "ages of", "aged between", "aged from", "older than", "younger than", "the age of", "age range", "mean age", "median age", "average age", "ages between")
	enYearPrep   = newSuffixSet("in", "since", "from", "until", "till", "by", "during", "before", "after", "between", "year", "early", "late", "mid", "end of", "summer", "winter", "spring", "autumn", "fall", "through", "in early", "in late", "fiscal")
	zhRankCtx    = newSuffixSet("排名", "名列", "位列", "位居", "排在", "排第", "排行")
	enRankCtx    = newSuffixSet("top", "no.", "number", "ranked", "rank", "ranks", "ranking", "#")
	zhRankBlock  = "此之以目提当术产餐饭睡疗药预年月日天周前最空事生婚学孕病发诊访测试检验治服用食"
	moneyMarks   = newSuffixSet("$", "us$", "hk$", "nt$", "a$", "c$", "s$", "£", "€", "¥", "rmb", "usd", "cny", "eur", "gbp", "人民币", "港币")
	statEq       = newSuffixSet("<=", ">=", "=", "<", ">", "≤", "≥", "为", "值为", ":")
	statP        = newSuffixSet("p", "p值", "p value", "p-value")
	statRatio    = newSuffixSet("hr", "or", "rr", "ahr", "aor", "irr", "ci", "风险比", "比值比", "危险比", "hazard ratio", "odds ratio", "risk ratio", "relative risk", "ratio", "ratio of", "ratios", "ratios of", "ratios were", "ratio was")
	refMarks     = newSuffixSet("[", "参考文献", "文献", "ref.", "ref", "refs", "reference", "references")
	rateMarks    = newSuffixSet("每", "per", "every", "for every", "in every", "out of every")
	zhStudyWords = []string{"参与", "参加", "受试", "队列", "研究", "调查", "随访", "纳入", "招募", "入组",
		"试验", "样本", "追踪", "跟踪", "对象", "志愿", "实验", "受访", "调研", "问卷", "分析", "登记", "筛查", "观察"}
	zhPoolWords = []string{"纳入", "汇总", "荟萃", "综合", "分析", "系统评价", "系统综述", "合并", "整合",
		"回顾", "检索", "筛选", "包括", "涵盖", "meta", "共"}
	enStudyWords = []string{"study", "studies", "trial", "cohort", "survey", "recruit", "enrol", "enroll",
		"follow", "tracked", "analys", "analyz", "involv", "includ", "among", "examin", "tested",
		"data", "sample", "participa", "randomi", "asked", "questioned", "polled", "monitor",
		"observ", "interview", "research", "screen", "placebo", "assigned", "group", "control", "taking", "given"}
	enPoolWords = []string{"pool", "meta-analys", "meta analys", "review", "analys", "analyz", "includ",
		"combin", "data from", "systematic", "synthes", "across", "aggregat"}
	// vague size adjectives and the study nouns they must describe
	enVagueAdj   = map[string]bool{"large": true, "big": true, "huge": true, "massive": true, "large-scale": true, "sizable": true, "sizeable": true, "vast": true, "enormous": true}
	enVagueNoun  = map[string]bool{"study": true, "trial": true, "cohort": true, "survey": true, "sample": true, "analysis": true, "meta-analysis": true, "population": true, "number": true, "numbers": true}
	zhVagueStudy = []string{"研究", "试验", "调查", "队列", "临床试验", "人群研究", "流行病学调查", "样本", "队列研究", "随机对照试验", "调查研究"}
	negVagueZh   = []string{"需要", "仍需", "尚需", "还需", "有待", "应当", "未来", "将来", "如果", "若", "缺乏", "没有", "尚无", "尚未", "开展", "进一步", "期待"}
	// population counts: "280 million people worldwide", 全球有1000万人
	zhPopWords  = []string{"全球", "全世界", "世界上", "全国", "我国", "中国有", "每年", "年均", "国内有", "美国有", "全港", "全台", "本港", "台湾有", "香港有"}
	enPopAfter  = []string{"worldwide", "globally", "around the world", "each year", "every year", "a year", "per year", "annually", "in the us", "in the united states", "in the uk", "in britain", "in america", "in china", "in england", "nationwide", "across the country", "in the world", "alive today"}
	enPopBefore = []string{"worldwide", "globally", "affects", "affect", "suffer", "diagnosed in", "kills", "world's", "nationwide", "estimated"}
	negVagueEn  = []string{"need", "larger", "future", "further", "more", "should", "lack", "no ", "without", "until"}
)

var zhUnits = map[rune][]zhUnit{}
var zhNouns = map[rune][]noun{}

// zhUnitIndex and zhNounIndex hold zhUnits and zhNouns with their first
// runes of the Basic Multilingual Plane looked up in a dense table rather
// than hashed: a number's unit and the noun window after it look up rune
// after rune, and most of those runes start nothing.
var (
	zhUnitIndex runeLists[zhUnit]
	zhNounIndex runeLists[noun]
)

// zhUnitsOf is zhUnits[r].
func zhUnitsOf(r rune) []zhUnit { return zhUnitIndex.of(r, zhUnits) }

// zhNounsOf is zhNouns[r].
func zhNounsOf(r rune) []noun { return zhNounIndex.of(r, zhNouns) }

// runeLists is a map from runes to lists as a two-level table: the slot
// of rune r, slots[block[r>>8]][r&0xFF], is 1 + the index of r's list in
// lists, 0 for none (runes past the plane are read from the map itself).
// Only the blocks of 256 runes that hold a first rune are stored (slots[0]
// is the empty block): a few KiB to fill on first use, not 64.
type runeLists[T any] struct {
	block [256]uint8
	slots [][256]uint8
	lists [][]T
}

func newRuneLists[T any](m map[rune][]T) runeLists[T] {
	if len(m) > 255 {
		panic("numbers: more than 255 first runes in a list")
	}
	var seen [256]bool
	blocks := 1 // the empty block
	for r := range m {
		if r >= 0 && r < 0x10000 && !seen[r>>8] {
			seen[r>>8] = true
			blocks++
		}
	}
	rl := runeLists[T]{slots: make([][256]uint8, 1, blocks), lists: make([][]T, 1, len(m)+1)}
	for r, l := range m {
		if r < 0 || r >= 0x10000 {
			continue
		}
		if rl.block[r>>8] == 0 {
			rl.block[r>>8] = uint8(len(rl.slots))
			rl.slots = append(rl.slots, [256]uint8{})
		}
		rl.slots[rl.block[r>>8]][r&0xFF] = uint8(len(rl.lists))
		rl.lists = append(rl.lists, l)
	}
	return rl
}

func (rl *runeLists[T]) of(r rune, m map[rune][]T) []T {
	if r >= 0 && r < 0x10000 {
		return rl.lists[rl.slots[rl.block[r>>8]][r&0xFF]]
	}
	return m[r]
}

// buildLexicon indexes the unit and noun lists (see loadTables).
func buildLexicon() {
	for _, u := range zhUnitList {
		if u.cls == ucNone {
			u.cls = ucPlain // a bare entry is a plain unit of u.kind (Other for counts)
		}
		for i := 0; i < len(u.notBefore); i += 3 {
			if _, n := utf8.DecodeRuneInString(u.notBefore[i:]); n != 3 {
				panic("numbers: a notBefore rune that is not three bytes long: " + u.s)
			}
			u.notBeforeEnds |= 1 << (u.notBefore[i+2] & 0x3F)
		}
		u.counts = classifierNouns[u.s]
		r, _ := utf8.DecodeRuneInString(u.s)
		zhUnits[r] = append(zhUnits[r], u)
	}
	for r := range zhUnits {
		l := zhUnits[r]
		slices.SortStableFunc(l, func(a, b zhUnit) int { return len(b.s) - len(a.s) })
	}
	for cls, words := range zhNounText {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			zhNouns[r] = append(zhNouns[r], noun{s: w, cls: cls})
		}
	}
	for r := range zhNouns {
		l := zhNouns[r]
		slices.SortStableFunc(l, func(a, b noun) int { return len(b.s) - len(a.s) })
	}
	zhUnitIndex, zhNounIndex = newRuneLists(zhUnits), newRuneLists(zhNouns)
	for k, words := range enUnitText {
		for _, w := range words {
			enUnits[w] = plain(k)
		}
	}
	enUnits["times"] = enUnit{kind: Ratio, cls: ucTimes}
	enUnits["s"] = enUnit{cls: ucDecade}
	for cls, words := range enNounText {
		for _, w := range words {
			enNouns[w] = cls
		}
	}
	for _, w := range enStopText {
		enStop[w] = true
	}
	enUnitTable, enNounTable, enStopTable = newWordTable(enUnits), newWordTable(enNouns), newWordTable(enStop)
	sortLongestFirst(zhVagueStudy)
}

// suffixSet is a list matched at the end of the text before a number,
// longest entry first. The entries are grouped by their last byte, so that
// a lookup tries only those that can end at the text's last byte: for
// Chinese text most lists are rejected without a comparison, and the rest
// try one or two entries instead of the whole list.
type suffixSet struct {
	byLast []string       // the entries grouped by last byte, longest first in each group
	group  [256][2]uint16 // byLast[group[c][0]:group[c][1]] end in byte c
	bit    uint32         // the set's bit in suffixPairs
}

// suffixPairs has, for each pair of bytes, a bit for each suffix set with
// an entry ending in them (an entry of one byte: after any byte, or none):
// the twenty-odd lists a number's context is read with are ruled out in
// one shared table, not one table each. Two bytes rule out far more than
// one: the last byte of a Chinese character is one of 64, shared by many
// of the lists' words. Sets past the 31st share the last bit. The pair
// is folded to the low six bits of each byte (pairIndex), which keeps the
// pairs of continuation bytes Chinese words end in apart: a table of 16 KiB
// rather than 256, filled on first use (indexSuffixSets), as the pages of
// the larger one cost more to touch than the scanning they saved. A pair
// shared through the fold lets a list through that matchAt then rejects.
var (
	suffixPairs [1 << 12]uint32
	suffixSets  []*suffixSet // every set made, for indexSuffixSets
)

// pairIndex is the suffixPairs slot of the bytes b1, b2 (lower-cased).
func pairIndex(b1, b2 byte) int { return int(b1&0x3F)<<6 | int(b2&0x3F) }

// pairBits is the suffixPairs entry for the (lower-cased) bytes before k:
// the sets with an entry that may end at k.
func pairBits(t string, k int) uint32 {
	if k == 0 {
		return 0
	}
	var b1 byte // none before: only one-byte entries, which set every b1
	if k >= 2 {
		b1 = lower(t[k-2])
	}
	return suffixPairs[pairIndex(b1, lower(t[k-1]))]
}

func newSuffixSet(list ...string) *suffixSet {
	ss := &suffixSet{byLast: slices.Clone(list), bit: 1 << min(len(suffixSets), 31)}
	suffixSets = append(suffixSets, ss)
	if tablesBuilt.Load() { // a set made after the tables (in a test)
		ss.index()
	}
	return ss
}

// indexSuffixSets readies every suffix set for lookups (see loadTables).
func indexSuffixSets() {
	for _, ss := range suffixSets {
		ss.index()
	}
}

// index orders the entries by last byte, longest first in each group,
// records the groups and sets the set's bit in suffixPairs.
func (ss *suffixSet) index() {
	sortLongestFirst(ss.byLast)
	slices.SortStableFunc(ss.byLast, func(a, b string) int { return int(a[len(a)-1]) - int(b[len(b)-1]) })
	for i, p := range ss.byLast {
		g := &ss.group[p[len(p)-1]]
		if g[1] == 0 {
			g[0] = uint16(i)
		}
		g[1] = uint16(i + 1)
	}
	ss.setPairs()
}

// setPairs sets the set's bit in suffixPairs for each of its entries.
func (ss *suffixSet) setPairs() {
	for _, p := range ss.byLast {
		last := p[len(p)-1]
		if len(p) == 1 {
			for b := range 256 {
				suffixPairs[pairIndex(byte(b), last)] |= ss.bit
			}
			continue
		}
		suffixPairs[pairIndex(p[len(p)-2], last)] |= ss.bit
	}
}

// sortLongestFirst orders a suffix list so that "more than about" is tried before "about".
func sortLongestFirst(l []string) {
	slices.SortStableFunc(l, func(a, b string) int { return len(b) - len(a) })
}
