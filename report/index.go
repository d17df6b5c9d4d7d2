package report

import (
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

// The index a report shows is the set's: IKK for the default set, iBangga
// for BKKBN's, whatever a user's set names. Texts say it through the
// parameters {index} (the short name, "IKK"), {index_name} (the full name
// in the text's language, "Indeks Kualitas Keluarga"), {INDEX_NAME} (the
// full name in capitals, for a decree's title) and {index_full} (the full
// name with the short one in brackets, and in English with the Indonesian
// name too: "Family Quality Index (Indeks Kualitas Keluarga, IKK)").

// IndexName is the set's full name of its index in lang: the set's own
// name in Bahasa Indonesia, and in English the catalogue's words for a
// built-in set it knows (index.name.ID), the set's name otherwise.
func IndexName(set *ikk.Set, lang string) string {
	if lang == "en" {
		if _, ok := LookupText("index.name." + set.ID); ok {
			return Say(lang, "index.name."+set.ID)
		}
	}
	return set.Name
}

// withIndex appends the index's parameters to a text's own (kv first:
// a parameter given there wins).
func withIndex(set *ikk.Set, lang string, kv ...string) []string {
	name := IndexName(set, lang)
	gloss := set.ShortName
	if name != set.Name {
		gloss = set.Name + ", " + gloss
	}
	return append(kv, "index", set.ShortName, "index_name", name, "INDEX_NAME", strings.ToUpper(name),
		"index_full", name+" ("+gloss+")")
}

// countWord writes a small count as a word ("lima", "five") where a
// sentence reads better so; larger counts as digits.
func countWord(n int, lang string) string {
	key := "count." + strconv.Itoa(n)
	if _, ok := LookupText(key); ok {
		return Say(lang, key)
	}
	return Int(n, lang)
}

// allOf writes "all n" of a count as a sentence puts it before a noun:
// "kelima" in Bahasa Indonesia, "five" in English ("the five dimension
// indices"); digits beyond the catalogue's words.
func allOf(n int, lang string) string {
	key := "count_all." + strconv.Itoa(n)
	if _, ok := LookupText(key); ok {
		return Say(lang, key)
	}
	return Int(n, lang)
}

// indexWord is the index's name as a column heads it.
func indexWord(set *ikk.Set, lang string) string {
	return Say(lang, "table.ikk", withIndex(set, lang)...)
}
