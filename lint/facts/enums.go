package facts

import (
	"reflect"

	"github.com/hypelint/hypelint/lint/document"
)

// The values of the string facts rules compare. The facts are set from
// these constants only, so that Enum can list every value a field takes
// and a rule comparing it with anything else fails to load (sentence.kind
// == "titel" would otherwise never be true). The empty string ("unset":
// the blank claim's design, the blank study's openedBy) is always allowed.

// Languages and scripts (Document.Language, Document.Script).
const (
	LanguageEnglish     = "en"
	LanguageSimplified  = "zh-Hans"
	LanguageTraditional = "zh-Hant"

	ScriptLatin       = "Latn"
	ScriptSimplified  = "Hans"
	ScriptTraditional = "Hant"
)

// Who a study studied (Study.Population) or a claim is said of
// (Claim.Subject); Unknown for a study whose subjects are not said, None
// for no study or no subject (also: no design, strength or evidence).
const (
	People  = "people"
	Animals = "animals"
	Cells   = "cells"
	Unknown = "unknown"
	None    = "none"
)

// Study designs (Document.Design, Study.Design, Claim.Design); Unknown
// when none is named, None for a claim outside any study in an article
// naming none.
const (
	DesignRCT           = "rct"
	DesignTrial         = "trial" // a trial not said to be randomised
	DesignObservational = "observational"
	DesignReview        = "review"
	DesignCase          = "case"
	DesignLab           = "lab"         // a study of animals or cells naming no design
	DesignPreclinical   = "preclinical" // an article reporting animal or cell work only
)

// What opened a study (Study.OpenedBy).
const (
	OpenedByMention    = "mention"    // 一项研究, another study, the first report of research
	OpenedByPopulation = "population" // animal work after people, or back
)

// How a claim is put (Claim.Strength); None for the blank claim.
const (
	StrengthDirect   = "direct"
	StrengthCan      = "can"
	StrengthMay      = "may"
	StrengthPromise  = "promise"
	StrengthQuestion = "question"
	StrengthNegated  = "negated"
)

// What the studies under a claim are (Claim.Evidence); None when no study
// is.
const (
	EvidenceHuman       = "human"
	EvidencePreclinical = "preclinical"
)

// Roles lists every block role (see RoleHeadline).
var Roles = []string{
	RoleHeadline, RoleStandfirst, RoleHeading, RoleBody, RoleListItem, RoleTableRow, RoleQuote, RoleCaption,
	RoleLimitations, RoleReferences, RoleDisclaimer, RoleNotice, RoleBio, RoleRelated, RoleAdvert,
}

var (
	sentenceVoices  = []string{VoiceWriter, VoiceQuoted, VoiceReported, VoicePosed}
	termVoices      = []string{VoiceWriter, VoiceQuoted, VoiceReported, VoicePosed, VoiceDistanced}
	documentDesigns = []string{DesignRCT, DesignObservational, DesignPreclinical, DesignTrial, Unknown}
	studyDesigns    = []string{DesignRCT, DesignTrial, DesignObservational, DesignReview, DesignCase, DesignLab, Unknown, None}
	claimDesigns    = []string{DesignRCT, DesignTrial, DesignObservational, DesignReview, DesignCase, DesignLab, DesignPreclinical, Unknown, None}
)

// enums are the values of each string fact, by type and field name.
var enums = map[reflect.Type]map[string][]string{
	reflect.TypeFor[Sentence](): {"Kind": document.KindNames(), "Role": Roles, "Voice": sentenceVoices},
	reflect.TypeFor[Block]():    {"Kind": document.KindNames(), "Role": Roles},
	reflect.TypeFor[Document](): {
		"Language": {LanguageEnglish, LanguageSimplified, LanguageTraditional},
		"Script":   {ScriptLatin, ScriptSimplified, ScriptTraditional},
		"Design":   documentDesigns,
	},
	reflect.TypeFor[Study](): {
		"Population": {People, Animals, Cells, Unknown, None},
		"Design":     studyDesigns,
		"OpenedBy":   {OpenedByMention, OpenedByPopulation},
	},
	reflect.TypeFor[Claim](): {
		"Subject":  {People, Animals, Cells, None},
		"Strength": {StrengthDirect, StrengthCan, StrengthMay, StrengthPromise, StrengthQuestion, StrengthNegated, None},
		"Voice":    termVoices,
		"Evidence": {EvidenceHuman, EvidencePreclinical, None},
		"Design":   claimDesigns,
	},
	reflect.TypeFor[Hit](): {"Voice": termVoices},
}

// classFields are the string facts that hold a lexicon class name: their
// values are the lexicon's classes.
var classFields = map[reflect.Type]string{
	reflect.TypeFor[Hit]():   "Class",
	reflect.TypeFor[Claim](): "Class",
}

// Enum returns every value string field `field` of struct type t takes.
// isClass says the field holds a lexicon class name instead; neither: the
// field is free text (a sentence's text, a matched term).
func Enum(t reflect.Type, field string) (values []string, isClass bool) {
	if classFields[t] == field {
		return nil, true
	}
	return enums[t][field], false
}
