package numbers

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// at returns the mention whose span is exactly the first occurrence of
// span in text, or nil.
func at(t *testing.T, text, span string) *Mention {
	t.Helper()
	i := strings.Index(text, span)
	require.GreaterOrEqual(t, i, 0, "span %q not in text %q", span, text)
	for _, m := range Find(text) {
		if m.Start == i && m.End == i+len(span) {
			return &m
		}
	}
	return nil
}

// spans lists the mentions of text as "span:Kind" for failure messages.
func spans(text string) []string {
	var out []string
	for _, m := range Find(text) {
		out = append(out, text[m.Start:m.End]+":"+m.Kind.String())
	}
	return out
}

func TestSampleSizes(t *testing.T) {
	tests := []struct {
		text, span string
		value      float64
		approx     bool
		vague      bool
		subject    string
		animal     bool
	}{
		{text: "n=120", span: "n=120", value: 120},
		{text: "N = 1,013", span: "N = 1,013", value: 1013},
		{text: "两组(n = 48)", span: "n = 48", value: 48},
		{text: "样本量为48", span: "样本量为48", value: 48},
		{text: "样本数:300", span: "样本数:300", value: 300},
		{text: "1013名", span: "1013名", value: 1013, subject: "名"},
		{text: "超1000名", span: "超1000名", value: 1000, approx: true, subject: "名"},
		{text: "超过1000名受试者", span: "超过1000名受试者", value: 1000, approx: true, subject: "受试者"},
		{text: "逾2万例病例", span: "逾2万例病例", value: 20000, approx: true, subject: "病例"},
		{text: "追踪了14 585名成年人", span: "14 585名成年人", value: 14585, subject: "成年人"},
		{text: "1.2万名", span: "1.2万名", value: 12000, subject: "名"},
		{text: "两万人", span: "两万人", value: 20000, subject: "人"},
		{text: "一千多名", span: "一千多名", value: 1000, approx: true, subject: "名"},
		{text: "12例患者", span: "12例患者", value: 12, subject: "患者"},
		{text: "30位参与者", span: "30位参与者", value: 30, subject: "参与者"},
		{text: "120位受试者", span: "120位受试者", value: 120, subject: "受试者"},
		{text: "共有120例患者参与", span: "120例患者", value: 120, subject: "患者"},
		{text: "以60只小鼠为研究对象", span: "60只小鼠", value: 60, subject: "小鼠", animal: true},
		{text: "40只小鼠", span: "40只小鼠", value: 40, subject: "小鼠", animal: true},
		{text: "招募了近3000名志愿者", span: "近3000名志愿者", value: 3000, approx: true, subject: "志愿者"},
		{text: "50万人的队列", span: "50万人", value: 500000, subject: "人"},
		{text: "纳入约1,500名孕妇", span: "约1,500名孕妇", value: 1500, approx: true, subject: "孕妇"},
		{text: "300名病患", span: "300名病患", value: 300, subject: "病患"},
		{text: "200位长者", span: "200位长者", value: 200, subject: "长者"},
		{text: "数千名中老年人", span: "数千名中老年人", value: 2000, vague: true, subject: "中老年人"},
		{text: "纳入23项研究", span: "23项研究", value: 23, subject: "研究"},
		{text: "1,013 participants", span: "1,013 participants", value: 1013, subject: "participants"},
		{text: "a cohort of 2,400 women", span: "a cohort of 2,400 women", value: 2400, subject: "women"},
		{text: "twelve volunteers", span: "twelve volunteers", value: 12, subject: "volunteers"},
		{text: "twenty-four patients", span: "twenty-four patients", value: 24, subject: "patients"},
		{text: "more than 14,000 people", span: "more than 14,000 people", value: 14000, approx: true, subject: "people"},
		{text: "500,000 uk biobank participants", span: "500,000 uk biobank participants", value: 500000, subject: "participants"},
		{text: "120 patients were randomised", span: "120 patients", value: 120, subject: "patients"},
		{text: "tested in 12 mice", span: "12 mice", value: 12, subject: "mice", animal: true},
		{text: "n = 48", span: "n = 48", value: 48},
		{text: "a small pilot of 20 volunteers", span: "20 volunteers", value: 20, subject: "volunteers"},
		{text: "thousands of people", span: "thousands of people", value: 2000, vague: true, subject: "people"},
		{text: "1.2 million adults", span: "1.2 million adults", value: 1.2e6, subject: "adults"},
		{text: "a study of 312 adults", span: "312 adults", value: 312, subject: "adults"},
		{text: "researchers pooled 23 trials", span: "23 trials", value: 23, subject: "trials"},

		// further forms
		{text: "共纳入1,013名50~75岁的高血压患者", span: "1,013名", value: 1013, subject: "名"},
		{text: "纳入约9.2万名2型糖尿病患者", span: "约9.2万名2型糖尿病患者", value: 92000, approx: true, subject: "患者"},
		{text: "300名女性患者", span: "300名女性患者", value: 300, subject: "患者"},
		{text: "团队在40只植入黑色素瘤的小鼠身上测试", span: "40只植入黑色素瘤的小鼠", value: 40, subject: "小鼠", animal: true},
		{text: "有16只的肿瘤消退", span: "16只", value: 16, subject: "只", animal: true},
		{text: "其中24只在出生后接受注射", span: "24只", value: 24, subject: "只", animal: true},
		{text: "一千二百名学生", span: "一千二百名学生", value: 1200, subject: "学生"},
		{text: "一万二千名", span: "一万二千名", value: 12000, subject: "名"},
		{text: "一万二名", span: "一万二名", value: 12000, subject: "名"},
		{text: "十二例", span: "十二例", value: 12, subject: "例"},
		{text: "三千多名", span: "三千多名", value: 3000, approx: true, subject: "名"},
		{text: "3万余人", span: "3万余人", value: 30000, approx: true, subject: "人"},
		{text: "100多万人", span: "100多万人", value: 1e6, approx: true, subject: "人"},
		{text: "1000名以上的受试者", span: "1000名以上的受试者", value: 1000, approx: true, subject: "受试者"},
		{text: "本港研究仅28人参与", span: "28人", value: 28, subject: "人"},
		{text: "招募了300人", span: "300人", value: 300, subject: "人"},
		{text: "共3人", span: "3人", value: 3, subject: "人"},
		{text: "约30人", span: "约30人", value: 30, approx: true, subject: "人"},
		{text: "药物组(803人)", span: "803人", value: 803, subject: "人"},
		{text: "干预组506人", span: "506人", value: 506, subject: "人"},
		{text: "十几名患者", span: "十几名患者", value: 10, approx: true, subject: "患者"},
		{text: "几十名", span: "几十名", value: 20, vague: true, subject: "名"},
		{text: "数百例", span: "数百例", value: 200, vague: true, subject: "例"},
		{text: "上万名", span: "上万名", value: 10000, vague: true, subject: "名"},
		{text: "上千人", span: "上千人", value: 1000, vague: true, subject: "人"},
		{text: "成千上万的患者", span: "成千上万的患者", value: 1000, vague: true, subject: "患者"},
		{text: "数以万计的人", span: "数以万计的人", value: 10000, vague: true, subject: "人"},
		{text: "样本量约1.2万", span: "样本量约1.2万", value: 12000, approx: true},
		{text: "(n=120例)", span: "n=120例", value: 120, subject: "例"},
		{text: "共纳入12项随机对照试验", span: "12项随机对照试验", value: 12, subject: "随机对照试验"},
		{text: "纳入的28篇文献", span: "28篇文献", value: 28, subject: "文献"},
		{text: "调查了1000户家庭", span: "1000户家庭", value: 1000, subject: "家庭"},
		{text: "120对双胞胎", span: "120对双胞胎", value: 120, subject: "双胞胎"},
		{text: "300份血液样本", span: "300份血液样本", value: 300, subject: "样本"},
		{text: "500个家庭", span: "500个家庭", value: 500, subject: "家庭"},
		{text: "20条斑马鱼", span: "20条斑马鱼", value: 20, subject: "斑马鱼", animal: true},
		{text: "30头猪", span: "30头猪", value: 30, subject: "猪", animal: true},
		{text: "15只中年恒河猴", span: "15只中年恒河猴", value: 15, subject: "恒河猴", animal: true},
		{text: "香港每年新增逾35,000宗癌症个案", span: "逾35,000宗癌症个案", value: 35000, approx: true, subject: "个案"},
		{text: "1,000+ patients", span: "1,000+ patients", value: 1000, approx: true, subject: "patients"},
		{text: "a 20-person pilot", span: "20-person", value: 20, subject: "person"},
		{text: "a 2,000-strong cohort", span: "2,000-strong", value: 2000},
		{text: "a dozen patients", span: "a dozen patients", value: 12, subject: "patients"},
		{text: "two dozen volunteers", span: "two dozen volunteers", value: 24, subject: "volunteers"},
		{text: "one hundred and twenty patients", span: "one hundred and twenty patients", value: 120, subject: "patients"},
		{text: "dozens of patients", span: "dozens of patients", value: 24, vague: true, subject: "patients"},
		{text: "hundreds of thousands of women", span: "hundreds of thousands of women", value: 200000, vague: true, subject: "women"},
		{text: "tens of thousands of people", span: "tens of thousands of people", value: 20000, vague: true, subject: "people"},
		{text: "some 2,000 patients", span: "some 2,000 patients", value: 2000, approx: true, subject: "patients"},
		{text: "at least 50 patients", span: "at least 50 patients", value: 50, approx: true, subject: "patients"},
		{text: "fewer than 30 participants", span: "fewer than 30 participants", value: 30, approx: true, subject: "participants"},
		{text: "300 type 2 diabetes patients", span: "300 type 2 diabetes patients", value: 300, subject: "patients"},
		{text: "580 middle-aged pet dogs", span: "580 middle-aged pet dogs", value: 580, subject: "dogs", animal: true},
		{text: "a randomised trial of 6,812 people in spain", span: "6,812 people", value: 6812, subject: "people"},
		{text: "the sample size was 48", span: "sample size was 48", value: 48},
		{text: "sample size of 500", span: "sample size of 500", value: 500},
		{text: "in 2019, 1,200 patients", span: "1,200 patients", value: 1200, subject: "patients"},
		{text: "velaglutide (n=534)", span: "n=534", value: 534},
		{text: "N=803", span: "N=803", value: 803},

		// size claims without a number
		{text: "a large study found", span: "a large study", vague: true},
		{text: "a large-scale trial", span: "a large-scale trial", vague: true},
		{text: "a large number of patients", span: "a large number of patients", vague: true, subject: "patients"},
		{text: "大规模研究显示", span: "大规模研究", vague: true},
		{text: "一项大型前瞻性队列研究", span: "大型前瞻性队列研究", vague: true},
		{text: "大量患者", span: "大量患者", vague: true, subject: "患者"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			m := at(t, tc.text, tc.span)
			require.NotNil(t, m, "no mention %q; got %v", tc.span, spans(tc.text))
			assert.Equal(t, SampleSize, m.Kind)
			assert.InDelta(t, tc.value, m.Value, 1e-6)
			assert.Equal(t, tc.approx, m.Approx, "Approx")
			assert.Equal(t, tc.vague, m.Vague, "Vague")
			assert.Equal(t, tc.subject, m.Subject, "Subject")
			assert.Equal(t, tc.animal, m.Animal, "Animal")
		})
	}
}

