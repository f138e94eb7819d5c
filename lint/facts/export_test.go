package facts

// VoiceCheck compares, for every hit of every sentence of d, the voice
// with the plain-sentence shortcut (voice) and without it (fullVoice). It
// returns the texts of the sentences where they differ, and how many hits
// were answered by the shortcut and by the full reading.
func VoiceCheck(d *Document) (differ []string, plain, full int) {
	for _, b := range d.Blocks {
		for _, s := range b.Sentences {
			for _, h := range s.Hits {
				if d.ids.voice(s, h) != d.ids.fullVoice(s, h) {
					differ = append(differ, s.Text)
				}
				if s.plainVoice {
					plain++
				} else {
					full++
				}
			}
		}
	}
	return differ, plain, full
}

// VoiceAll reads the voice of every hit of d, with the shortcut or (full)
// without it, and returns how many were the writer's.
func VoiceAll(d *Document, full bool) int {
	n := 0
	for _, b := range d.Blocks {
		for _, s := range b.Sentences {
			for _, h := range s.Hits {
				v := ""
				if full {
					v = d.ids.fullVoice(s, h)
				} else {
					v = d.ids.voice(s, h)
				}
				if v == VoiceWriter {
					n++
				}
			}
		}
	}
	return n
}
