/** Styles of the standalone HTML exports: readable on screen, A4 on paper. */
export const PRINT_CSS = `
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
header.metadata { border-bottom: 2px solid #154273; margin-bottom: 2rem; padding-bottom: 1rem; }
header.metadata h1 { margin: 0 0 .75rem; color: #154273; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; font-size: .9rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.block { display: grid; grid-template-columns: 3.5rem 1fr; align-items: baseline; }
.block > .number { color: #555; font-size: .85rem; font-variant-numeric: tabular-nums; }
.block > .body > :first-child { margin-top: 0; }
h2, h3, h4 { color: #154273; }
blockquote { border-left: 3px solid #ccc; margin: 0; padding-left: 1rem; }
ul, ol { margin: 0; }
li > p { margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
.flag { color: #8a1c00; font-weight: 700; }
.response { border-left: 3px solid #154273; padding-left: .75rem; margin: .75rem 0; }
.response p { margin: .2rem 0; }
section.paragraph > blockquote { white-space: pre-line; }
@page { size: A4; margin: 2cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
  h2, h3, h4 { break-after: avoid; }
  .block, .response, tr { break-inside: avoid; }
}
`.trim();