// TestNotSampleSizes checks numbers that must not be sample sizes; kind
// is what they should be instead.
func TestNotSampleSizes(t *testing.T) {
	tests := []struct {
		text, span string
		kind       Kind
	}{
		{"年龄50~103岁", "50~103岁", Age},
		{"65岁老人", "65岁", Age},
		{"22月龄的小鼠", "22月龄", Age},
		{"adults aged 65", "65", Age},
		{"a 65-year-old man", "65-year-old", Age},
		{"people older than 60", "60", Age},
		{"450 mg", "450 mg", Dose},
		{"450毫克", "450毫克", Dose},
		{"10 mg/kg", "10 mg/kg", Dose},
		{"a 60 kg adult", "60 kg", Dose},
		{"60公斤的成年人", "60公斤", Dose},
		{"30%", "30%", Percent},
		{"三成", "三成", Percent},
		{"50 percent", "50 percent", Percent},
		{"2023年", "2023年", Year},
		{"in 2019", "2019", Year},
		{"2019-2021", "2019-2021", Year},
		{"[12]", "12", Other},
		{"参考文献3", "3", Other},
		{"随访10年", "10年", Duration},
		{"12周", "12周", Duration},
		{"for six months", "six months", Duration},
		{"199元", "199元", Money},
		{"7000步", "7000步", Other},
		{"3杯", "3杯", Other},
		{"两次", "两次", Other},
		{"7,000 steps", "7,000 steps", Other},
		{"three cups", "three cups", Other},
		{"第1000名", "第1000名", Other},
		{"前10名", "10名", Other},
		{"跻身全球前10名", "10名", Other},
		{"排名第一", "第一", Other},
		{"每10万人", "每10万人", Ratio},
		{"每1000人中", "每1000人", Ratio},
		{"per 100,000 people", "per 100,000 people", Ratio},
		{"一家3人", "3人", Other},
		{"3人", "3人", Other},
		{"研究人员发现3人", "3人", Other},
		{"三名专家表示", "三名专家", Other},
		{"两名作者持有股份", "两名作者", Other},
		{"12 experts", "12 experts", Other},
		{"一名患者", "一名患者", Other},
		{"two people died", "two people", Other},
		{"每100人中约有64人减重", "约有64人", Other},
		{"干预组有18人发生卒中", "18人", Other},
		{"每包含有200亿只活菌", "200亿只活菌", Other},
		{"3个孩子", "3个", Other},
		{"12个国家", "12个", Other},
		{"这23项研究表明", "23项研究", Other},
		{"2型糖尿病", "2型", Other},
		{"第68周", "第68周", Other},
		{"the 95% ci was", "95%", Other},
		{"95%置信区间", "95%", Other},
		{"p=0.03", "0.03", Other},
		{"hr 0.78", "0.78", Ratio},
		{"1.5 times", "1.5 times", Ratio},
		{"1.5 billion people worldwide", "1.5 billion people", Other},
		{"depression affects more than 280 million people", "more than 280 million people", Other},
		{"in 2019 researchers found", "2019", Year},
		{"three times a day", "three times", Other},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			for _, m := range SampleSizes(tc.text) {
				t.Errorf("unexpected sample size %q", tc.text[m.Start:m.End])
			}
			m := at(t, tc.text, tc.span)
			require.NotNil(t, m, "no mention %q; got %v", tc.span, spans(tc.text))
			assert.Equal(t, tc.kind, m.Kind)
		})
	}
}

