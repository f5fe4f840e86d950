package write

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
)

// schemaOrder lists, for each WordprocessingML parent element the writer produces, its
// children in the order of their xsd:sequence, transcribed from the ECMA-376 Part 1
// transitional schema (wml.xsd: CT_PPrBase + CT_PPr, EG_RPrBase (the sequence of the first
// edition, which Word still enforces), CT_SectPr with EG_SectPrContents, CT_TblPrBase,
// CT_TcPr, CT_Lvl, CT_AbstractNum, CT_Style, CT_Settings, …). Children in one string share
// a rank (a choice, such as header and footer references). A child missing from its parent's
// table fails the test, so the table grows with the writer.
var schemaOrder = map[string][]string{
	"pPr": {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
		"suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
		"overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
		"snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
		"textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
		"rPr", "sectPr", "pPrChange"},
	"rPr": {"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
		"outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
		"color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
		"shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
		"oMath", "rPrChange"},
	"sectPr": {"headerReference footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
		"paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
		"titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"},
	"tblPr": {"tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
		"tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
		"tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange"},
	"tcPr": {"cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
		"textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns cellDel cellMerge", "tcPrChange"},
	"tcBorders":  {"top", "start left", "bottom", "end right", "insideH", "insideV", "tl2br", "tr2bl"},
	"tblBorders": {"top", "start left", "bottom", "end right", "insideH", "insideV"},
	"tblCellMar": {"top", "start left", "bottom", "end right"},
	"tcMar":      {"top", "start left", "bottom", "end right"},
	"pBdr":       {"top", "left", "bottom", "right", "between", "bar"},
	"tbl":        {"bookmarkStart bookmarkEnd", "tblPr", "tblGrid", "tr"},
	"tr":         {"tblPrEx", "trPr", "tc"},
	"tc":         {"tcPr", "p tbl"},
	"p":          {"pPr", "r hyperlink bookmarkStart bookmarkEnd fldSimple"},
	"r": {"rPr", "t br tab noBreakHyphen drawing footnoteReference footnoteRef fldChar instrText " +
		"separator continuationSeparator"},
	"hyperlink": {"r"},
	"numPr":     {"ilvl", "numId"},
	"lvl": {"start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId",
		"legacy", "lvlJc", "pPr", "rPr"},
	"abstractNum": {"nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink", "lvl"},
	"num":         {"abstractNumId", "lvlOverride"},
	"lvlOverride": {"startOverride", "lvl"},
	"numbering":   {"numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"},
	"style": {"name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
		"semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
		"personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"},
	"styles":      {"docDefaults", "latentStyles", "style"},
	"docDefaults": {"rPrDefault", "pPrDefault"},
	"rPrDefault":  {"rPr"},
	"pPrDefault":  {"pPr"},
	"settings": {"writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
		"doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
		"printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
		"saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
		"bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
		"hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
		"linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
		"revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting",
		"documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet",
		"defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone",
		"doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle",
		"defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
		"bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
		"displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
		"doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
		"drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
		"characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
		"noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
		"ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
		"saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
		"alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
		"compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
		"doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
		"readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
		"decimalSymbol", "listSeparator"},
	"footnotePr": {"pos", "numFmt", "numStart", "numRestart", "footnote"},
	"compat":     {"doNotExpandShiftReturn", "compatSetting"},
}

// orderErrors walks a part and lists children out of schema order or unknown to the table.
func orderErrors(part string, data []byte) ([]string, error) {
	var errs []string
	type frame struct {
		name string
		rank int
	}
	ranks := map[string]map[string]int{}
	for parent, seq := range schemaOrder {
		ranks[parent] = map[string]int{}
		for i, group := range seq {
			for _, n := range strings.Fields(group) {
				ranks[parent][n] = i
			}
		}
	}
	var stack []frame
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return errs, nil
		}
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if len(stack) > 0 && e.Name.Space == nsMain {
				parent := &stack[len(stack)-1]
				if order, ok := ranks[parent.name]; ok {
					r, known := order[e.Name.Local]
					switch {
					case !known:
						errs = append(errs, fmt.Sprintf("%s: <%s> in <%s> is not in the order table", part, e.Name.Local, parent.name))
					case r < parent.rank:
						errs = append(errs, fmt.Sprintf("%s: <%s> after a later sibling in <%s> (schema order)", part, e.Name.Local, parent.name))
					default:
						parent.rank = r
					}
				}
			}
			stack = append(stack, frame{name: e.Name.Local})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// TestSchemaOrder checks the child order of every WordprocessingML part of every language
// version, including the rich sample (tables, links, restarts, literal labels).
func TestSchemaOrder(t *testing.T) {
	for _, lang := range locales.Supported {
		data, _ := writeDoc(t, Options{}, richDoc(lang), lang)
		parts, names := unzipParts(t, data)
		for _, n := range names {
			if strings.HasPrefix(n, "word/") && strings.HasSuffix(n, ".xml") {
				errs, err := orderErrors(lang+":"+n, parts[n])
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range errs {
					t.Error(e)
				}
			}
		}
	}
}

// TestSchemaOrderCatchesMistakes makes sure the checker is not vacuous.
func TestSchemaOrderCatchesMistakes(t *testing.T) {
	bad := []byte(`<w:document xmlns:w="` + nsMain + `"><w:body><w:p><w:pPr><w:jc w:val="left"/><w:pStyle w:val="x"/></w:pPr></w:p></w:body></w:document>`)
	if errs, _ := orderErrors("bad", bad); len(errs) != 1 {
		t.Error("jc before pStyle was not reported")
	}
}
