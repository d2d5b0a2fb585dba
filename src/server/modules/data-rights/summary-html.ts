import { escapeHtml as esc } from '../../lib/html.js';

// The building blocks of the readable "my data" page: every value escaped, an empty value shown
// as a dash, an empty list as a sentence saying so.

/** A titled section of the page. */
export function section(title: string, body: string): string {
  return `<section><h2>${esc(title)}</h2>${body}</section>`;
}

/** A muted sentence, for "there is nothing here". */
export function none(text: string): string {
  return `<p class="muted">${esc(text)}</p>`;
}

/** A list of labelled values; an empty or missing value reads "—". */
export function dl(rows: readonly (readonly [string, string | null])[]): string {
  return `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v === null || v === '' ? '—' : esc(v)}</dd>`).join('')}</dl>`;
}

/** A table with column headings; without rows, the `empty` sentence (or nothing when it is blank). */
export function table(head: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (!rows.length) return empty ? none(empty) : '';
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The whole printable page: no script, no external resources. */
export function page(title: string, subtitle: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1b1e; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; margin-bottom: 0; } h2 { border-bottom: 2px solid #1a1b1e; padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid #868e96; padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f1f3f5; } dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
.muted { color: #495057; } .prompt { font-style: italic; } p { white-space: pre-wrap; }
@media print { body { padding: 0; font-size: 11pt; } section { break-inside: auto; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p class="muted">${esc(subtitle)}</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}
