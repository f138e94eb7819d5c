package encoding

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xenc "golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

const (
	hansParagraph = "一项发表在《新英格兰医学杂志》（NEJM）上的随机对照试验显示，每周注射一次GLP-1受体激动剂的受试者在68周后体重平均下降了13.8%，而安慰剂组仅下降2.6%。研究人员提醒，这一结果来自特定人群，不能直接推广到所有人。"
	hantParagraph = "一項發表於《新英格蘭醫學期刊》的隨機對照試驗顯示，每週注射一次藥物的受試者在六十八週後體重平均下降百分之十三點八，而安慰劑組僅下降百分之二點六。研究人員提醒，這項結果不能直接推論到所有族群。"
)

var (
	hansHeadlines = []string{
		"每天喝咖啡的人更长寿吗",
		"新冠疫苗加强针保护力维持半年",
		"研究称间歇性禁食可延长小鼠寿命",
		"重大突破！国产新药清除大脑斑块",
	}
	hantHeadlines = []string{
		"研究發現每天步行可降低失智風險",
		"流感疫苗接種率創新高",
		"綠茶與癌症風險的關聯仍待證實",
		"衛福部提醒：幹細胞療程多未經核准",
		// These two also decode cleanly as GB18030, so the scores decide.
		"營養師私藏3C族護眼清單",
		"醫療技術檢查檢驗醫療儀器管理辦法",
	}
)

func encode(t testing.TB, e xenc.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err, "test text must be encodable")
	return b
}

func encodingOf(name string) xenc.Encoding {
	if name == Big5 {
		return traditionalchinese.Big5
	}
	return simplifiedchinese.GB18030
}

// checkOrigin asserts that every rune of d.Text maps to exactly the file
// bytes that encode it.
func checkOrigin(t *testing.T, d *Decoded, data []byte) {
	t.Helper()
	require.NotNil(t, d.Origin)
	enc := encodingOf(d.Encoding).NewEncoder()
	for i, r := range string(d.Text) {
		n := utf8.RuneLen(r)
		start, end := d.Origin.Start(i), d.Origin.End(i+n)
		want, err := enc.Bytes([]byte(string(r)))
		require.NoError(t, err)
		require.Equal(t, want, data[start:end], "rune %q at text offset %d", r, i)
	}
	assert.Equal(t, len(data), d.Origin.End(len(d.Text)))
}

func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		text, enc string
	}{
		{hansParagraph, GB18030},
		{hantParagraph, Big5},
	} {
		data := encode(t, encodingOf(tc.enc), tc.text)
		require.False(t, utf8.Valid(data))
		d, err := Decode("news.txt", data, "auto")
		require.NoError(t, err)
		assert.Equal(t, tc.enc, d.Encoding)
		assert.True(t, d.Guessed)
		assert.Equal(t, tc.text, string(d.Text))
		checkOrigin(t, d, data)

		// Named explicitly, the same result, not guessed.
		d2, err := Decode("news.txt", data, tc.enc)
		require.NoError(t, err)
		assert.Equal(t, tc.text, string(d2.Text))
		assert.False(t, d2.Guessed)
	}
}

func TestUTF8Unchanged(t *testing.T) {
	for _, name := range []string{"auto", "utf-8", "UTF8", ""} {
		data := []byte("\uFEFF" + hansParagraph + "\n" + hantParagraph)
		d, err := Decode("news.txt", data, name)
		require.NoError(t, err, name)
		assert.Equal(t, UTF8, d.Encoding)
		assert.Nil(t, d.Origin)
		assert.Same(t, &data[0], &d.Text[0], "the file's bytes, not a copy")
		assert.Equal(t, name == "auto" || name == "", d.Guessed)
		// Only auto-detection checks the bytes, so only it vouches for them.
		assert.Equal(t, name == "auto" || name == "", d.ValidUTF8)
	}
	// Invalid UTF-8 named as UTF-8 is left for the parser to report.
	d, err := Decode("x.txt", []byte{'a', 0xFF}, "utf-8")
	require.NoError(t, err)
	assert.Equal(t, []byte{'a', 0xFF}, d.Text)
	assert.False(t, d.ValidUTF8, "not checked, so not vouched for")
}

func TestShortTexts(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		enc   string
	}{
		{hansHeadlines, GB18030},
		{hantHeadlines, Big5},
	} {
		for _, s := range tc.texts {
			n := utf8.RuneCountInString(s)
			require.True(t, n >= 10 && n <= 20, s)
			data := encode(t, encodingOf(tc.enc), s)
			require.False(t, utf8.Valid(data), s)
			d, err := Decode("headline.txt", data, "auto")
			require.NoError(t, err, s)
			assert.Equal(t, tc.enc, d.Encoding, s)
			assert.Equal(t, s, string(d.Text))
			checkOrigin(t, d, data)
		}
	}
	d, err := Decode("ascii.txt", []byte("NMN reverses ageing in mice, study says"), "auto")
	require.NoError(t, err)
	assert.Equal(t, UTF8, d.Encoding)
	assert.Nil(t, d.Origin)
}

