/**
 * A deterministic ~50-page paper: 400 top-level blocks (a heading every 20), about 25,000
 * words, as ProseMirror JSON with block ids.
 */
const WORDS = (
  'gemeenten samen digitale dienstverlening inwoners ondernemers gegevens identiteit beheer ' +
  'voorziening afspraken standaard markt leveranciers inkoop regie kwaliteit toegankelijk ' +
  'veilig betrouwbaar landelijk regionaal uitvoering wetgeving privacy zorgvuldig openbaar ' +
  'bestuur raad college wethouder ambtenaren werkgroep consultatie reactie voorstel'
).split(' ');

/** Park-Miller: the same paper on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

export interface SamplePaper {
  json: { type: 'doc'; content: unknown[] };
  words: number;
  /** Index and first word of every paragraph, to anchor threads on. */
  paragraphs: Array<{ index: number; firstWord: string }>;
}

export function samplePaper(blocks = 400, wordsPerParagraph = 66): SamplePaper {
  const next = random(20261128);
  const content: unknown[] = [];
  const paragraphs: SamplePaper['paragraphs'] = [];
  let words = 0;
  for (let index = 0; index < blocks; index++) {
    const id = `blok-${index}`;
    if (index % 20 === 0) {
      const text = `Hoofdstuk ${index / 20 + 1}: ${WORDS[index % WORDS.length]}`;
      content.push({
        type: 'heading',
        attrs: { level: index % 40 === 0 ? 1 : 2, id },
        content: [{ type: 'text', text }],
      });
      words += 3;
      continue;
    }
    const sentence = Array.from(
      { length: wordsPerParagraph },
      () => WORDS[Math.floor(next() * WORDS.length)] ?? 'tekst',
    );
    const text = `${sentence.join(' ')}.`;
    words += sentence.length;
    paragraphs.push({ index, firstWord: sentence[0] ?? 'tekst' });
    content.push({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
  }
  return { json: { type: 'doc', content }, words, paragraphs };
}