// TestIgnored checks identifiers and words that are not mentions at all.
func TestIgnored(t *testing.T) {
	for _, text := range []string{
		"电话:010-12345678",
		"call 400-820-8820 or +86 138 0013 8000",
		"book by calling (480) 555-0142",
		"doi: 10.1038/s41586-023-0123",
		"version 2.3.1 and v1.2",
		"gpt-4 and h1n1",
		"covid-19患者",
		"13800138000",
		"1/3的患者 at 8:30, 24/7",
		"3d打印",
		"千万不要", "十分重要", "万一出现问题", "一些人", "一成不变", "多数患者", "他八成是累了",
		"one study found", "no one knows", "大量饮酒", "larger studies are needed",
		"仍需更大规模的试验验证", "如果未来有设计良好的大型试验",
	} {
		t.Run(text, func(t *testing.T) {
			assert.Empty(t, Find(text), "%v", spans(text))
		})
	}
}

func TestOtherKinds(t *testing.T) {
	tests := []struct {
		text, span string
		kind       Kind
		value      float64
		approx     bool
	}{
		{"百分之三十", "百分之三十", Percent, 30, false},
		{"三分之一的患者", "三分之一", Percent, 100.0 / 3, false},
		{"千分之五", "千分之五", Percent, 0.5, false},
		{"超过九成", "超过九成", Percent, 90, true},
		{"约71%", "约71%", Percent, 71, true},
		{"28 percentage points", "28 percentage points", Percent, 28, false},
		{"0.35个百分点", "0.35个百分点", Percent, 0.35, false},
		{"two-thirds of patients", "two-thirds", Percent, 200.0 / 3, false},
		{"one in five adults", "one in five", Percent, 20, false},
		{"about four in ten patients", "about four in ten", Percent, 40, true},
		{"3 out of 10 people", "3 out of 10", Percent, 30, false},
		{"about 10 to 12 percent", "about 10 to 12 percent", Percent, 10, true},
		{"50岁以上", "50岁以上", Age, 50, true},
		{"年满18周岁", "18周岁", Age, 18, false},
		{"二十几岁", "二十几岁", Age, 20, true},
		{"aged 40 to 69", "40 to 69", Age, 40, false},
		{"65 years or older", "65 years or older", Age, 65, false},
		{"24 months old", "24 months old", Age, 24, false},
		{"in their 60s", "60s", Age, 60, false},
		{"6个月大的婴儿", "6个月大", Age, 6, false},
		{"约1,100毫克", "约1,100毫克", Dose, 1100, true},
		{"2,000 international units", "2,000 international units", Dose, 2000, false},
		{"450mg", "450mg", Dose, 450, false},
		{"二〇二三年", "二〇二三年", Year, 2023, false},
		{"2019-2021年", "2019-2021年", Year, 2019, false},
		{"80年代", "80年代", Year, 1980, false},
		{"the 1990s", "1990s", Year, 1990, false},
		{"3个月", "3个月", Duration, 3, false},
		{"一年多", "一年多", Duration, 1, true},
		{"两三年", "两三年", Duration, 2, true},
		{"12.5年", "12.5年", Duration, 12.5, false},
		{"a 72-week trial", "72-week", Duration, 72, false},
		{"twelve-week", "twelve-week", Duration, 12, false},
		{"about 45 minutes", "about 45 minutes", Duration, 45, true},
		{"3万至5万元", "3万至5万元", Money, 30000, false},
		{"$20", "$20", Money, 20, false},
		{"$1.2 billion", "$1.2 billion", Money, 1.2e9, false},
		{"around £10", "around £10", Money, 10, true},
		{"hk$500", "hk$500", Money, 500, false},
		{"18,000元", "18,000元", Money, 18000, false},
		{"2倍", "2倍", Ratio, 2, false},
		{"两倍", "两倍", Ratio, 2, false},
		{"twice as likely", "twice", Ratio, 2, false},
		{"roughly twice", "roughly twice", Ratio, 2, true},
		{"three times higher", "three times", Ratio, 3, false},
		{"2-fold", "2-fold", Ratio, 2, false},
		{"a threefold rise", "threefold", Ratio, 3, false},
		{"风险比0.57", "0.57", Ratio, 0.57, false},
		{"or=1.5", "1.5", Ratio, 1.5, false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			m := at(t, tc.text, tc.span)
			require.NotNil(t, m, "no mention %q; got %v", tc.span, spans(tc.text))
			assert.Equal(t, tc.kind, m.Kind)
			assert.InDelta(t, tc.value, m.Value, 1e-6)
			assert.Equal(t, tc.approx, m.Approx, "Approx")
		})
	}
}

