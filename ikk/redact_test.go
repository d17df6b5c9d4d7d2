package ikk

import (
	"strings"
	"testing"
)

func TestRedactIssue(t *testing.T) {
	long := strings.Repeat("ya;", 40)
	for _, tc := range []struct {
		name           string
		value, message string
		personal       bool
		wantValue      string
		wantMessage    string
	}{
		{"plain", "mungkin", "not a yes/no answer", false, "mungkin", "not a yes/no answer"},
		{"kk number in value", "6309060101100001", "x", false, "630906******0001", "x"},
		{"kk number with spaces", "KK 6309 0601 0110 0001 Ahmad", "", false, "KK 630906******0001 Ahmad", ""},
		{"nik in message", "", "NIK 6309065505900003 seen", false, "", "NIK 630906******0003 seen"},
		{"a phone number stays", "081234567890", "", false, "081234567890", ""},
		{"money stays", "Rp 1.250.000,00", "", false, "Rp 1.250.000,00", ""},
		{"personal data asked for", "6309060101100001", "", true, "6309060101100001", ""},
		{"cut to a readable length", long, "", false, long[:maxIssueValue] + "…", ""},
		{"cut on a rune", strings.Repeat("é", 70), "", false, strings.Repeat("é", maxIssueValue) + "…", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			shared := []string{"first", tc.message}
			got := redactIssue(Issue{Value: tc.value, Params: shared}, tc.personal)
			if got.Value != tc.wantValue || got.Param("first") != tc.wantMessage {
				t.Errorf("value %q param %q, want %q and %q", got.Value, got.Param("first"), tc.wantValue, tc.wantMessage)
			}
			if shared[1] != tc.message {
				t.Errorf("the shared parameters were changed: %q", shared[1])
			}
		})
	}
}

func FuzzMaskIDNumbers(f *testing.F) {
	for _, s := range []string{"6309060101100001", "a 1234 5678 9012 3456 b", "1-2-3", "", "000000  000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := maskIDNumbers(s)
		if hasLongDigitRun(got) {
			t.Fatalf("maskIDNumbers(%q) = %q still holds a run of %d digits", s, got, idDigits)
		}
		if !hasLongDigitRun(s) && got != s {
			t.Fatalf("maskIDNumbers(%q) = %q changed a text without an ID number", s, got)
		}
	})
}
