package chat

import (
	"reflect"
	"testing"
)

func TestDisplay(t *testing.T) {
	for in, want := range map[string]string{
		"Manu_Sporny": "Manu Sporny", "mprorock": "mprorock", "brian_richter": "brian_richter",
		"manu_": "manu", "@chair": "chair", "TallTed_//_Ted_Thibodeau": "TallTed // Ted Thibodeau",
	} {
		if got := Display(in); got != want {
			t.Errorf("Display(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	for in, want := range map[string][]string{
		"Ana Silva, Bo":     {"Ana Silva", "Bo"},
		"ana bo carl":       {"ana", "bo", "carl"},
		"Ana Silva":         {"Ana Silva"},
		"":                  nil,
		"Manu, Joe_Andrieu": {"Manu", "Joe_Andrieu"},
	} {
		if got := names(in); !reflect.DeepEqual(got, want) {
			t.Errorf("names(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolve(t *testing.T) {
	var p people
	for _, n := range []string{"Manu_Sporny", "manu", "agropper", "Adrian_Gropper", "Tobias_Looker", "tplooker", "Brian Richter", "Joe Smith", "Joe Andrieu"} {
		p.add(n)
	}
	for in, want := range map[string]string{
		"manu":          "Manu Sporny",   // the one person of that first name
		"tobias":        "Tobias Looker", // the same
		"agropper":      "agropper",      // a nick of its own
		"brian_richter": "Brian Richter", // a nick with underscores for spaces
		"joe":           "joe",           // two people named Joe: as typed
		"dimitri":       "dimitri",       // unknown: as typed
	} {
		if got := p.resolve(in); got != want {
			t.Errorf("resolve(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseCommand(t *testing.T) {
	for in, want := range map[string]commandKind{
		"present+": cmdPresent, "present+ Ana, Bo": cmdPresent, "present- Bo": cmdAbsent,
		"present10": cmdNone, "q+": cmdNoise, "q+ to ask": cmdNoise, "ack ana": cmdNoise,
		"acknowledged": cmdNone, "scribe+": cmdScribe, "scribenick: ana": cmdScribe,
		"Topic: Budget": cmdTopic, "#topic Budget": cmdTopic, "subtopic: Staff": cmdSubtopic,
		"s/pubish/publish/": cmdCorrection, "s/he said": cmdNone, "#agreed yes": cmdLabelled,
		"zakim, close the queue": cmdNoise, "meeting: Board": cmdMeeting, "regrets+ Carl": cmdRegrets,
		"chair: manu": cmdChair, "agenda: https://x.org": cmdAgenda, "the agenda is long": cmdNone,
	} {
		if got := parseCommand(in).kind; got != want {
			t.Errorf("parseCommand(%q) = %v, want %v", in, got, want)
		}
	}
}
