/**
 * summary.md: the run in a GitHub step summary: the run's state, honest numbers ("x / y",
 * required and optional apart), a table per operation, and every non-passing check with its
 * title, what it is about, expected vs observed, and every skip with its reason.
 */
import { failureOf, frac, runStateOf, scoresOf, shownVerdict, supportOf, targetTitle, VERDICT_WORDS, type ShownVerdict } from './present.ts';
import type { ResultEntry, ResultsFile } from './schema.ts';

const ICON: Record<ShownVerdict, string> = {
  pass: '✅',
  'known-deviation': '🟨',
  fail: '❌',
  'fail-optional': '🟧',
  'unexpected-pass': '⚠️',
  error: '💥',
  skipped: '⏭️',
  'not-run': '⬜',
};

function esc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function word(e: ResultEntry): string {
  const v = shownVerdict(e);
  return `${ICON[v]} ${VERDICT_WORDS[v]}`;
}

function checkCell(e: ResultEntry): string {
  return `[${esc(e.id)}](${e.spec})<br>${esc(e.title)}`;
}

export function renderMarkdown(r: ResultsFile): string {
  const s = scoresOf(r.results);
  const state = runStateOf(r);
  const run = r.run;
  const lines: string[] = [];
  lines.push(`## S3 conformance: ${esc(targetTitle(run))}${state.kind === 'complete' ? '' : ` (${state.label} run)`}`);
  lines.push('');
  if (run.description) lines.push(`_${esc(run.description)}_`, '');
  if (state.kind !== 'complete') lines.push(`> **${state.label}:** ${esc(state.detail)} The numbers below cover only what ran.`, '');
  lines.push(
    `**Required: ${frac(s.required)} pass · optional: ${frac(s.optional)} pass** · ${s.ran} of ${s.total} checks ran: ` +
      `${s.counts.pass} pass · ${s.counts['known-deviation']} known deviation · ${s.counts.fail} fail · ${s.counts['fail-optional']} fail (optional) · ` +
      `${s.counts['unexpected-pass']} unexpected pass · ${s.counts.error} error · ${s.counts.skipped} skipped${s.counts['not-run'] ? ` · ${s.counts['not-run']} not run` : ''}.`,
  );
  lines.push('');
  lines.push(
    `Target \`${esc(run.target)}\` · region \`${run.region}\` · ${run.finishedAt} · run \`${run.runId}\` · seed \`${run.seed}\` · s3-conformance ${run.toolVersion} · ` +
      `${(run.durationMs / 1000).toFixed(1)} s · ${run.requests} requests · ${run.bytesSent} B up / ${run.bytesReceived} B down`,
  );
  if (run.runErrors?.length) lines.push('', `> **Run errors (suite files that did not load, errors outside checks):** ${run.runErrors.map((e) => esc(e.split('\n')[0] ?? '')).join('; ')}`);
  if (run.leaks.length) lines.push('', `> **Buckets left behind (could not be deleted):** ${run.leaks.map((b) => `\`${b}\``).join(', ')}`);
  if (run.staleExpectations.length) lines.push('', `> Expectation entries for unknown checks: ${run.staleExpectations.join(', ')}`);

  lines.push('', '| operation | support | required pass | optional pass | known deviation | fail | fail (optional) | error | skipped |', '|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const op of [...new Set(r.results.map((e) => e.operation))]) {
    const o = scoresOf(r.results.filter((e) => e.operation === op));
    const sup = supportOf({ pass: o.required.pass + o.optional.pass, judged: o.required.judged + o.optional.judged });
    lines.push(
      `| ${op} | ${sup} | ${o.required.pass} / ${o.required.judged} | ${o.optional.pass} / ${o.optional.judged} | ${o.counts['known-deviation']} | ${o.counts.fail} | ${o.counts['fail-optional']} | ${o.counts.error + o.counts['unexpected-pass']} | ${o.counts.skipped + o.counts['not-run']} |`,
    );
  }

  const bad = r.results.filter((e) => e.verdict === 'fail' || e.verdict === 'error' || e.verdict === 'unexpected-pass');
  if (bad.length) {
    lines.push('', `### Needs attention (${bad.length})`, '', '| check | verdict | about | expected | observed | server sent |', '|---|---|---|---|---|---|');
    for (const e of bad) {
      const f = failureOf(e);
      lines.push(`| ${checkCell(e)} | ${word(e)} | ${esc(f?.field ?? '')} | ${esc(f?.expected ?? '')} | ${esc(f?.observed ?? f?.more?.split('\n')[0] ?? '')} | ${esc(f?.server ?? '')} |`);
    }
  }
  const known = r.results.filter((e) => e.verdict === 'known-deviation');
  if (known.length) {
    lines.push('', `<details><summary>Known deviations (${known.length})</summary>`, '', '| check | reason | observed |', '|---|---|---|');
    for (const e of known) lines.push(`| ${checkCell(e)} | ${esc(e.expectation?.reason ?? '')} | ${esc(failureOf(e)?.observed ?? '')} |`);
    lines.push('', '</details>');
  }
  const skipped = r.results.filter((e) => e.verdict === 'skipped');
  if (skipped.length) {
    lines.push('', `<details><summary>Skipped and not run (${skipped.length})</summary>`, '', '| check | reason |', '|---|---|');
    for (const e of skipped) lines.push(`| ${checkCell(e)} | ${esc(e.skipReason ?? 'no reason recorded')} |`);
    lines.push('', '</details>');
  }
  lines.push('');
  return lines.join('\n');
}
