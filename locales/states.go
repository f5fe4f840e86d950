package locales

import (
	"golang.org/x/text/language"
)

// memberStates are the ISO 3166-1 codes of the 193 Member States of the United Nations and
// the two observer States (Holy See, State of Palestine), whose CLDR names serve as the
// fallback terminology.
var memberStates = []string{
	"AF", "AL", "DZ", "AD", "AO", "AG", "AR", "AM", "AU", "AT", "AZ", "BS", "BH", "BD", "BB", "BY",
	"BE", "BZ", "BJ", "BT", "BO", "BA", "BW", "BR", "BN", "BG", "BF", "BI", "CV", "KH", "CM", "CA",
	"CF", "TD", "CL", "CN", "CO", "KM", "CG", "CR", "CI", "HR", "CU", "CY", "CZ", "KP", "CD", "DK",
	"DJ", "DM", "DO", "EC", "EG", "SV", "GQ", "ER", "EE", "SZ", "ET", "FJ", "FI", "FR", "GA", "GM",
	"GE", "DE", "GH", "GR", "GD", "GT", "GN", "GW", "GY", "HT", "HN", "HU", "IS", "IN", "ID", "IR",
	"IQ", "IE", "IL", "IT", "JM", "JP", "JO", "KZ", "KE", "KI", "KW", "KG", "LA", "LV", "LB", "LS",
	"LR", "LY", "LI", "LT", "LU", "MG", "MW", "MY", "MV", "ML", "MT", "MH", "MR", "MU", "MX", "FM",
	"MC", "MN", "ME", "MA", "MZ", "MM", "NA", "NR", "NP", "NL", "NZ", "NI", "NE", "NG", "MK", "NO",
	"OM", "PK", "PW", "PA", "PG", "PY", "PE", "PH", "PL", "PT", "QA", "KR", "MD", "RO", "RU", "RW",
	"KN", "LC", "VC", "WS", "SM", "ST", "SA", "SN", "RS", "SC", "SL", "SG", "SK", "SI", "SB", "SO",
	"ZA", "SS", "ES", "LK", "SD", "SR", "SE", "CH", "SY", "TJ", "TH", "TL", "TG", "TO", "TT", "TN",
	"TR", "TM", "TV", "UG", "UA", "AE", "GB", "TZ", "US", "UY", "UZ", "VU", "VE", "VN", "YE", "ZM",
	"ZW",
	"VA", "PS",
}

// MemberStates returns the ISO 3166-1 codes of the Member States of the United Nations (a
// copy: callers may keep or change it).
func MemberStates() []string { return append([]string(nil), memberStates...) }

// CountryNames returns the names of the Member States in the locale's language, from CLDR
// (RegionName), for recognising a country named as a speaker.
func (l *Locale) CountryNames() []string {
	tag, err := language.Parse(l.Tag)
	if err != nil {
		return nil
	}
	b, _ := tag.Base()
	var out []string
	for _, code := range memberStates {
		if n := RegionName(b.String(), code); n != "" {
			out = append(out, n)
		}
	}
	return out
}
