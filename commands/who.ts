import { buildWho, type WhoView } from '../src/briefing/who-view.ts';
import { defineCommand } from '../src/core/command.ts';
import type { Block, Reply, ReplyAction, SourceRef } from '../src/core/reply.ts';
import { plural } from '../src/core/plural.ts';

/** A statement as read aloud: a direct quote as quoted, reported speech with its verb. */
function statementText(statement: WhoView['statements'][number]): string {
  if (statement.kind === 'direct' || !statement.cue) return statement.text;
  return `${statement.cue} ${statement.text}`;
}

function quoteOption(value: string): string {
  return `"${value.replace(/"/g, '')}"`;
}

function whoReply(view: WhoView, args: { topic?: string; days?: number }): Reply {
  if (!view.person) {
    return {
      blocks: [
        {
          type: 'notice',
          level: 'info',
          text: `"${view.query}" could be several people: ${view.candidates.join(', ')}. Which one?`,
        },
      ],
      actions: view.candidates
        .slice(0, 5)
        .map((name) => ({ label: name, commandLine: `/who ${quoteOption(name)}` })),
    };
  }
  const person = view.person;
  const seen = `first seen ${person.firstSeen.slice(0, 10)}, last seen ${person.lastSeen.slice(0, 10)}`;
  const blocks: Block[] = [
    {
      type: 'person',
      name: person.name,
      roles: person.roles.slice(0, 3),
      detail: `${plural(person.statements, 'statement')}; ${seen}`,
    },
  ];
  if (view.others.length > 0)
    blocks.push({
      type: 'notice',
      level: 'info',
      text: `Others called ${view.name}: ${view.others.join(', ')}.`,
    });
  if (view.statements.length === 0) {
    blocks.push({
      type: 'notice',
      level: 'info',
      text: view.topic
        ? `No statements by ${person.name} about ${view.topic} in this window.`
        : `No statements by ${person.name} in this window.`,
    });
    return { blocks };
  }
  // One source per article: several statements from one story share its number, and a
  // statement reported again later cites every article that carried it.
  const numberOf = new Map<string, number>();
  const sources: SourceRef[] = [];
  for (const article of view.statements.flatMap((statement) => [
    statement.article,
    ...statement.alsoIn,
  ])) {
    if (numberOf.has(article.id)) continue;
    numberOf.set(article.id, sources.length + 1);
    sources.push({ n: sources.length + 1, ...article });
  }
  blocks.push(
    ...view.statements.map((statement): Block => ({
      type: 'quote',
      text: statementText(statement),
      speaker: statement.kind === 'direct' ? `${person.name} (direct quote)` : person.name,
      date: statement.dateLabel,
      citation: numberOf.get(statement.article.id)!,
      ...(statement.alsoIn.length > 0
        ? { alsoCited: statement.alsoIn.map((article) => numberOf.get(article.id)!) }
        : {}),
    })),
    {
      type: 'sources',
      items: sources.map(({ n, title, outlet, url, published }) => ({
        n,
        title,
        outlet,
        url,
        published,
      })),
    },
  );
  const actions: ReplyAction[] = [];
  if (view.more) {
    const parts = [`/who ${quoteOption(person.name)}`];
    if (args.topic ?? view.topic) parts.push(`topic:${quoteOption(args.topic ?? view.topic!)}`);
    if (args.days !== undefined) parts.push(`days:${args.days}`);
    parts.push(`page:${view.page + 1}`);
    actions.push({ label: 'More statements', commandLine: parts.join(' ') });
  }
  return { blocks, actions };
}

export default defineCommand({
  name: 'who',
  description: 'What a person said: direct quotes and reported statements with sources',
  details:
    "A person's card (full name, roles, first and last seen) and their statements, direct quotes and reported speech, newest first with date, outlet and link. A surname is enough when it names one person; several matches are offered to choose from.",
  options: {
    name: {
      type: 'string',
      description: 'Name or surname, e.g. kirby',
      required: true,
      maxLength: 100,
      autocomplete: 'person',
    },
    topic: {
      type: 'string',
      description: 'Only statements in coverage of this topic, e.g. kosovo',
      maxLength: 100,
      autocomplete: 'topic',
    },
    page: {
      type: 'integer',
      description: 'Page of statements (10 per page)',
      min: 1,
      max: 100,
    },
    days: {
      type: 'integer',
      description: 'Only the last N days',
      min: 1,
      max: 3650,
    },
  },
  run(args, { services }) {
    const view = buildWho(services.store, args.name, services.clock.now(), {
      topic: args.topic,
      days: args.days,
      page: args.page,
    });
    const reply = whoReply(view, {
      ...(args.topic !== undefined ? { topic: args.topic } : {}),
      ...(args.days !== undefined ? { days: args.days } : {}),
    });
    return { reply, data: view };
  },
});
