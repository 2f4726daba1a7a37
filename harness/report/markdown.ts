/**
 * summary.md: a table per operation, printable into a GitHub step summary.
 */
import type { ResultsFile } from './schema.ts';

const ICON: Record<string, string> = {
  pass: '✅ pass',
  'known-deviation': '🟨 known deviation',
  fail: '❌ fail',
  'unexpected-pass': '⚠️ unexpected pass',
  error: '💥 error',
  skipped: '⏭️ skipped',
};

function esc(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export function renderMarkdown(r: ResultsFile): string {
  const s = r.summary;
  const lines: string[] = [];
  lines.push(`## S3 conformance: ${r.run.target}`);
  lines.push('');
  lines.push(
    `Endpoint \`${r.run.endpointHost}\` · region \`${r.run.region}\` · ${r.run.finishedAt} · seed \`${r.run.seed}\` · s3-conformance ${r.run.toolVersion} · ` +
      `${(r.run.durationMs / 1000).toFixed(1)} s · ${r.run.requests} requests · ${r.run.bytesSent} B up / ${r.run.bytesReceived} B down`,
  );
  lines.push('');
  lines.push(
    `**${s.total} checks:** ${s.pass} pass · ${s['known-deviation']} known deviation · ${s.fail} fail · ${s['unexpected-pass']} unexpected pass · ${s.error} error · ${s.skipped} skipped. ` +
      `Required-level pass rate ${pct(s.requiredPassRate)}, optional ${pct(s.optionalPassRate)}.`,
  );
  if (r.run.aborted) lines.push('', `> **Run stopped early:** ${esc(r.run.aborted)}`);
  if (r.run.runErrors?.length) lines.push('', `> **Run errors (suite files that did not load, errors outside checks):** ${r.run.runErrors.map((e) => esc(e.split('\n')[0] ?? '')).join('; ')}`);
  if (r.run.leaks.length) lines.push('', `> **Buckets left behind (could not be deleted):** ${r.run.leaks.map((b) => `\`${b}\``).join(', ')}`);
  if (r.run.staleExpectations.length) lines.push('', `> Expectation entries for unknown checks: ${r.run.staleExpectations.join(', ')}`);
  lines.push('', '| operation | pass | known deviation | fail | unexpected pass | error | skipped |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const [op, c] of Object.entries(s.byOperation)) {
    lines.push(`| ${op} | ${c.pass} | ${c['known-deviation']} | ${c.fail} | ${c['unexpected-pass']} | ${c.error} | ${c.skipped} |`);
  }
  const bad = r.results.filter((e) => e.verdict === 'fail' || e.verdict === 'error' || e.verdict === 'unexpected-pass');
  if (bad.length) {
    lines.push('', '### Needs attention', '', '| check | verdict | expected | observed |', '|---|---|---|---|');
    for (const e of bad) {
      lines.push(`| [${e.id}](${e.spec}) | ${ICON[e.verdict]} | ${esc(e.error?.expected ?? '')} | ${esc(e.error?.observed ?? e.error?.message.split('\n')[0] ?? '')} |`);
    }
  }
  const known = r.results.filter((e) => e.verdict === 'known-deviation');
  if (known.length) {
    lines.push('', '<details><summary>Known deviations (' + known.length + ')</summary>', '', '| check | reason | observed |', '|---|---|---|');
    for (const e of known) lines.push(`| [${e.id}](${e.spec}) | ${esc(e.expectation?.reason ?? '')} | ${esc(e.error?.observed ?? '')} |`);
    lines.push('', '</details>');
  }
  lines.push('');
  return lines.join('\n');
}
