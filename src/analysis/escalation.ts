import { severityLabel } from './severity.ts';
import type { StoryView } from './stories/read.ts';

export type Trend = 'rising' | 'steady' | 'falling';

/** A topic's escalation over a window: the briefing's `escalation` field plus a sentence. */
export interface Escalation {
  level: number;
  label: string;
  trend: Trend;
  /** The events that set the level, gravest first ("air strike in Rafah, 45 killed"). */
  signals: string[];
  /** One line: "5, rising: air strike in Rafah, 45 killed; shelling in Khan Younis". */
  explanation: string;
}

const MAX_SIGNALS = 3;
/** What a new story adds to a half-window's intensity, by level: deadly events dominate. */
const INTENSITY = [0, 0, 0.1, 0.3, 1, 3];
/** A half-window this much more (or less) intense than the other makes the trend. */
const TREND_RATIO = 1.5;
const TREND_MARGIN = 1;

/**
 * The gravest first: level, then how widely it was reported, then deaths (a war's cumulative
 * toll, reported now and then as news, should not outrank the week's most covered event).
 */
export const byGravity = (a: StoryView, b: StoryView) =>
  b.level - a.level || b.articleCount - a.articleCount || b.fatalities - a.fatalities;

/** "air strike in Rafah, 45 killed": a story's event and its toll, as an analyst would say it. */
export function storySignal(story: StoryView): string {
  const event = story.reasons.find((reason) => !/ (killed|injured)$/.test(reason)) ?? story.label;
  return story.fatalities > 0 ? `${event}, ${story.fatalities} killed` : event;
}

/**
 * Whether another signal tells the same event and toll more precisely: "attack, 7 killed"
 * beside "attack in Gaza, 7 killed" is the same strike, reported by two stories that clustering
 * kept apart, and a reader would count two.
 */
function vaguerCopy(signal: string, all: readonly string[]): boolean {
  const [event, toll = ''] = signal.split(/(?=, \d+ killed$)/);
  return all.some(
    (other) => other !== signal && other.startsWith(`${event} `) && other.endsWith(toll),
  );
}

/**
 * The escalation of a topic over [from, to] from the stories (events) reported in it, each
 * counted once however many articles covered it; pass only stories the topic is centrally
 * about, so a passing mention never sets it. The level is the gravest story's; the signals name
 * the gravest events with their tolls. The trend compares the events first reported in the
 * window's later half with those of its earlier half (stories that began before the window
 * count as earlier): rising when the later half reached a higher level or was clearly more
 * intense (deadly events weigh most), falling when the reverse, or when the later half brought
 * a step back (ceasefire, withdrawal) and no more intensity; steady otherwise.
 */
export function escalationOf(
  stories: readonly StoryView[],
  window: { from: string; to: string },
): Escalation {
  if (stories.length === 0)
    return {
      level: 0,
      label: severityLabel(0),
      trend: 'steady',
      signals: [],
      explanation: '0, steady: no reports in this window',
    };
  const middle = new Date((Date.parse(window.from) + Date.parse(window.to)) / 2).toISOString();
  const earlier = stories.filter((story) => story.firstSeen < middle);
  const later = stories.filter((story) => story.firstSeen >= middle);
  const top = (list: readonly StoryView[]) => Math.max(0, ...list.map((story) => story.level));
  const intensity = (list: readonly StoryView[]) =>
    list.reduce((sum, story) => sum + INTENSITY[Math.max(0, Math.min(5, story.level))]!, 0);
  const [before, after] = [intensity(earlier), intensity(later)];
  let trend: Trend = 'steady';
  if (top(later) > top(earlier) || after >= before * TREND_RATIO + TREND_MARGIN) trend = 'rising';
  else if (
    top(later) < top(earlier) ||
    before >= after * TREND_RATIO + TREND_MARGIN ||
    (later.some((story) => story.deEscalation) && after <= before)
  )
    trend = 'falling';
  const level = top(stories);
  const signals = [...stories]
    .filter((story) => story.level > 0)
    .sort(byGravity)
    .map(storySignal)
    .filter((signal, index, all) => all.indexOf(signal) === index && !vaguerCopy(signal, all))
    .slice(0, MAX_SIGNALS);
  const label = severityLabel(level);
  return {
    level,
    label,
    trend,
    signals,
    explanation: `${level}, ${trend}: ${signals.length > 0 ? signals.join('; ') : label}`,
  };
}
