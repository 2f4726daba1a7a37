/**
 * The metadata rules a check's literal fields must meet (meta.ts validateMeta), checked offline over
 * the source of suites/: a title over 160 characters, or an id not of the <Operation>/<slug> form,
 * used to show up only when a run loaded the file (a RUN ERROR that stops that file). Titles and ids
 * built from template expressions are judged when the file is loaded, as before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../e2e/run.ts';
import { operationOf } from './meta.ts';

function suiteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? suiteFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The literal `id` and `title` of every object literal that has both. */
function literalMetas(file: string): Array<{ id: string; title: string }> {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Array<{ id: string; title: string }> = [];
  const literal = (e: ts.Expression | undefined): string | undefined => (e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined);
  const visit = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n)) {
      const prop = (name: string): ts.Expression | undefined => {
        const p = n.properties.find((q) => ts.isPropertyAssignment(q) && ts.isIdentifier(q.name) && q.name.text === name);
        return p && ts.isPropertyAssignment(p) ? p.initializer : undefined;
      };
      const id = literal(prop('id'));
      const title = literal(prop('title'));
      if (id !== undefined && title !== undefined) out.push({ id, title });
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('literal check metadata in suites/', () => {
  const metas = suiteFiles(join(ROOT, 'suites')).flatMap((f) => literalMetas(f).map((m) => ({ ...m, file: f.slice(ROOT.length + 1) })));

  test('the scan finds the checks', () => {
    expect(metas.length).toBeGreaterThan(500);
  });

  test('every literal title is 1-160 characters', () => {
    expect(metas.filter((m) => m.title.length < 1 || m.title.length > 160).map((m) => `${m.file}: ${m.id}: ${m.title.length} characters`)).toEqual([]);
  });

  test('every literal id is <Operation>/<slug> of a known operation', () => {
    const bad = metas.flatMap((m) => {
      try {
        operationOf(m.id);
        return [];
      } catch (e) {
        return [`${m.file}: ${(e as Error).message}`];
      }
    });
    expect(bad).toEqual([]);
  });
});
