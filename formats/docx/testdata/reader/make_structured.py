#!/usr/bin/python3
"""Builds structured.docx, the DOCX reader's fixture of Word structure.

Run with the system Python (python3-docx 0.8.11, Debian package):
    /usr/bin/python3 make_structured.py
python-docx writes the title, heading, list and quote paragraphs with Word's built-in
styles; it cannot write footnotes, so a footnote (footnotes.xml, its relationship, its
content type and a w:footnoteReference run) is added to the package afterwards, the way
Word stores one. The output is deterministic: fixed core properties and zip timestamps.
"""
import datetime
import io
import zipfile

import docx

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

d = docx.Document()
cp = d.core_properties
cp.author = 'scribe tests'
cp.created = cp.modified = datetime.datetime(2005, 5, 2, 14, 0, 0)
cp.last_modified_by = 'scribe tests'
cp.revision = 1

d.add_paragraph('Informal consultation on WSIS follow-up', style='Title')
d.add_heading('Organisation of the work', level=1)
p = d.add_paragraph('Syria thanked the chair for convening this meeting and asked whether there would be a new GFC meeting')
p.add_run('FOOTNOTE-HERE')
p.add_run('.')
d.add_heading('Swiss proposal', level=2)
d.add_paragraph('Marc Furrer presented a proposal for two additional Summit documents.')
d.add_paragraph('The Stocktaking Implementation Report would gather concrete actions.', style='List Bullet')
d.add_paragraph('It would cover all action lines.', style='List Bullet 2')
d.add_paragraph('The Stakeholder Commitments Paper would take shape as a rolling document.', style='List Bullet')
d.add_paragraph('The Committee agreed on the following steps:')
d.add_paragraph('Circulate the draft to all members.', style='List Number')
d.add_paragraph('Collect comments by 31 May 2005.', style='List Number')
p = d.add_paragraph('The ILO supported the USA proposal in document PC-2/DT/2 (rev.2), which reads:')
d.add_paragraph('In order to assure the sustainability of the WSIS Process after the completion of the Summit, the relevant organs should incorporate the results of the WSIS in their programmes of work.', style='Quote')
d.add_paragraph('The operational work should build upon the innovative modalities utilized in the WSIS.', style='Intense Quote')
p = d.add_paragraph('USA added that each UN agency should ')
r = p.add_run('endorse')
r.italic = True
p.add_run(' the WSIS action lines, with ')
r = p.add_run('strong')
r.bold = True
p.add_run(' support.')

buf = io.BytesIO()
d.save(buf)

FOOTNOTES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<w:footnotes xmlns:w="%s">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
             '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
             '<w:r><w:t xml:space="preserve"> The GFC met last in February 2005.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>') % W
REF = ('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>')

src = zipfile.ZipFile(buf)
out = zipfile.ZipFile('structured.docx', 'w', zipfile.ZIP_DEFLATED)
for info in sorted(src.infolist(), key=lambda i: i.filename):
    data = src.read(info.filename)
    if info.filename == 'word/document.xml':
        text = data.decode('utf-8')
        marker = '<w:r><w:t>FOOTNOTE-HERE</w:t></w:r>'
        assert marker in text, 'footnote marker run not found'
        data = text.replace(marker, REF).encode('utf-8')
    elif info.filename == 'word/_rels/document.xml.rels':
        data = data.decode('utf-8').replace(
            '</Relationships>',
            '<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>').encode('utf-8')
    elif info.filename == '[Content_Types].xml':
        data = data.decode('utf-8').replace(
            '</Types>',
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>').encode('utf-8')
    zi = zipfile.ZipInfo(info.filename, date_time=(2005, 5, 2, 14, 0, 0))
    zi.compress_type = zipfile.ZIP_DEFLATED
    out.writestr(zi, data)
zi = zipfile.ZipInfo('word/footnotes.xml', date_time=(2005, 5, 2, 14, 0, 0))
zi.compress_type = zipfile.ZIP_DEFLATED
out.writestr(zi, FOOTNOTES)
out.close()
