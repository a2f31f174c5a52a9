/**
 * Sentence material for the synthetic corpus. Placeholders: {A} {B} (sides as subjects), {Af}
 * {Bf} (their forces), {Aadj}, {place}, {broker}, {n} (a small count), {day} (a weekday).
 * The wording follows how wire copy reports conflict: a lead with the event, then direct,
 * reported and mixed quotes, background and secondary events.
 */

/** One kind of event, with its escalation severity (0 calm .. 5 deaths) and wordings. */
export interface EventKind {
  key: string;
  severity: number;
  /** True for moves that lower tension (ceasefire, withdrawal, release). */
  deescalation: boolean;
  weight: number;
  headlines: string[];
  leads: string[];
  /** The same event mentioned in passing in a later sentence. */
  mentions: string[];
}

export const EVENT_KINDS: EventKind[] = [
  {
    key: 'talks',
    severity: 0,
    deescalation: false,
    weight: 10,
    headlines: [
      '{A} and {B} envoys meet for talks mediated by {broker}',
      'Talks on {place} resume',
    ],
    leads: [
      'Negotiators from {A} and {B} met on {day} for talks mediated by {broker}, the first such meeting in several weeks.',
      'Envoys of {A} and {B} sat down on {day} for a new round of talks on the future of {place}, with {broker} in the chair.',
    ],
    mentions: ['envoys of {A} and {B} held talks mediated by {broker}'],
  },
  {
    key: 'tension',
    severity: 1,
    deescalation: false,
    weight: 14,
    headlines: ['{A} warns {B} over {place} as tensions rise', 'War of words over {place}'],
    leads: [
      '{A} on {day} warned {B} that it would respond to any provocation near {place}, as tensions in the region rose again.',
      'Tensions around {place} rose sharply on {day} after {A} accused {B} of preparing a provocation.',
    ],
    mentions: ['{A} warned {B} against any provocation near {place}'],
  },
  {
    key: 'protest',
    severity: 1,
    deescalation: false,
    weight: 8,
    headlines: ['Hundreds protest in {place}', 'Protesters gather in {place} against {B}'],
    leads: [
      'Several hundred people protested in {place} on {day}, blocking traffic and chanting slogans against {B}.',
      'Crowds gathered in the centre of {place} on {day} to protest against the policies of {B}, witnesses said.',
    ],
    mentions: ['hundreds of people protested in {place}'],
  },
  {
    key: 'deployment',
    severity: 2,
    deescalation: false,
    weight: 12,
    headlines: ['{A} deploys more troops near {place}', '{Af} put on high alert near {place}'],
    leads: [
      '{A} deployed additional units of {Af} near {place} on {day}, putting them on the highest level of combat readiness.',
      'Columns of armoured vehicles moved towards {place} on {day} as {A} reinforced {Af} in the area.',
    ],
    mentions: ['{A} deployed additional troops near {place}'],
  },
  {
    key: 'blockade',
    severity: 3,
    deescalation: false,
    weight: 10,
    headlines: ['{Af} block roads into {place}', 'Border crossing near {place} closed'],
    leads: [
      '{Af} blocked the main roads into {place} on {day} and closed a border crossing, halting the movement of goods and people.',
      'Barricades went up on the roads around {place} on {day}, cutting the town off from supplies for a second day.',
    ],
    mentions: ['roads into {place} were blocked'],
  },
  {
    key: 'arrests',
    severity: 3,
    deescalation: false,
    weight: 8,
    headlines: ['{Af} detain {n} people near {place}', 'Arrests near {place} anger {B}'],
    leads: [
      '{Af} detained {n} people near {place} on {day}, accusing them of planning attacks on security forces.',
      'At least {n} people were arrested by {Af} near {place} on {day}, in a move that {B} called illegal.',
    ],
    mentions: ['{Af} detained {n} people near {place}'],
  },
  {
    key: 'clashes',
    severity: 4,
    deescalation: false,
    weight: 12,
    headlines: [
      '{n} injured in clashes between {Af} and {Bf} in {place}',
      'Clashes erupt in {place}',
    ],
    leads: [
      'At least {n} people were injured on {day} when {Af} clashed with {Bf} in {place}, hospital officials said.',
      '{Af} and {Bf} exchanged fire in {place} on {day}, wounding {n} people, according to local officials.',
    ],
    mentions: ['{n} people were injured in clashes in {place}'],
  },
  {
    key: 'shelling',
    severity: 4,
    deescalation: false,
    weight: 8,
    headlines: ['{Af} shell {place} overnight', 'Shelling damages homes in {place}'],
    leads: [
      '{Af} shelled {place} overnight into {day}, damaging homes and a power station, officials said.',
      'Artillery fire hit the outskirts of {place} on {day}, setting several buildings on fire, witnesses said.',
    ],
    mentions: ['{Af} shelled {place}'],
  },
  {
    key: 'deaths',
    severity: 5,
    deescalation: false,
    weight: 8,
    headlines: ['{n} killed in {place} as fighting escalates', 'Deadly fighting in {place}'],
    leads: [
      'At least {n} people were killed on {day} in fighting between {Af} and {Bf} in and around {place}, officials said.',
      'Fighting in {place} killed {n} people on {day}, including civilians, in the deadliest day in weeks.',
    ],
    mentions: ['{n} people were killed in fighting in {place}'],
  },
  {
    key: 'ceasefire',
    severity: 0,
    deescalation: true,
    weight: 5,
    headlines: ['{A} and {B} agree ceasefire around {place}', 'Ceasefire announced in {place}'],
    leads: [
      '{A} and {B} agreed on {day} to a ceasefire around {place}, in a deal mediated by {broker}.',
      'A ceasefire took effect around {place} on {day} after talks brokered by {broker}, officials on both sides said.',
    ],
    mentions: ['{A} and {B} agreed to a ceasefire around {place}'],
  },
  {
    key: 'withdrawal',
    severity: 0,
    deescalation: true,
    weight: 3,
    headlines: ['{A} pulls back {Af} from {place}', 'Troops withdraw from {place}'],
    leads: [
      '{A} began withdrawing {Af} from positions near {place} on {day}, easing fears of a wider confrontation.',
    ],
    mentions: ['{A} withdrew some of its forces from {place}'],
  },
  {
    key: 'release',
    severity: 0,
    deescalation: true,
    weight: 2,
    headlines: ['{A} frees {n} detainees', 'Detainees released near {place}'],
    leads: [
      '{A} released {n} detainees near {place} on {day}, a gesture that {broker} welcomed as a step towards calm.',
    ],
    mentions: ['{A} released {n} detainees'],
  },
];

