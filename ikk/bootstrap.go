package ikk

// Interval is a 95% interval of a unit's value: the 2.5th and 97.5th
// percentiles of the value over the resamples (method section 12;
// docs/method.md, "Intervals").
type Interval struct{ Low, High float64 }

// Uncertainty says how sure a unit's figures are. It never changes the
// printed value or category: it stands beside them.
type Uncertainty struct {
	// Resamples is the number of resamples drawn (Options.Resamples).
	Resamples int
	// IKK is the interval of the index; nil when the index is undefined
	// in every resample.
	IKK *Interval
	// Dimensions are the intervals per Set.Dimensions; nil entries where
	// the dimension is undefined in every resample.
	Dimensions []*Interval
	// OtherCategory is the share of resamples whose rounded index falls in
	// another category than Unit.Category; a resample with an undefined
	// index counts as another category (when the unit's own index is
	// defined).
	OtherCategory float64
	// FewFamilies says the unit has fewer than FewFamiliesBelow scored
	// families.
	FewFamilies bool
	// ThinIndicators are the keys (ids) of the indicators, in set order,
	// that between 1 and ThinIndicatorBelow-1 families of the unit passed
	// or failed.
	ThinIndicators []string
}

// FewFamiliesBelow and ThinIndicatorBelow are the thresholds of the flags
// of Uncertainty (docs/method.md, "Intervals").
const (
	FewFamiliesBelow   = 30
	ThinIndicatorBelow = 10
)

// Replicates returns, for a desa scored with Options.KeepReplicates, its
// resampled dimension values: rep[b][d] is dimension d (per
// Set.Dimensions) in resample b, NaN where undefined; nil when not kept.
// The slices are the unit's: do not change them.
func (u *Unit) Replicates() [][]float64 { return u.replicates }
