package facts

import "strings"

// The readings of a sentence's quotations as they were before the marks
// were found once (appendQuoteMarks): the references quotedShareIn,
// quotedTextIn and testimonialIn are checked against.

// quotedShare is the share (0–1) of a sentence's characters that lie inside
// quotation marks: a sentence mostly in quotes is someone else's words
// (a testimonial quoted by a consumer warning). It reads bytes, not
// runes: a character is counted at its first byte, and the marks are
// told by their encodings (text is valid UTF-8, as a sentence's is).
func quotedShare(text string) float64 {
	inside, total, depth := 0, 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '"': // straight quotes open and close alike
			if depth > 0 {
				depth--
			} else {
				depth++
			}
			continue
		case c&0xC0 == 0x80:
			continue // a later byte of a character counted at its first
		case (c == 0xE2 || c == 0xE3) && i+2 < len(text) && text[i+1] == 0x80:
			switch quoteMark(c, text[i+2]) {
			case 1:
				depth++
				continue
			case -1:
				depth = max(0, depth-1)
				continue
			}
		}
		total++
		if depth > 0 {
			inside++
		}
		if c >= 0xE0 { // past the character's later bytes (Chinese: most)
			i += 2 + int(c>>4&1) // 3 bytes from E0, 4 from F0
		}
	}
	if total == 0 {
		return 0
	}
	return float64(inside) / float64(total)
}

// quoteMark says whether the character encoded E2 80 last or E3 80 last
// (first being E2 or E3) opens a quotation (1: “ ‘ 「 『), closes one
// (-1: ” ’ 」 』) or neither (0).
func quoteMark(first, last byte) int {
	if first == 0xE2 {
		switch last {
		case 0x9C, 0x98: // “ ‘
			return 1
		case 0x9D, 0x99: // ” ’
			return -1
		}
		return 0
	}
	switch last {
	case 0x8C, 0x8E: // 「 『
		return 1
	case 0x8D, 0x8F: // 」 』
		return -1
	}
	return 0
}

// quotedText returns the parts of text inside quotation marks.
func quotedText(text string) string {
	var b strings.Builder
	b.Grow(len(text)) // one allocation, not one per doubling
	depth := 0
	for _, r := range text {
		switch r {
		case '“', '「', '『', '"':
			if r == '"' && depth > 0 {
				depth--
				continue
			}
			depth++
			continue
		case '”', '」', '』':
			depth = max(0, depth-1)
			continue
		}
		if depth > 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// testimonial reports first-person words in the quoted parts of text
// (firstPersonSingular of quotedText), asked only when mayBeFirstPerson.
func testimonial(text string) bool {
	return mayBeFirstPerson(text) && firstPersonSingular(quotedText(text))
}
