package locale

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMatch(t *testing.T) {
	cases := map[string]string{
		"zh-TW": "zh-Hant", "zh_TW.UTF-8": "zh-Hant", "zh-HK": "zh-Hant", "zh-MO": "zh-Hant", "zh-Hant": "zh-Hant",
		"zh-CN": "zh-Hans", "zh_CN.UTF-8": "zh-Hans", "zh-SG": "zh-Hans", "zh": "zh-Hans", "zh-Hans": "zh-Hans",
		"en_GB.UTF-8": "en", "en": "en", "en-US": "en",
	}
	for in, want := range cases {
		got, ok := Match(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	got, ok := Match("C.UTF-8")
	assert.False(t, ok)
	assert.Equal(t, "en", got)
}

func TestFromEnvPrecedence(t *testing.T) {
	env := map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_TW.UTF-8"}
	got, ok := FromEnv(func(k string) string { return env[k] })
	assert.True(t, ok)
	assert.Equal(t, "zh-Hant", got, "LC_ALL beats LANG")
	delete(env, "LC_ALL")
	got, _ = FromEnv(func(k string) string { return env[k] })
	assert.Equal(t, "zh-Hans", got)
}
