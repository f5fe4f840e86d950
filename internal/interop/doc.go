// Package interop is scribe's end-to-end interop suite and the six-language acceptance
// checks. It has no code of its own: its tests build the real command (cmd/scribe) once,
// run it on the sample notes, and have every output read by a real consumer.
//
// What is checked, and by whom:
//
//   - testdata/i18n/<lang>.txt (notes in ar, zh, en, fr, ru, es) converted to DOCX and PDF:
//     masthead lines, the meeting date, chapter labels (I. / 一. / أولا -), paragraph
//     numbers, subparagraph markers ((a) / a) / (أ)) and the document symbol, read back
//     through LibreOffice's text export of the DOCX and pdftotext of the PDF;
//   - the English reference notes rendered in French and Arabic keep their 23 paragraphs,
//     4 chapters and (a)/(b) subparagraphs with the target language's labels, and the
//     Arabic version is right to left (w:bidi in the DOCX, paragraph numbers at the right
//     margin of the PDF, measured with pdftotext -bbox);
//   - every DOCX (six languages, the reference notes in French and Arabic, testdata/corpus)
//     is converted to PDF by LibreOffice, opened by python-docx (headings in Heading
//     styles, as many as the document model has) and read by pandoc;
//   - every PDF passes qpdf --check, pdffonts shows every font embedded, and Ghostscript
//     and MuPDF draw every page without an error or a repair; PDF.js (pdfjs-dist, locked
//     in pdfjs/package-lock.json, run by node) opens it without a warning and extracts
//     the characters pdftotext does; the requirements of PDF/A-2b are read back from its
//     objects through qpdf's JSON view (no PDF/A validator is packaged for Debian);
//   - XLIFF 2.0 and 1.2 from scribe extract validate against the OASIS schemas
//     (formats/xliff/testdata/schemas) with xmllint; Translate Toolkit's pocount reads the
//     XLIFF 1.2 files and the TMX written by scribe tm export from a translated XLIFF, and
//     that translation comes back into a French report with the same numbering.
//
// Each consumer is found with testutil.RequireTool or RequirePython: a missing one skips
// its test locally and fails it under CI=true. LibreOffice runs twice in all (one batch
// to PDF, one to text) with a private profile.
//
// To see the suite catch a broken writer, set SCRIBE_INTEROP_SABOTAGE before go test:
// "docx" writes malformed XML into word/document.xml of every DOCX produced, "pdf" cuts
// every PDF produced in half. The consumers' tests must then fail; nothing is changed in
// scribe itself.
package interop
