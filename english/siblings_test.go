package english

import "testing"

func TestSiblings(t *testing.T) {
	if got := Siblings("mondays"); len(got) != 6 || got[0] != "tuesday" {
		t.Errorf("Siblings(mondays) = %v, want the six other days", got)
	}
	if got := Siblings("weekdays"); len(got) != 6 || got[5] != "weekend" {
		t.Errorf("Siblings(weekdays) = %v, want Monday to Friday and weekend", got)
	}
	if got := Siblings("weekend"); len(got) != 3 || got[0] != "saturday" {
		t.Errorf("Siblings(weekend) = %v, want Saturday, Sunday and weekday", got)
	}
	if got := Siblings("winter"); len(got) != 3 {
		t.Errorf("Siblings(winter) = %v, want the other seasons", got)
	}
	if got := Siblings("june"); len(got) != 11 {
		t.Errorf("Siblings(june) = %v, want the eleven other months", got)
	}
	if got := Siblings("milk"); got != nil {
		t.Errorf("Siblings(milk) = %v, want nil", got)
	}
}

func TestSameClass(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"saturdays", "mondays", true},
		{"weekdays", "saturday", true},
		{"june", "july", true},
		{"winter", "summers", true},
		{"monday", "mondays", false},
		{"june", "monday", false},
		{"holiday", "monday", false},
	} {
		if got := SameClass(tt.a, tt.b); got != tt.want {
			t.Errorf("SameClass(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
