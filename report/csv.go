package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/ikk-tools/ikk/ikk"
)

// CSV writes one row per unit with unrounded values and dot decimals, for
// other programs; an undefined value is an empty cell.
func CSV(w io.Writer, r *ikk.Result, m Meta) error {
	set := r.Set
	cw := csv.NewWriter(w)
	head := []string{"level", "code", "name", "kecamatan", "kabupaten", "rt", "households", "ikk", "ikk_undefined_reason", "category_id", "category_label"}
	for _, d := range set.Dimensions {
		head = append(head, "dim_"+d.ID)
	}
	for _, k := range set.LensKeys() {
		head = append(head, "lens_"+k)
	}
	for _, c := range set.Categories {
		head = append(head, "households_category_"+strconv.Itoa(c.ID))
	}
	head = append(head, "households_incomplete", "household_mean")
	for _, ind := range set.Indicators {
		head = append(head, ind.ID+"_percent")
	}
	if err := cw.Write(safeRecord(head)); err != nil {
		return err
	}
	f := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	for _, u := range r.Units {
		catID, catLabel := "", ""
		if u.Category != nil {
			catID, catLabel = strconv.Itoa(u.Category.ID), u.Category.Label
		}
		rec := []string{u.Level, u.Code, u.Name, u.Kecamatan, u.Kabupaten, u.RT,
			strconv.Itoa(u.Households), f(u.IKK), UndefinedReason(u, "en"), catID, catLabel}
		for _, d := range u.Dimensions {
			rec = append(rec, f(d))
		}
		for _, l := range u.Lenses {
			rec = append(rec, f(l))
		}
		for _, n := range u.HouseholdCategories {
			rec = append(rec, strconv.Itoa(n))
		}
		rec = append(rec, strconv.Itoa(u.Incomplete), f(u.HouseholdMean))
		for _, ir := range u.Indicators {
			rec = append(rec, f(ir.Percent))
		}
		// Every cell goes through SafeText: survey text (names, codes, RT)
		// and the indicator file's labels alike.
		if err := cw.Write(safeRecord(rec)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
