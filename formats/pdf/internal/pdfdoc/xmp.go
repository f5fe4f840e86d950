package pdfdoc

import (
	"bytes"
	"encoding/xml"
)

// xmp is the document's XMP metadata packet: the same facts as the information
// dictionary, in the form document management systems, PDF/A and PDF/UA checkers read
// (dc:title, dc:language…), and the claims: PDF/A-2b (pdfaid) and PDF/UA-1 (pdfuaid, a
// schema PDF/A-2 does not predefine, so the packet describes it in a PDF/A extension
// schema). The metadata stream is never compressed (PDF/A forbids it), so tools that scan
// files for a packet find it.
func (d *Doc) xmp() []byte {
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	alt := func(tag, v string) {
		if v != "" {
			b.WriteString("<" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(v) + "</rdf:li></rdf:Alt></" + tag + ">\n")
		}
	}
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n" +
		"<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n" +
		pdfuaExtension +
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n" +
		"<dc:format>application/pdf</dc:format>\n")
	alt("dc:title", d.info.Title)
	alt("dc:description", d.info.Subject)
	if d.info.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(d.info.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if d.info.Lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(d.info.Lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	if d.info.Creator != "" {
		b.WriteString("<xmp:CreatorTool>" + esc(d.info.Creator) + "</xmp:CreatorTool>\n")
	}
	if !d.info.Created.IsZero() {
		date := d.info.Created.UTC().Format("2006-01-02T15:04:05Z")
		b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	}
	if d.info.Producer != "" {
		b.WriteString("<pdf:Producer>" + esc(d.info.Producer) + "</pdf:Producer>\n")
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.Bytes()
}

// pdfuaExtension declares the pdfuaid schema to PDF/A readers (ISO 19005-2, 6.6.2.3).
const pdfuaExtension = "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" " +
	"xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n" +
	"<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n" +
	"<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n" +
	"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n" +
	"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n" +
	"<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n" +
	"<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>" +
	"<pdfaProperty:category>internal</pdfaProperty:category>" +
	"<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n" +
	"</rdf:li></rdf:Seq></pdfaSchema:property>\n</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n"