// TestSentences runs whole normalized sentences and checks every mention.
func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string // "span:Kind"
	}{
		{"这项研究利用英国生物样本库(uk biobank)的数据,追踪了约49.8万名40~69岁的参与者,平均随访12.5年",
			[]string{"约49.8万名:SampleSize", "40~69岁:Age", "12.5年:Duration"}},
		{"一项纳入1,204名肥胖或超重成年人的iii期试验显示,受试者体重在第68周平均下降13.8%,安慰剂组为2.6%",
			[]string{"一项:Other", "1,204名肥胖或超重成年人:SampleSize", "第68周:Other", "13.8%:Percent", "2.6%:Percent"}},
		{"研究共招募28名45至65岁的健康市民(n=28),每日服用250毫克nmn,为期12星期",
			[]string{"28名:SampleSize", "45至65岁:Age", "n=28:SampleSize", "250毫克:Dose", "12星期:Duration"}},
		{"40万人健保资料分析:每天3杯绿茶,可降低三成罹癌风险",
			[]string{"40万人:SampleSize", "3杯:Other", "三成:Percent"}},
		{"invasive cancer was diagnosed in 793 of the 12,927 people taking vitamin d (6.1%) and in 824 of the 12,944 taking placebo (6.4%)",
			[]string{"793:Other", "12,927 people:SampleSize", "6.1%:Percent", "824:Other", "12,944:Other", "6.4%:Percent"}},
		{"a study that tracked nearly 5,000 american adults for about ten years found that walking 8,000 steps a day cuts the risk by 51%",
			[]string{"nearly 5,000 american adults:SampleSize", "about ten years:Duration", "8,000 steps:Other", "51%:Percent"}},
		{"研究对象为12,300名患者,其中男性5,600名", []string{"12,300名患者:SampleSize", "5,600名:SampleSize"}},
		// a real size shadows a size-less claim in the same sentence
		{"a large study of 500,000 people", []string{"500,000 people:SampleSize"}},
		{"这项大型试验纳入了19名患者", []string{"19名患者:SampleSize"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			assert.Equal(t, tc.want, spans(tc.text))
		})
	}
}

