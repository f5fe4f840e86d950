package locales

import "sort"

// RegionName returns the CLDR name of a region in one of the six languages, from a table
// generated from golang.org/x/text/language/display (regions_gen.go), which scribe does not
// link: its tables take a millisecond to set up in every process. lang is a base language
// tag ("fr"), region a code as golang.org/x/text/language's Region prints it ("CH",
// "419"). It returns "" for another language or a region CLDR does not name.
func RegionName(lang, region string) string {
	i := sort.SearchStrings(regionLangs[:], lang)
	if i == len(regionLangs) || regionLangs[i] != lang {
		return ""
	}
	j := sort.SearchStrings(regionCodes[:], region)
	if j == len(regionCodes) || regionCodes[j] != region {
		return ""
	}
	return regionNames[i][j]
}
