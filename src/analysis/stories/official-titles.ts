/**
 * Official documents (a government's statements, readouts, fact sheets, briefings), told from
 * news by their titles, and who issued each: "Readout of National Security Advisor
 * Jake Sullivan’s Meeting with NATO Secretary General Jens Stoltenberg", "Statement from
 * President Joe Biden on ...", "On-the-Record Press Gaggle by ... John Kirby". The issuer is
 * the document's author, not its event: a week of one adviser's readouts shares his name and
 * office in every title and lead, and read as story terms they made one story of eight
 * meetings with eight counterparts. What follows the issuer (the counterpart, the subject) is
 * the event.
 */

/** The document kinds whose title names their issuer after "of", "from" or "by". */
const GENRE = String.raw`(?:joint\s+)?statement|remarks|(?:(?:on-the-record|background)\s+)?press\s+(?:briefing|gaggle|call|conference)|background\s+(?:briefing|call)|interview|message|letter|memorandum`;

/**
 * Where the issuer's name ends: a word that opens the subject ("on", "ahead of", "marking",
 * "previewing", "en route"), a comma, colon or spaced dash before a date or place, or the
 * title's end. "and" and "for" stay inside ("NSC Coordinator for Strategic Communications").
 */
const ISSUER_END = String.raw`(?:\s+(?:en\s+route|aboard|previewing|congratulating|welcoming|condemning|on|ahead|marking|to|regarding|following|after|announcing|at|in|upon|commemorating|celebrating|honoring|honouring|recognizing|about|with|as)\s|\s*[,:;(]|\s+[–—-]\s|$)`;

const ISSUED = new RegExp(
  String.raw`^(?:${GENRE})\s+(?:of|from|by)\s+([^,:;]*?)${ISSUER_END}`,
  'iud',
);
/**
 * A readout names whose meeting or call it reports, always with a possessive: "Readout of the
 * U.S.-PRC Counternarcotics Working Group Inaugural Meeting" has no issuer, the meeting is the
 * event.
 */
const READOUT = /^readout\s+(?:of|from)\s+([^,:;]*?)['’]s\s/diu;

/** Longer than this, what was read as an issuer is more likely a subject with no "on" before it. */
const MAX_ISSUER_WORDS = 16;

export interface OfficialTitle {
  /** The issuer as the title names it, office included ("National Security Advisor Jake Sullivan"). */
  issuer: string;
  /** The title after the issuer: the counterpart or subject ("’s Meeting with ... Stoltenberg"). */
  subject: string;
}

/** The issuer of an official document, or null for any other title (a news headline). */
export function officialTitle(title: string): OfficialTitle | null {
  const text = title.trim();
  const match = READOUT.exec(text) ?? ISSUED.exec(text);
  if (!match) return null;
  const issuer = match[1]!.trim();
  // A name or an office, never "the Governments of ...": those documents are their subject.
  if (!/^\p{Lu}/u.test(issuer) || issuer.split(/\s+/).length > MAX_ISSUER_WORDS) return null;
  return { issuer, subject: text.slice(match.indices![1]![1]) };
}

/** Titles of official documents that name no issuer, or name it in another form. */
const OFFICIAL_FORM =
  /^(?:a\s+)?(?:joint\s+)?(?:statement|readout|fact\s+sheet|remarks|(?:(?:on-the-record|background)\s+)?press\s+(?:briefing|gaggle|call|conference)|interested\s+parties\s+memo|what\s+they\s+are\s+saying|memorandum|proclamation|executive\s+order)\b|\bjoint\s+communiqu[eé]\b|\bleaders['’]?\s+statement$/iu;

/**
 * Whether a title is an official document's: the record of one occasion (a meeting, a call, a
 * statement of a day), which the story indexer keeps apart from every other such document.
 */
export const isOfficialDocument = (title: string): boolean =>
  OFFICIAL_FORM.test(title.trim()) || officialTitle(title) !== null;