func TestSampleSizesFilters(t *testing.T) {
	text := "2023年,研究纳入了1,013名受试者,随访10年,其中30%为男性,另有40只小鼠"
	got := SampleSizes(text)
	require.Len(t, got, 2)
	assert.Equal(t, "1,013名受试者", text[got[0].Start:got[0].End])
	assert.Equal(t, "40只小鼠", text[got[1].Start:got[1].End])
	assert.True(t, got[1].Animal)
	assert.Empty(t, SampleSizes(""))
	assert.Empty(t, SampleSizes("no numbers here"))
}

func TestKindString(t *testing.T) {
	assert.Equal(t, "SampleSize", SampleSize.String())
	assert.Equal(t, "Ratio", Ratio.String())
	assert.Equal(t, "Kind(?)", Kind(200).String())
}

// TestInvariants checks ordering, bounds and rune boundaries over every
// text used in the tests, plus some malformed input.
func TestInvariants(t *testing.T) {
	texts := []string{benchText, "", "1", "n=", "第", "数", "\xff12名\x80", "12\xe5名", "１２名"}
	texts = append(texts, strings.Split(benchText, ",")...)
	for _, text := range texts {
		checkInvariants(t, text, Find(text))
	}
}

// checkInvariants asserts what FuzzFind asserts.
func checkInvariants(t *testing.T, text string, ms []Mention) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.Start >= m.End || m.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, prev, text)
		}
		if !utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End]) {
			t.Fatalf("span [%d,%d) splits a rune in %q", m.Start, m.End, text)
		}
		prev = m.End
	}
}

