import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.ts';

/**
 * The layer rules of `docs/architecture.md`, read from its table and checked against every
 * import in `src/` and `commands/`, so the document and the code cannot drift apart.
 */

interface Layer {
  name: string;
  /** Folders (ending in `/`) or files; `<name>` stands for any one folder name. */
  files: string[];
  imports: Set<string>;
  types: Set<string>;
}

interface ImportRef {
  specifier: string;
  /** `import type` / `export type` / `import('x').T`: gone at run time. */
  typeOnly: boolean;
}

const SCANNED = ['src/', 'commands/'];
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const ANY_NAME = '<name>';

const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** The rows of the table under "## Layers" in the architecture document. */
function readLayers(markdown: string): Layer[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Layers'));
  if (!section) throw new Error('docs/architecture.md has no "## Layers" section');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => line.split('|').slice(1, -1));
  return rows.map(([name = '', files = '', imports = '', types = '']) => ({
    name: ticked(name)[0] ?? '',
    files: ticked(files),
    imports: new Set(ticked(imports)),
    types: new Set(ticked(types)),
  }));
}

/** The layer a repository path belongs to (`platforms/discord` for a `<name>` row), or null. */
function layerOf(path: string, layers: readonly Layer[]): { layer: Layer; name: string } | null {
  for (const layer of layers) {
    for (const pattern of layer.files) {
      if (pattern.includes(ANY_NAME)) {
        const [before, after] = pattern.split(ANY_NAME) as [string, string];
        if (!path.startsWith(before)) continue;
        const rest = path.slice(before.length);
        const folder = rest.split('/')[0]!;
        if (folder && rest.startsWith(`${folder}${after}`)) {
          return { layer, name: layer.name.replace(ANY_NAME, folder) };
        }
      } else if (pattern.endsWith('/') ? path.startsWith(pattern) : path === pattern) {
        return { layer, name: layer.name };
      }
    }
  }
  return null;
}

/** Every module a source file loads or names: static, re-export, dynamic, require, type. */
function importsOf(path: string, text: string): ImportRef[] {
  const kind = /\.(c|m)?js$/.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
  const found: ImportRef[] = [];
  // Only `import(...)` and `require(...)` hide inside code; without them the top level is all.
  const deep = /\b(import|require)\s*\(/.test(text);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: node.importClause?.isTypeOnly ?? false,
      });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0]!) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    if (deep) ts.forEachChild(node, visit);
  };
  source.statements.forEach(visit);
  return found;
}

/** The rule breaks among `files` (repository paths and their text), one line each. */
function violations(
  files: readonly { path: string; text: string }[],
  layers: readonly Layer[],
): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    const from = layerOf(path, layers);
    if (!from) {
      found.push(`${path} belongs to no layer of docs/architecture.md`);
      continue;
    }
    for (const { specifier, typeOnly } of importsOf(path, text)) {
      if (!specifier.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(path), specifier));
      if (!SCANNED.some((root) => target.startsWith(root))) {
        found.push(`${path} imports ${specifier}, outside the application (src/, commands/)`);
        continue;
      }
      const to = layerOf(target, layers);
      if (!to) {
        found.push(`${path} imports ${specifier}, which belongs to no layer`);
        continue;
      }
      if (to.name === from.name) continue;
      // Rules name the row (`platforms/<name>`), so one platform may not import another.
      const rule = to.layer.name;
      const allowed = from.layer.imports.has(rule) || (typeOnly && from.layer.types.has(rule));
      if (!allowed) {
        const how = typeOnly ? 'types from' : 'from';
        found.push(`${path} (${from.name}) imports ${how} ${to.name}: ${specifier}`);
      }
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) =>
      relative(repoRoot, resolve(entry.parentPath, entry.name)).split(/[\\/]/).join('/'),
    );
}

const layers = readLayers(readFileSync(join(repoRoot, 'docs/architecture.md'), 'utf8'));

describe('import boundaries (docs/architecture.md, "Layers")', () => {
  it('has a well-formed table: every layer named in a rule is a row', () => {
    const names = new Set(layers.map((layer) => layer.name));
    expect(layers.length).toBeGreaterThan(10);
    for (const layer of layers) {
      expect(layer.files.length, `${layer.name} lists its files`).toBeGreaterThan(0);
      for (const name of [...layer.imports, ...layer.types]) {
        expect(names, `${layer.name} names ${name}`).toContain(name);
      }
    }
  });

  it('holds for every file of src/ and commands/', () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(dir)).map((path) => ({
      path,
      text: readFileSync(join(repoRoot, path), 'utf8'),
    }));
    expect(files.length).toBeGreaterThan(100);
    expect(violations(files, layers)).toEqual([]);
  });

  it('reports each kind of break', () => {
    const files = [
      { path: 'src/core/a.ts', text: "import { briefing } from '../briefing/briefing-view.ts';" },
      { path: 'src/core/b.ts', text: "import type { Store } from '../corpus/store/store.ts';" },
      { path: 'src/analysis/c.ts', text: "export { x } from '../alerts/outbox.ts';" },
      { path: 'src/alerts/d.ts', text: "const m = await import('../llm/prompt.ts');" },
      { path: 'src/platforms/console/e.ts', text: "import { f } from '../telegram/chat.ts';" },
      { path: 'src/platforms/discord/f.ts', text: "import { g } from '../../../commands/who.ts';" },
      { path: 'src/sources/g.ts', text: "import { a } from '../../test/helpers/articles.ts';" },
      { path: 'src/corpus/h.cjs', text: "require('../platforms/discord/render.ts');" },
      { path: 'src/widgets/i.ts', text: '' },
      { path: 'src/cli.ts', text: "import { h } from '../commands/index.ts';" },
      { path: 'src/cli/j.ts', text: "import { r } from '../platforms/discord/render.ts';" },
    ];
    expect(violations(files, layers)).toEqual([
      'src/core/a.ts (core) imports from briefing: ../briefing/briefing-view.ts',
      'src/analysis/c.ts (analysis) imports from alerts: ../alerts/outbox.ts',
      'src/alerts/d.ts (alerts) imports from llm: ../llm/prompt.ts',
      'src/platforms/console/e.ts (platforms/console) imports from platforms/telegram: ../telegram/chat.ts',
      'src/platforms/discord/f.ts (platforms/discord) imports from commands: ../../../commands/who.ts',
      'src/sources/g.ts imports ../../test/helpers/articles.ts, outside the application (src/, commands/)',
      'src/corpus/h.cjs (corpus) imports from platforms/discord: ../platforms/discord/render.ts',
      'src/widgets/i.ts belongs to no layer of docs/architecture.md',
    ]);
  });
});
