package pdf

// embeddedDigests are the SHA-256 digests of the embedded faces' data, by family and style,
// as the run report gives them (face.digest): hashing the two to four faces a document uses
// cost about 0.4 ms of every run. TestEmbeddedDigests checks them against the faces; after
// updating github.com/go-fonts, copy the digests it prints here.
var embeddedDigests = [...]struct {
	family string
	sums   [4]string // indexed by style
}{
	{defaultFamily, [4]string{
		"a82e5f4350d6b66d44d1c77f718d7c658a23ae6097c115748f5ab58c0723af59",
		"1226cecb60336d5ab5401c8ecb608cd93fe2576df85ec1f2410eac524878323c",
		"9bfb44ebfa0723273129484a6d860bbac2c9ec135aac2a09f5e5bb60ca85898c",
		"cb3a04cde5ddde7bd3b82ba0781a41249b24151a4c2a4f47eebb1e3199f3dd5b",
	}},
	{"DejaVu Serif", [4]string{
		"42d1edeb7952f31b1f96d767ed7030b08a39e0c372b0071641518864e2bffb51",
		"c47b5527bcdc8dcf9ea8c77054454c5a884beaca2f44851a2a823ee639cbf07f",
		"2e39b1d50f90b933b00c7bb54a96afd3f86419b3d717c7cf202e36f2d4973e47",
		"8d3dd3d31350309042ed226af82b34539bd773518e6107cb352712853ba80308",
	}},
	{"DejaVu Sans", [4]string{
		"7da195a74c55bef988d0d48f9508bd5d849425c1770dba5d7bfc6ce9ed848954",
		"e6476c1b80502924294eed40894c5b18e06c181444ca953e5334262df9c27724",
		"4af75fa16ee6d3ad43e1ecec41862c24954af26a55c6bb1ebb27bd486a50f5f4",
		"eb436dca0c2594b73d8b603b892e374fdfd8d885d25ffb4f18df4c4c0b49e50f",
	}},
}

// embeddedDigest returns the digest of an embedded face, "" for one not listed (digest
// then hashes it).
func embeddedDigest(family string, s style) string {
	for _, d := range embeddedDigests {
		if d.family == family {
			return d.sums[s]
		}
	}
	return ""
}
