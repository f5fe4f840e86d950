// extract.mjs reads PDFs with PDF.js, the PDF engine of Firefox and of many web viewers,
// as the interop tests' independent JavaScript consumer. For each file named on the command
// line it prints one JSON line: the page count, the information dictionary, the XMP
// metadata as PDF.js parses it, the text of each page, the link annotations, and every
// warning PDF.js gave while reading. A file PDF.js cannot open is a line with "error".
import { readFile } from "node:fs/promises";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

const warnings = [];
// PDF.js reports what it had to repair or skip through console.log ("Warning: …").
const log = console.log;
console.log = (...args) => warnings.push(args.join(" "));

for (const path of process.argv.slice(2)) {
  warnings.length = 0;
  const out = { path };
  try {
    const data = new Uint8Array(await readFile(path));
    const doc = await getDocument({ data, verbosity: VerbosityLevel.WARNINGS, useSystemFonts: false, isEvalSupported: false }).promise;
    out.pages = doc.numPages;
    const meta = await doc.getMetadata();
    out.info = meta.info;
    out.xmp = meta.metadata ? Object.fromEntries(meta.metadata) : null;
    out.text = [];
    out.links = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      out.text.push(content.items.map((it) => it.str + (it.hasEOL ? "\n" : "")).join(""));
      for (const a of await page.getAnnotations()) {
        if (a.subtype === "Link") out.links.push(a.url || a.unsafeUrl || "");
      }
      page.cleanup();
    }
    await doc.destroy();
  } catch (e) {
    out.error = String(e && e.message ? e.message : e);
  }
  out.warnings = [...warnings];
  log(JSON.stringify(out));
}