// FindInto reuses its buffer and finds what Find finds, whatever the
// buffer held before.
func TestFindIntoReusesBuffer(t *testing.T) {
	texts := []string{"共纳入1200名受试者，其中30%为女性", "无数字的句子", "a trial of 6,812 people in spain, 12% more", ""}
	buf := make([]Mention, 0, 16)
	for range 2 {
		for _, text := range texts {
			got := FindInto(buf, text)
			assert.Equal(t, len(Find(text)), len(got), text)
			if len(got) > 0 {
				assert.Equal(t, Find(text), got, text)
				assert.Same(t, &buf[:1][0], &got[0], "written into the buffer")
			}
			buf = got
		}
	}
	assert.NotEmpty(t, Find(texts[0]), "the test sees mentions")
}

// The scanner skips a rune outside cjkTriggers without asking fromCJK:
// for no such rune, whatever follows, does fromCJK start anything; and
// the set is no larger than it needs (each of its runes starts a mention
// somewhere).
func TestCJKTriggersCoverFromCJK(t *testing.T) {
	contexts := []string{"千名受试者", "万人", "以万计", "百上千人", "型研究", "量患者", ""}
	for r := rune(0x80); r < 0x10000; r++ {
		if cjkTriggers.has(r) || !utf8.ValidRune(r) {
			continue
		}
		for _, ctx := range contexts {
			text := string(r) + ctx
			s := scanner{text: text}
			require.Equal(t, 0, s.fromCJK(0, r), "%q starts a mention in %q", r, text)
		}
	}
	for _, text := range []string{"大量患者", "大型研究", "成千上万人", "数以万计的人", "上万名患者", "十名", "百名", "千名", "万名",
		"亿人", "几十名", "两名", "三名", "四名", "五名", "六名", "七名", "八名", "九名", "一千名", "二十名"} {
		assert.NotEmpty(t, Find(text), text)
	}
}

// TestMayTriggerKeepsEveryTrigger checks the word filter in front of the
// enTriggers lookup: it may let other words through, never drop a trigger,
// in any case.
func TestMayTriggerKeepsEveryTrigger(t *testing.T) {
	for w := range enTriggers {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue
		}
		if !mayTrigger(w) || !mayTrigger(strings.ToUpper(w)) {
			t.Errorf("mayTrigger(%q) = false for a trigger word", w)
		}
	}
	rejected := 0
	for _, w := range strings.Fields("the study found that people who drank coffee lived longer researchers said") {
		if _, ok := enTriggers[w]; ok {
			continue
		}
		if !mayTrigger(w) {
			rejected++
		}
	}
	if rejected == 0 {
		t.Error("the filter rejects no ordinary word")
	}
}

