#!/bin/sh
# generate.sh rebuilds the zhconv tables in this folder from OpenCC's
# dictionaries as packaged by Debian (opencc + libopencc-data).
#
#   apt-get install -y opencc libopencc-data
#   sh rules/zhconv/generate.sh
#
# It then rewrites lint/zhconv/hanfolds_table.go (which common Han characters
# t2s.txt folds, and foldLo) from the new t2s.txt: that needs Go.
#
# The output is plain UTF-8 "KEY<TAB>VALUE" lines sorted bytewise (LC_ALL=C),
# so running it again against the same package version gives byte-identical
# files. Only the first candidate of each OpenCC entry is kept: hypelint needs
# one deterministic answer, not the list of alternatives.
#
# Set OPENCC_DATA to read the .ocd2 files from somewhere other than
# /usr/share/opencc.
set -eu

export LC_ALL=C
out=$(cd "$(dirname "$0")" && pwd)
src=${OPENCC_DATA:-/usr/share/opencc}

command -v opencc_dict >/dev/null 2>&1 || {
	echo "generate.sh: opencc_dict not found (apt-get install -y opencc libopencc-data)" >&2
	exit 1
}
command -v go >/dev/null 2>&1 || {
	echo "generate.sh: go not found (needed to rewrite lint/zhconv/hanfolds_table.go)" >&2
	exit 1
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for d in TSCharacters TWVariantsRev HKVariantsRev STCharacters STPhrases TWPhrases TWVariants; do
	opencc_dict -i "$src/$d.ocd2" -o "$tmp/$d.txt" -f ocd2 -t text
done

# A regular expression for exactly one UTF-8 encoded character, written in
# bytes because mawk (Debian's default awk) does not know about UTF-8.
one='^([\001-\177]|[\302-\337][\200-\277]|[\340-\357][\200-\277][\200-\277]|[\360-\364][\200-\277][\200-\277][\200-\277])$'

# first FILE [chars|phrases] [drop-identity]: KEY<TAB>FIRST-CANDIDATE, sorted.
first() {
	awk -F '\t' -v one="$one" -v mode="$2" -v dropid="${3:-}" '
		NF != 2 { next }
		{
			split($2, c, " ")
			if (c[1] == "") next
			if (mode == "chars" && ($1 !~ one || c[1] !~ one)) next
			if (dropid != "" && c[1] == $1) next
			print $1 "\t" c[1]
		}' "$1" | sort -u
}

# Simplified -> Traditional (Taiwan, phrased): the s2twp chain. Identity
# entries are dropped from the character table (no-ops there) but kept in the
# phrase tables, where they still decide segmentation and longest match.
first "$tmp/STPhrases.txt" phrases >"$out/s2t_phrases.txt"
first "$tmp/STCharacters.txt" chars drop-identity >"$out/s2t_chars.txt"
# TWPhrases without the entries in tw_computing.txt (our own list): words
# that are ordinary prose in a message but whose Taiwan value is only their
# computing sense (支持 -> 支援, 聲明 -> 宣告). A listed entry that TWPhrases
# does not have stops the script, so the list cannot go stale silently.
first "$tmp/TWPhrases.txt" phrases >"$tmp/tw_phrases_all.txt"
grep -v '^#' "$out/tw_computing.txt" >"$tmp/computing.txt"
awk -F '\t' '
	FILENAME ~ /computing\.txt$/ { drop[$0] = 1; next }
	{ if ($0 in drop) { delete drop[$0]; next } print }
	END {
		for (e in drop) { print "generate.sh: tw_computing.txt entry not in TWPhrases: " e > "/dev/stderr"; bad = 1 }
		if (bad) exit 1
	}' "$tmp/computing.txt" "$tmp/tw_phrases_all.txt" >"$out/tw_phrases.txt"
first "$tmp/TWVariants.txt" chars drop-identity >"$out/tw_variants.txt"

# Traditional -> Simplified, one character to one character, for Fold.
#
# 1. TSCharacters' first candidate wins whenever it changes the character.
# 2. Otherwise a TW or HK variant (TWVariantsRev, then HKVariantsRev) is
#    mapped to OpenCC's standard traditional form and then through
#    TSCharacters, so 衞 folds like 衛 and 衹 like 只.
# 3. Step 2 is skipped for characters that are themselves Simplified forms:
#    a value of a changing TSCharacters entry, a key of STCharacters, or one
#    of $keep. Without this, Simplified text would change under Fold
#    (么 -> 幺, 才 -> 纔 -> 才 is harmless but 抬 -> 擡 and 著 -> 着 are not:
#    显著 would become 显着).
# 4. The mapping is applied until it stops changing, so Fold is idempotent.
keep='抬 著'
first "$tmp/TSCharacters.txt" chars >"$tmp/ts.txt"
first "$tmp/STCharacters.txt" chars >"$tmp/st.txt"
first "$tmp/TWVariantsRev.txt" chars >"$tmp/twr.txt"
first "$tmp/HKVariantsRev.txt" chars >"$tmp/hkr.txt"
awk -F '\t' -v keep="$keep" '
	BEGIN { n = split(keep, k, " "); for (i = 1; i <= n; i++) simp[k[i]] = 1 }
	FILENAME ~ /ts\.txt$/ { ts[$1] = $2; if ($2 != $1) simp[$2] = 1; next }
	FILENAME ~ /st\.txt$/ { simp[$1] = 1; next }
	{ if (!($1 in variant)) variant[$1] = $2 }
	function step(c,   v) {
		if ((c in ts) && ts[c] != c) return ts[c]
		if (!(c in variant) || (c in simp)) return c
		v = variant[c]
		return (v in ts) ? ts[v] : v
	}
	function fold(c,   i, next_) {
		for (i = 0; i < 8; i++) {
			next_ = step(c)
			if (next_ == c) return c
			c = next_
		}
		print "generate.sh: folding cycle at " c > "/dev/stderr"
		exit 1
	}
	END {
		for (c in ts) keys[c] = 1
		for (c in variant) keys[c] = 1
		for (c in keys) { f = fold(c); if (f != c) print c "\t" f }
	}' "$tmp/ts.txt" "$tmp/st.txt" "$tmp/twr.txt" "$tmp/hkr.txt" | sort -u >"$out/t2s.txt"

wc -l "$out"/*.txt >&2

# The fold bitmap of the common Han block, which the normalizer reads
# instead of the 170 KB fold table, generated from t2s.txt by its test.
(cd "$out/../.." && go test ./lint/zhconv -run TestCommonHanFoldsAreCurrent -update)
