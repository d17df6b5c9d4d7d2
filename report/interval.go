package report

import (
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

// The words of a unit's Uncertainty (ikk/bootstrap.go), shared by the card,
// the workbook and the Markdown report.

// IntervalText writes an interval as "85,88–88,69"; nil as a dash.
func IntervalText(iv *ikk.Interval, lang string) string {
	if iv == nil {
		return "–"
	}
	return Num(iv.Low, lang) + "–" + Num(iv.High, lang)
}

// SharePercent writes a share (0 to 1) as a percentage without trailing
// zeros: 0.013 as "1,3".
func SharePercent(share float64, lang string) string { return NumTrim(100*share, lang) }

// UncertaintyFlags are the plain warnings of a unit's figures, one sentence
// each: few families, then the indicators assessed for few; none when the
// unit has no Uncertainty or nothing to warn of.
func UncertaintyFlags(set *ikk.Set, u *ikk.Unit, lang string) []string {
	unc := u.Uncertainty
	if unc == nil {
		return nil
	}
	var out []string
	if unc.FewFamilies {
		// Without an index there is no value for a few families to move.
		key := "interval.few_families"
		if u.IKK == nil {
			key = "interval.few_families_undefined"
		}
		out = append(out, Say(lang, key, "families", Int(u.Households, lang), "min", Int(ikk.FewFamiliesBelow, lang)))
	}
	if len(unc.ThinIndicators) > 0 {
		out = append(out, Say(lang, "interval.thin_indicators", "list", thinList(unc.ThinIndicators, thinListed, "interval.and_more", lang),
			"count", Int(len(unc.ThinIndicators), lang), "min", Int(ikk.ThinIndicatorBelow, lang)))
	}
	return out
}

// FlagShort is a unit's warnings in a table cell: "sedikit KK", "indikator
// tipis: LS03, KF07", joined by "; "; "" when none.
func FlagShort(u *ikk.Unit, lang string) string {
	unc := u.Uncertainty
	if unc == nil {
		return ""
	}
	var parts []string
	if unc.FewFamilies {
		parts = append(parts, Say(lang, "interval.few_short"))
	}
	if len(unc.ThinIndicators) > 0 {
		parts = append(parts, Say(lang, "interval.thin_short", "list", thinList(unc.ThinIndicators, thinShort, "interval.more_short", lang)))
	}
	return strings.Join(parts, "; ")
}

// thinListed and thinShort bound the thin indicators named in a sentence and
// in a table cell: a desa of a few families has every indicator thin, and
// a list of all of them says no more than their number.
const (
	thinListed = 8
	thinShort  = 5
)

// thinList names up to n of the ids, and how many more there are after
// them in the words of key.
func thinList(ids []string, n int, key, lang string) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return Say(lang, key, "list", strings.Join(ids[:n], ", "), "more", Int(len(ids)-n, lang))
}
