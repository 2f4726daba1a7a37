/**
 * Field mutants: the answers of an operation with one response field removed — an XML element of a
 * success or error body, or a header. Run through the fault proxy (harness/cli/mutants.ts), a mutant
 * that makes no check of its operation fail is a field no check asserts: a gap in depth, or a field AWS
 * does not define (a server's own extension). Pure functions here; the driver needs servers.
 */
import type { ProxyResponse } from './proxy.ts';

/**
 * Headers every answer has for transport reasons, or whose value no check can pin, or that the proxy
 * cannot remove (Node's HTTP server adds a Date to every answer): not mutated.
 */
export const UNMUTATED_HEADERS: ReadonlySet<string> = new Set([
  'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'server', 'vary',
  'x-trans-id', 'x-openstack-request-id',
]);

export interface Mutant {
  /** `2xx` (a success answer) or `err` (an error answer). */
  cls: '2xx' | 'err';
  kind: 'element' | 'header';
  /** The element's tag or the header's lower-case name. */
  name: string;
}

export const mutantLabel = (m: Mutant): string => `${m.cls} ${m.kind === 'element' ? `<${m.name}>` : m.name}`;

/** An XML body (not an object's bytes that happen to contain "<"). */
export function isXmlBody(res: Pick<ProxyResponse, 'headers' | 'body'>): boolean {
  const type = String(res.headers['content-type'] ?? '');
  const head = res.body.subarray(0, 64).toString('utf8').trimStart();
  return (type === '' || /xml/i.test(type)) && (head.startsWith('<?xml') || /^<[A-Za-z]/.test(head));
}

/** The mutants an answer offers: each element tag of its XML body, each header but the transport ones. */
export function mutantsOf(res: Pick<ProxyResponse, 'status' | 'headers' | 'body'>): Mutant[] {
  const cls = res.status < 300 ? '2xx' : 'err';
  const out: Mutant[] = [];
  for (const h of Object.keys(res.headers)) if (!UNMUTATED_HEADERS.has(h.toLowerCase())) out.push({ cls, kind: 'header', name: h.toLowerCase() });
  if (isXmlBody(res)) {
    const seen = new Set<string>();
    for (const m of res.body.toString('utf8').matchAll(/<([A-Za-z][A-Za-z0-9]*)[\s>/]/g)) {
      const tag = m[1] as string;
      // The root of an error document is what makes it one; removing it is not a field mutant.
      if (tag === 'Error' && cls === 'err') continue;
      if (!seen.has(tag)) out.push({ cls, kind: 'element', name: tag });
      seen.add(tag);
    }
  }
  return out;
}

/** The answer with the mutant's field removed (every occurrence), or undefined when it has none. */
export function applyMutant(m: Mutant, res: ProxyResponse): ProxyResponse | undefined {
  if ((m.cls === '2xx') !== (res.status < 300)) return undefined;
  if (m.kind === 'header') {
    if (res.headers[m.name] === undefined) return undefined;
    const headers = { ...res.headers };
    delete headers[m.name];
    return { ...res, headers };
  }
  if (!isXmlBody(res)) return undefined;
  const xml = res.body.toString('utf8');
  const cut = xml.replace(new RegExp(`<${m.name}(\\s[^>]*)?/>|<${m.name}(\\s[^>]*)?>[\\s\\S]*?</${m.name}>`, 'g'), '');
  return cut === xml ? undefined : { ...res, body: Buffer.from(cut) };
}
