import { STANCES, THREAD_STATUSES } from '@standpunt/shared';
import { escapeHtml } from '../exports/escapeHtml.js';
import { htmlPage, metadataHtml } from '../exports/draftHtml.js';
import type { NotaSection, NotaThread, Reactienota } from './buildReactienota.js';
import { KIND_LABELS, ORPHANED, STANCE_LABELS, STATUS_LABELS, UNPROCESSED } from './notaLabels.js';
import { notaMetadata, notaSections } from './notaMetadata.js';

const e = escapeHtml;

function threadHtml(thread: NotaThread): string {
  const lines = [
    `<p><strong>${e(thread.organisation)}</strong> — ${e(KIND_LABELS[thread.kind])}` +
      (thread.status === 'open'
        ? ` — <span class="flag">${UNPROCESSED}</span>`
        : ` — <span class="status">${e(STATUS_LABELS[thread.status])}</span>`) +
      '</p>',
  ];
  if (thread.quote) lines.push(`<p>Citaat: <q>${e(thread.quote)}</q></p>`);
  if (thread.orphaned) lines.push(`<p class="orphaned">${ORPHANED}</p>`);
  if (thread.replacement !== null) {
    lines.push(`<p>Voorgestelde tekst: <q>${e(thread.replacement)}</q></p>`);
  }
  lines.push(`<p class="body">${e(thread.body)}</p>`);
  if (thread.rationale) lines.push(`<p>Motivering: ${e(thread.rationale)}</p>`);
  return (
    `<div class="response" data-status="${e(thread.status)}" data-municipality="${e(thread.municipality)}">` +
    `${lines.join('')}</div>`
  );
}

function sectionHtml(section: NotaSection): string {
  if (section.threads.length + section.positions.length === 0) return '';
  const parts = [
    `<section class="paragraph"${section.blockId ? ` data-block="${e(section.blockId)}"` : ''}>`,
  ];
  parts.push(`<h3>${e(section.title)}</h3>`);
  if (section.text) parts.push(`<blockquote>${e(section.text)}</blockquote>`);
  parts.push(...section.threads.map(threadHtml));
  if (section.positions.length > 0) {
    const rows = section.positions
      .map(
        (p) =>
          `<tr><td>${e(p.organisation)}</td><td>${e(STANCE_LABELS[p.stance])}</td><td>${e(p.explanation)}</td></tr>`,
      )
      .join('');
    parts.push(
      `<table class="positions"><caption>Standpunten</caption><thead><tr><th>Gemeente</th><th>Standpunt</th><th>Toelichting</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function summaryHtml(nota: Reactienota): string {
  const { participation, dispositions, stances } = nota;
  const provinces = participation.byProvince
    .map(
      (p) =>
        `<tr data-province="${e(p.province)}"><td>${e(p.province)}</td><td>${p.responded}</td><td>${p.total}</td></tr>`,
    )
    .join('');
  const statuses = THREAD_STATUSES.map(
    (s) => `<tr data-status="${s}"><td>${e(STATUS_LABELS[s])}</td><td>${dispositions[s]}</td></tr>`,
  ).join('');
  const stanceRows = STANCES.map(
    (s) => `<tr data-stance="${s}"><td>${e(STANCE_LABELS[s])}</td><td>${stances[s]}</td></tr>`,
  ).join('');
  return [
    '<section class="summary">',
    '<h2>Deelname</h2>',
    `<p id="participation" data-responded="${participation.responded}" data-total="${participation.total}">` +
      `${participation.responded} van de ${participation.total} gemeenten reageerden (met een reactie of een standpunt).</p>`,
    `<table id="provinces"><caption>Deelname per provincie</caption><thead><tr><th>Provincie</th><th>Gereageerd</th><th>Gemeenten</th></tr></thead><tbody>${provinces}</tbody></table>`,
    `<table id="dispositions"><caption>Reacties per afhandeling</caption><thead><tr><th>Afhandeling</th><th>Aantal</th></tr></thead><tbody>${statuses}</tbody></table>`,
    `<table id="stances"><caption>Standpunten</caption><thead><tr><th>Standpunt</th><th>Aantal</th></tr></thead><tbody>${stanceRows}</tbody></table>`,
    '</section>',
  ].join('\n');
}

/** The reactienota as a standalone, printable HTML page; all users' text escaped. */
export function reactienotaHtml(nota: Reactienota): string {
  const title = `Reactienota — ${nota.paper.title}`;
  const sections = notaSections(nota).map(sectionHtml).filter(Boolean);
  return htmlPage(
    title,
    [
      metadataHtml(title, notaMetadata(nota)),
      '<main>',
      summaryHtml(nota),
      '<h2>Reacties per alinea</h2>',
      sections.length ? sections.join('\n') : '<p>Er zijn geen reacties.</p>',
      '</main>',
    ].join('\n'),
  );
}
