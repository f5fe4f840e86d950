package shape

import "testing"

func TestCanBreakBetween(t *testing.T) {
	tests := []struct {
		prev, next rune
		want       bool
	}{
		{'会', '议', true},  // between ideographs
		{'会', 'A', true},  // ideograph then Latin word
		{'A', '会', true},  // Latin word then ideograph
		{'议', '。', false}, // never before a full stop
		{'议', '，', false}, // …or a comma
		{'议', '、', false}, // …or an enumeration comma
		{'议', '；', false}, // semicolon
		{'议', '：', false}, // colon
		{'议', '？', false}, // question mark
		{'议', '！', false}, // exclamation mark
		{'议', '）', false}, // closing parenthesis
		{'议', '」', false}, // closing corner bracket
		{'议', '』', false}, // closing white corner bracket
		{'议', '】', false}, // closing lenticular bracket
		{'议', '》', false}, // closing double angle bracket
		{'议', '〉', false}, // closing angle bracket
		{'议', '”', false}, // closing quotation mark
		{'议', '’', false}, // closing single quotation mark
		{'议', ')', false}, // ASCII closing parenthesis after an ideograph
		{'议', ',', false}, // ASCII comma after an ideograph
		{'か', 'っ', false}, // small kana
		{'カ', 'ー', false}, // prolonged sound mark
		{'（', '会', false}, // never after an opening parenthesis
		{'「', '会', false}, // opening corner bracket
		{'『', '会', false}, // opening white corner bracket
		{'【', '会', false}, // opening lenticular bracket
		{'《', '会', false}, // opening double angle bracket
		{'〈', '会', false}, // opening angle bracket
		{'“', '会', false}, // opening quotation mark
		{'‘', '会', false}, // opening single quotation mark
		{'。', '会', true},  // after a full stop
		{'）', '（', true},  // between a closing and an opening bracket
		{'—', '—', false}, // inside the Chinese dash ——
		{'…', '…', false}, // inside the ellipsis ……
		{'a', 'b', false}, // Latin pairs: the caller breaks at spaces
		{'1', '2', false}, // digits
		{' ', '会', false}, // spaces are the caller's business
		{'会', ' ', false}, // …on either side
		{'한', '국', true},  // Hangul syllables
		{'ひ', 'ら', true},  // hiragana
	}
	for _, tt := range tests {
		if got := CanBreakBetween(tt.prev, tt.next); got != tt.want {
			t.Errorf("CanBreakBetween(%q, %q) = %t, want %t", tt.prev, tt.next, got, tt.want)
		}
	}
}

func TestIsCJK(t *testing.T) {
	for _, r := range []rune{'中', '文', '。', '，', '「', 'あ', 'ア', '한', 'ㄅ', '（', '０', '㐀', '𠀀'} {
		if !IsCJK(r) {
			t.Errorf("IsCJK(%q) = false", r)
		}
	}
	for _, r := range []rune{'a', '1', ' ', 'ب', 'Ж', '“', '—', '…'} {
		if IsCJK(r) {
			t.Errorf("IsCJK(%q) = true", r)
		}
	}
}