// TestSuffixSetMatchesLongestFirst checks the grouped suffix lookup
// against a plain walk over the list, longest entry first.
func TestSuffixSetMatchesLongestFirst(t *testing.T) {
	list := []string{"more than", "than", "over", "超过", "超", "约有", "约", "a", "in all", "ii"}
	ss := newSuffixSet(slices.Clone(list)...)
	sorted := slices.Clone(list)
	sortLongestFirst(sorted)
	reference := func(t string, k int) (int, bool) {
		for _, p := range sorted {
			j := k - len(p)
			if j < 0 || !strings.EqualFold(t[j:k], p) {
				continue
			}
			if isLetter(p[0]) && j > 0 && isLetter(t[j-1]) {
				continue
			}
			return j, true
		}
		return k, false
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"more ", "than", "Than", "over", "moreover", "超过", "超", "约有", "约", "a", "A", " ", "in all", "ii", "x", "在"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		for k := 0; k <= len(text); k++ {
			j1, ok1 := suffixAt(text, k, ss)
			j2, ok2 := reference(text, k)
			if j1 != j2 || ok1 != ok2 {
				t.Fatalf("suffixAt(%q, %d) = %d, %v; want %d, %v", text, k, j1, ok1, j2, ok2)
			}
		}
	}
}

// TestRuneAtMatchesUTF8 checks runeAt and runeBefore (ASCII and the text's
// ends here, package utf8x for the rest) against the standard decoders on
// every three-byte pattern of interest and random bytes.
func TestRuneAtMatchesUTF8(t *testing.T) {
	check := func(s string) {
		for i := 0; i < len(s); i++ {
			r2, n2 := utf8.DecodeRuneInString(s[i:])
			if r1, n1 := runeAt(s, i); r1 != r2 || n1 != n2 {
				t.Fatalf("runeAt(%q, %d) = %U, %d; want %U, %d", s, i, r1, n1, r2, n2)
			}
		}
		for k := 0; k <= len(s); k++ {
			r1, n1 := runeBefore(s, k)
			r2, n2 := utf8.DecodeLastRuneInString(s[:k])
			if k == 0 {
				r2 = 0 // runeBefore says "nothing before" with a zero rune
			}
			if r1 != r2 || n1 != n2 {
				t.Fatalf("runeBefore(%q, %d) = %U, %d; want %U, %d", s, k, r1, n1, r2, n2)
			}
		}
	}
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := 0x70; c1 <= 0xC0; c1++ {
			check(string([]byte{byte(c0), byte(c1), 0x80, 'x'}))
			check(string([]byte{byte(c0), byte(c1), 0xBF}))
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]byte, rng.IntN(8))
		for k := range b {
			b[k] = byte(rng.IntN(256))
		}
		check(string(b))
	}
	check("一项纳入1,013名患者的研究")
}

// backRunes and fwdRunes step as the standard decoders do, from every
// position of random bytes weighted to Chinese runes and cut ones.
func TestRuneStepsMatchUTF8(t *testing.T) {
	pieces := []string{"研", "究", "一", "x", " ", "é", "𠀀", "\xe4", "\xe4\xb8", "\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xff"}
	rng := rand.New(rand.NewPCG(91, 92))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for k := 0; k <= len(s); k++ {
			for _, n := range []int{1, 2, 6, 15} {
				want := k
				for m := 0; m < n && want > 0; m++ {
					_, size := utf8.DecodeLastRuneInString(s[:want])
					want -= size
				}
				if got := backRunes(s, k, n); got != want {
					t.Fatalf("backRunes(%q, %d, %d) = %d, want %d", s, k, n, got, want)
				}
				want = k
				for m := 0; m < n && want < len(s); m++ {
					_, size := utf8.DecodeRuneInString(s[want:])
					want += size
				}
				if got := fwdRunes(s, k, n); got != want {
					t.Fatalf("fwdRunes(%q, %d, %d) = %d, want %d", s, k, n, got, want)
				}
			}
		}
	}
}

// findByStepping is FindInto without skip: step at every position it
// returns, the reference for the skipping scan.
func findByStepping(text string) []Mention {
	s := scanner{text: text}
	for i := 0; i < len(text); {
		i = s.step(i)
	}
	return dropShadowedVague(s.out)
}

func TestSkipFindsWhatSteppingFinds(t *testing.T) {
	pieces := []string{"1", "2,013", "50", "%", "名", "人", "岁", "一", "项", "两", "组", "大", "型", "数", "千", "万", "成", "上",
		"研究", "患者", "one", "two", "thousands", "of", "a", "large", "study", "people", "patients", "in", "mice", "aged",
		" ", ",", "，", "。", "“", "\xe4", "\xe4\xb8", "\xb8\x80", "\xff", "x1", "10mg", "約", "〇", "零"}
	rng := rand.New(rand.NewPCG(21, 22))
	found := 0
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		want := findByStepping(text)
		got := Find(text)
		found += len(want)
		require.Equal(t, want, got, "%q", text)
	}
	require.Greater(t, found, 1000, "the random texts hold numbers")
}

