package ikk_test

// The tests of package ikk read errors as a user would, in English: linking
// package report sets ikk.Words to its catalogue, so err.Error() is the
// catalogue's English text and not the bare code.
import _ "github.com/ikk-tools/ikk/report"
