/**
 * Synthetic news articles for benchmarks: about `words` words each, built from sentence
 * patterns that exercise what the analysis looks for (titled names, direct and reported
 * speech, pronouns, places, organisations) with a seeded generator, so every run measures the
 * same text.
 */
const PEOPLE = [
  ['US Secretary of State', 'Antony Blinken', 'he'],
  ['Serbian President', 'Aleksandar Vučić', 'he'],
  ['Kosovo Prime Minister', 'Albin Kurti', 'he'],
  ['NATO Secretary General', 'Jens Stoltenberg', 'he'],
  ['EU foreign policy chief', 'Josep Borrell', 'he'],
  ['National Security Council spokesman', 'John Kirby', 'he'],
  ['Kosovo President', 'Vjosa Osmani', 'she'],
  ['Armenian Prime Minister', 'Nikol Pashinyan', 'he'],
  ['Azerbaijani President', 'Ilham Aliyev', 'he'],
  ['European Commission President', 'Ursula von der Leyen', 'she'],
] as const;
const PLACES = [
  'Pristina',
  'Belgrade',
  'Zvečan',
  'Banjska',
  'Brussels',
  'Washington',
  'Stepanakert',
  'Yerevan',
  'Baku',
  'Mitrovica',
];
const ORGS = [
  'KFOR',
  'the European Union',
  'the OSCE',
  'the Kosovo police',
  'the Serbian Defence Ministry',
  'the UN Security Council',
];
const CLAIMS = [
  'the situation in the north remained tense but under control',
  'troops had been moved closer to the administrative line overnight',
  'talks would resume in {place} next week without preconditions',
  'both sides had to refrain from unilateral steps that raise tensions',
  'the attack on the police patrol was a planned act of terrorism',
  'the government would not accept any solution imposed from outside',
  'more peacekeepers were needed to protect the border crossings',
];
const QUOTES = [
  'We will not allow anyone to destabilise the region',
  'This is a dangerous moment, and everyone must show restraint',
  'Our door remains open for dialogue, but our patience is not endless',
  'There can be no impunity for those who planned this attack',
  'The people in the north deserve to live without fear',
];
const FILLER = [
  'Residents of {place} reported a heavy police presence on the main roads on {day}.',
  'The crisis began in May, when ethnic Serbs protested against the installation of new mayors.',
  'Dozens of soldiers from {org} were injured in clashes with protesters earlier this year.',
  'Analysts in {place} said the dispute over the municipalities was unlikely to end soon.',
  'Trade across the border slowed as trucks waited for hours at the crossing near {place}.',
  'The meeting in {place} lasted more than three hours, officials said.',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function newsTexts(count: number, words = 700, seed = 7): string[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const fill = (text: string) =>
    text.replace('{place}', pick(PLACES)).replace('{org}', pick(ORGS)).replace('{day}', pick(DAYS));
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const paragraphs: string[] = [];
    let total = 0;
    while (total < words) {
      const [title, name, pronoun] = pick(PEOPLE);
      const surname = name.split(' ').at(-1)!;
      const sentences = [
        `${title} ${name} said on ${pick(DAYS)} that ${fill(pick(CLAIMS))}.`,
        `“${pick(QUOTES)},” ${pronoun} told reporters in ${pick(PLACES)}.`,
        fill(pick(FILLER)),
        `According to ${surname}, ${fill(pick(CLAIMS))}.`,
        `${surname} also urged ${pick(ORGS)} to act, warning that ${fill(pick(CLAIMS))}.`,
      ];
      const paragraph = sentences.slice(0, 2 + Math.floor(next() * 4)).join(' ');
      paragraphs.push(paragraph);
      total += paragraph.split(/\s+/).length;
    }
    texts.push(paragraphs.join('\n\n'));
  }
  return texts;
}
