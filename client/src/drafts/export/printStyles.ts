/**
 * The stylesheet of the printable draft. Self-contained (system serif fonts, no images) so
 * the file prints the same offline, from a mail attachment, years later.
 *
 * On paper the provenance of a promoted passage sits in a left gutter, beside the passage,
 * as a margin note; on screen there is no gutter and it is a small line above the passage.
 */
export const PRINT_CSS = `
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
@page { @bottom-center { content: counter(page) " / " counter(pages); font: 8pt Georgia, serif; color: #555; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 24px; max-width: 44em;
  font-family: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Times New Roman", serif;
  font-size: 11pt; line-height: 1.45; color: #111; background: #fff;
  hyphens: auto; overflow-wrap: break-word;
}
header.document { border-bottom: 0.6pt solid #444; margin-bottom: 14pt; padding-bottom: 6pt; }
header.document h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 4pt; }
header.document .subtitle { margin: 0; font-size: 10pt; color: #444; }
h2, h3, h4 { line-height: 1.25; margin: 14pt 0 4pt; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 15pt; } h3 { font-size: 13pt; } h4 { font-size: 11.5pt; }
p { margin: 0 0 6pt; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 6pt; padding-left: 1.6em; }
li > p { margin-bottom: 2pt; }
li > ul, li > ol { margin-bottom: 2pt; }
blockquote { margin: 0 0 6pt; padding-left: 10pt; border-left: 2pt solid #bbb; color: #333; }
.recommendation {
  margin: 10pt 0; padding: 8pt 10pt 4pt; border: 0.8pt solid #333; border-radius: 3pt;
  break-inside: avoid; page-break-inside: avoid;
}
.recommendation h3 { margin: 0 0 4pt; font-size: 9pt; letter-spacing: 0.06em; text-transform: uppercase; color: #333; }
.recommendation .statement { font-weight: bold; font-size: 12pt; }
.rationale-label { font-style: italic; }
.promoted { position: relative; margin: 10pt 0; padding-left: 8pt; border-left: 1.5pt dotted #777; }
.provenance { margin: 0 0 3pt; font-size: 8.5pt; font-style: italic; color: #555; break-after: avoid; page-break-after: avoid; }
@media print {
  body { max-width: none; padding: 0 0 0 32mm; }
  .provenance { position: absolute; left: -32mm; top: 0; width: 27mm; margin: 0; text-align: right; }
}
`;