// TestScores checks both wrong directions: GB18030 bytes read as Big5 and
// Big5 bytes read as GB18030 either fail to decode or score below the right
// reading.
func TestScores(t *testing.T) {
	other := map[string]string{GB18030: Big5, Big5: GB18030}
	scored := map[string]int{} // wrong readings that decoded, by encoding
	for _, tc := range []struct {
		texts []string
		enc   string
	}{
		{append([]string{hansParagraph}, hansHeadlines...), GB18030},
		{append([]string{hantParagraph}, hantHeadlines...), Big5},
	} {
		for _, s := range tc.texts {
			data := encode(t, encodingOf(tc.enc), s)
			right, bad := decode(tc.enc, data)
			require.Equal(t, -1, bad)
			assert.GreaterOrEqual(t, right.score(), 0.9, s)
			wrongScore := -1.0 // does not decode
			if wrong, bad := decode(other[tc.enc], data); bad < 0 {
				wrongScore = wrong.score()
				assert.Less(t, wrongScore, right.score(), s)
				scored[tc.enc]++
			}
			t.Logf("%s as %s: %.2f, as %s: %.2f  %s", tc.enc, tc.enc, right.score(), other[tc.enc], wrongScore, s)
		}
	}
	assert.Positive(t, scored[GB18030], "some GB18030 text must decode as Big5")
	assert.Positive(t, scored[Big5], "some Big5 text must decode as GB18030")
}

func TestRandomBinaryRejected(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		data := make([]byte, 1+rng.IntN(4096))
		for i := range data {
			data[i] = byte(rng.UintN(256))
		}
		if utf8.Valid(data) {
			continue
		}
		_, err := Decode("blob.bin", data, "auto")
		var de *DecodeError
		require.ErrorAs(t, err, &de)
		assert.Equal(t, "blob.bin", de.Path)
		assert.Equal(t, Auto, de.Encoding)
		assert.Equal(t, firstInvalidUTF8(data), de.Offset)
		assert.Contains(t, err.Error(), "blob.bin")
		assert.Contains(t, err.Error(), "not valid UTF-8")
	}
}

func TestExplicitInvalid(t *testing.T) {
	prefix := encode(t, traditionalchinese.Big5, "研究指出 ")
	for _, tc := range []struct {
		name string
		tail []byte
	}{
		{"trail byte below 0x40", []byte{0xA4, 0x20, 'x'}},
		{"trail byte 0x80-0xA0", []byte{0xA4, 0x90}},
		{"lone 0x80", []byte{0x80, 'x'}},
		{"lead byte 0xFF", []byte{0xFF, 0xA1}},
		{"truncated at end of file", []byte{0xA4}},
	} {
		data := append(append([]byte{}, prefix...), tc.tail...)
		_, err := Decode("tw.txt", data, "Big5")
		var de *DecodeError
		require.ErrorAs(t, err, &de, tc.name)
		assert.Equal(t, DecodeError{Path: "tw.txt", Offset: len(prefix), Encoding: Big5}, *de, tc.name)
		assert.Contains(t, err.Error(), "tw.txt", tc.name)
	}

	_, err := Decode("cn.txt", []byte("ab\xB0\xA1\xFF"), "gbk")
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, DecodeError{Path: "cn.txt", Offset: 4, Encoding: GB18030}, *de)
}

func TestExplicitAsAsked(t *testing.T) {
	// Valid UTF-8 named as GB18030 is decoded as GB18030 (into mojibake).
	data := []byte("研究")
	d, err := Decode("x.txt", data, "GB18030")
	require.NoError(t, err)
	assert.Equal(t, GB18030, d.Encoding)
	assert.NotEqual(t, data, d.Text)
	checkOrigin(t, d, data)

	// The one four-byte sequence that encodes U+FFFD is not an error.
	data = encode(t, simplifiedchinese.GB18030, "a\uFFFDb")
	d, err = Decode("x.txt", data, "gb2312")
	require.NoError(t, err)
	assert.Equal(t, "a\uFFFDb", string(d.Text))
	checkOrigin(t, d, data)

	for _, name := range []string{"CP950", "big-5", "GBK", " utf8 "} {
		_, err := Decode("x.txt", []byte("abc"), name)
		assert.NoError(t, err, name)
	}
	_, err = Decode("x.txt", []byte("abc"), "latin1")
	assert.ErrorContains(t, err, "unknown encoding")
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain ASCII"))
	f.Add(encode(f, simplifiedchinese.GB18030, hansParagraph))
	f.Add(encode(f, traditionalchinese.Big5, hantParagraph))
	f.Add([]byte{0x81, 0x30, 0x81, 0x30, 0xA4, 0x40, 0x80, 0xFF})
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode("fuzz", data, "auto")
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) || de.Offset < 0 || de.Offset > len(data) {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		if !utf8.Valid(d.Text) {
			t.Fatalf("text is not UTF-8")
		}
		if d.ValidUTF8 && d.Origin != nil {
			t.Fatalf("decoded text marked as checked")
		}
		if d.Origin == nil {
			if !bytes.Equal(d.Text, data) {
				t.Fatalf("nil Origin but text changed")
			}
			return
		}
		prev := 0
		for i, r := range string(d.Text) {
			s, e := d.Origin.Start(i), d.Origin.End(i+utf8.RuneLen(r))
			if s < prev || e < s || e > len(data) {
				t.Fatalf("rune at %d maps to [%d,%d) after %d, data %d bytes", i, s, e, prev, len(data))
			}
			prev = s
		}
		if d.Origin.End(len(d.Text)) != len(data) {
			t.Fatalf("text does not cover the file")
		}
	})
}