// The tables of first runes and the first-byte gates in front of the
// unit, noun, range and tail lists give every entry and nothing else: a
// gate that left one out would silently lose the mentions it reads.
func TestGatesHoldEveryEntry(t *testing.T) {
	for r := range zhUnits {
		require.Equal(t, zhUnits[r], zhUnitsOf(r), "unit rune %q", r)
	}
	for r := range zhNouns {
		require.Equal(t, zhNouns[r], zhNounsOf(r), "noun rune %q", r)
	}
	for r := rune(0); r < 0x10000; r++ {
		if _, ok := zhUnits[r]; !ok {
			require.Empty(t, zhUnitsOf(r), "unit rune %q", r)
		}
		if _, ok := zhNouns[r]; !ok {
			require.Empty(t, zhNounsOf(r), "noun rune %q", r)
		}
	}
	for _, w := range append(slices.Clone(rangeSeps), "to", "To", "TO", "tO") {
		require.True(t, rangeSepFirst.has(w[0]), "range separator %q", w)
	}
	for _, w := range zhTailWords {
		require.True(t, zhTailFirst.has(w[0]), "tail %q", w)
	}
	// The gates rule things out: the point of having them.
	require.Empty(t, zhUnitsOf('的'))
	require.Empty(t, zhNounsOf('的'))
	require.False(t, rangeSepFirst.has('x'))
	require.False(t, zhTailFirst.has('x'))
	// And the gated readers read what they read before.
	for _, c := range []struct {
		text string
		kind Kind
		val  float64
	}{{"50~103岁", Age, 50}, {"40 to 69 years old", Age, 40}, {"50岁以上", Age, 50}, {"3000名患者", SampleSize, 3000},
		{"1000多名受试者", SampleSize, 1000}, {"2019-2021年", Year, 2019}, {"500-plus patients", SampleSize, 500}} {
		ms := Find(c.text)
		require.Len(t, ms, 1, c.text)
		require.Equal(t, c.kind, ms[0].Kind, c.text)
		require.Equal(t, c.val, ms[0].Value, c.text)
	}
}

// The one-load gates before settled and nearMarks never rule out a
// position where one of their lists ends: every entry of every list, in
// either case, after random text.
func TestContextGatesKeepEveryEntry(t *testing.T) {
	gates := []struct {
		bits uint32
		sets []*suffixSet
	}{
		{settledBits, []*suffixSet{ordinalMarks, zhRankCtx, enRankCtx, refMarks, statEq, statRatio, rateMarks}},
		{nearBits, []*suffixSet{armMarks, zhAgeCtx, enAgeCtx, enYearPrep}},
	}
	rng := rand.New(rand.NewPCG(7, 8))
	prefixes := []string{"", " ", "研究", "the ", "x", "1"}
	checked := 0
	for _, g := range gates {
		for _, ss := range g.sets {
			for _, p := range ss.byLast {
				for _, w := range []string{p, strings.ToUpper(p)} {
					text := prefixes[rng.IntN(len(prefixes))] + w
					if _, ok := suffixAt(text, len(text), ss); ok {
						require.True(t, mayEnd(text, len(text), g.bits), "%q", text)
						checked++
					}
				}
			}
		}
	}
	require.Greater(t, checked, 100)
	require.False(t, mayEnd("研究", len("研究"), settledBits|nearBits), "the gates rule out what ends no entry")
}

// zhVague reads on from 大 only into its four words, each of which still
// gives its vague size; other words with 大 give none.
func TestZhVagueLeads(t *testing.T) {
	for _, c := range []struct{ text, span string }{{"大量患者参与", "大量患者"}, {"这项大规模研究", "大规模研究"},
		{"这项大型队列研究显示", "大型队列研究"}, {"大样本数据显示", "大样本"}} {
		ms := Find(c.text)
		require.Len(t, ms, 1, c.text)
		require.Equal(t, c.span, c.text[ms[0].Start:ms[0].End], c.text)
		require.True(t, ms[0].Vague && ms[0].Kind == SampleSize, c.text)
	}
	for _, text := range []string{"大学研究人员", "大家都知道", "大约如此", "仍需大型研究"} {
		require.Empty(t, Find(text), text)
	}
}
