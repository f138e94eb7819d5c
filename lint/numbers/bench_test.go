package numbers

import (
	"os"
	"strings"
	"testing"
)

// benchText is a mixed Simplified/Traditional(folded)/English paragraph,
// normalized as the engine would pass it.
const benchText = "一项纳入1,013名50~75岁高血压患者的随机对照试验显示,采用低钠高钾的减盐膳食12周后," +
	"干预组收缩压平均多下降5.6 mmhg(95%置信区间4.1~7.1),相对风险降低约31%,研究共随访一年," +
	"每天补充450毫克,费用约199元;另一项追踪约40万名40岁以上成人长达12年的世代研究发现,每天喝3杯以上绿茶的人罹癌风险低了三成," +
	"研究团队以48只基因剔除小鼠进行实验,其中24只接受注射,p<0.001,doi: 10.1056/nejmoa2403117. " +
	"a randomised trial of 6,812 people in spain (n = 3,410 in the mediterranean group) found a relative reduction of about 25% " +
	"over five years, and more than 14,000 people aged 65 or older took 2,000 international units a day in 2019; " +
	"twelve volunteers and 250 mice were followed for six months, while thousands of people paid $1,950 for two-thirds of a dose."

// proseText is ordinary prose with few numbers, the common case.
const proseText = "研究人员表示,这项研究的结果还需要在更多人群中验证,目前还不能说明这种饮食方式可以预防疾病。" +
	"專家提醒,民眾不應自行停藥,若有疑問應諮詢醫師。" +
	"the researchers said the findings were encouraging but cautioned that the study was observational " +
	"and could not show cause and effect; larger trials would be needed before any recommendation, " +
	"and people should talk to their doctor before changing medication, one of them added in 2024."

var benchSink []Mention

func BenchmarkFind(b *testing.B) {
	for _, bc := range []struct{ name, text string }{{"mixed", benchText}, {"prose", proseText}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.text)))
			for b.Loop() {
				benchSink = Find(bc.text)
			}
		})
	}
}

// BenchmarkFindSentences scans the sentences of a file named by
// HYPELINT_BENCH_SENTENCES (normalized sentences separated by NUL bytes, as
// the engine passes them), so that a change is measured on real text.
func BenchmarkFindSentences(b *testing.B) {
	sentences := benchSentences(b)
	size := 0
	for _, s := range sentences {
		size += len(s)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	var buf []Mention
	for b.Loop() {
		for _, s := range sentences {
			buf = FindInto(buf, s)
		}
	}
}

func benchSentences(b *testing.B) []string {
	name := os.Getenv("HYPELINT_BENCH_SENTENCES")
	if name == "" {
		b.Skip("HYPELINT_BENCH_SENTENCES names no file of sentences")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00")
}