/** What people say in quotation marks (full sentences, no final stop). */
export const DIRECT_QUOTES = [
  'We will not allow anyone to threaten the security of our citizens',
  'This is a very dangerous moment for the whole region',
  'We are monitoring the situation around {place} very closely',
  'There is no military solution to this conflict',
  'Our forces acted in self-defence and in full respect of the law',
  'We call on all sides to show maximum restraint',
  'The attack on {place} was a deliberate provocation',
  'We have no intention of escalating, but we will respond to any attack',
  'Every life lost in {place} is a tragedy',
  'The talks were difficult but constructive',
  'We are ready to return to the negotiating table tomorrow',
  '{B} bears full responsibility for what happened in {place}',
  'Civilians are paying the highest price for this violence',
  'The situation on the ground remains extremely tense',
  'We will defend every inch of our territory',
  'This ceasefire must hold, and we will hold everyone to it',
  'We need humanitarian access to {place} now, not next week',
  'Nobody wants a return to war',
  'What we saw in {place} was unacceptable',
  'We have seen a large build-up of forces and we are deeply concerned',
  'People here are afraid to leave their homes',
  'We lost electricity two days ago and there is no water',
  'The international community cannot stay silent',
  'We do not trust the promises made by {B}',
  'Our patience has limits',
  'The only way forward is dialogue',
];

/** What people are reported to have said, after "said that" or "according to X,". */
export const REPORTED_CLAIMS = [
  '{A} had no plans to send troops into {place}',
  'the situation in {place} was under control',
  '{B} had violated the terms of the agreement',
  'more than {n}00 people had been evacuated from {place}',
  'talks would resume next week',
  'the government was ready to discuss a ceasefire',
  'the attack had been planned for months',
  '{Af} had acted in self-defence',
  'aid convoys had been unable to reach {place} for several days',
  'the number of casualties was likely to rise',
  'a new round of sanctions against {B} was being prepared',
  'the border would remain closed until further notice',
  'there had been no shooting in {place} overnight',
  'the reports of a build-up near {place} were exaggerated',
];

export const ACCUSATIONS = [
  'provoking the violence in {place}',
  'violating the ceasefire',
  'targeting civilians',
  'spreading disinformation about the events in {place}',
  'blocking humanitarian aid',
];

export const DEMANDS = [
  'withdraw its forces from {place}',
  'return to dialogue',
  'release the detainees without delay',
  'allow aid convoys into {place}',
  'respect the ceasefire',
];

/** Short phrases quoted inside a reported sentence (mixed quotes). */
export const SHORT_QUOTES = [
  'unacceptable',
  'a very destabilising development',
  'a serious escalation',
  'a step in the right direction',
  'deeply worrying',
  'an act of aggression',
  'a humanitarian catastrophe',
];

/** Neutral background sentences any article may carry. */
export const BACKGROUND = [
  'The conflict has displaced tens of thousands of people over the past decade.',
  'Diplomats say the two sides remain far apart on the central questions.',
  'Previous agreements have repeatedly broken down within weeks.',
  'Independent verification of the figures was not possible.',
  '{broker} has called for an independent investigation.',
  'Aid agencies warn that food and fuel are running low in {place}.',
  'The region has seen sporadic violence since the spring.',
  'Officials in {A} did not respond to requests for comment.',
  'Analysts say the coming weeks will test the commitment of both sides.',
  'Schools and shops in {place} stayed closed for much of the week.',
  'The last major round of negotiations ended without an agreement.',
  'Residents described long queues at petrol stations and bakeries.',
];

export const OPENERS = [
  'Earlier in the week,',
  'On the previous day,',
  'Last month,',
  'Separately,',
];
