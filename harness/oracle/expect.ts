/**
 * Shared verifiers. Every failure says what the contract expects and what the target did,
 * so a report reads "expected … / observed …" (h2spec's TestError, Autobahn's outcome).
 */
import { isTransportError } from '../transport/http.ts';
import type { RawResponse } from '../transport/raw.ts';

export class ConformanceError extends Error {
  readonly expected: string;
  readonly observed: string;
  readonly notImplemented: boolean;
  constructor(message: string, expected: string, observed: string, notImplemented = false) {
    super(`${message}\n  expected: ${expected}\n  observed: ${observed}${notImplemented ? '\n  (the target answered 501 NotImplemented: the operation is not implemented)' : ''}`);
    this.name = 'ConformanceError';
    this.expected = expected;
    this.observed = observed;
    this.notImplemented = notImplemented;
  }
}

/** What an S3 error answer looked like. */
export interface Observed {
  status?: number;
  code?: string;
  message?: string;
  requestId?: string;
}

export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return '(absent)';
  if (v instanceof Uint8Array) return `<${v.byteLength} bytes>`;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

export function fail(message: string, expected: unknown, observed: unknown, notImplemented = false): never {
  throw new ConformanceError(message, typeof expected === 'string' ? expected : show(expected), typeof observed === 'string' ? observed : show(observed), notImplemented);
}

/** Pull status and code out of an SDK error (S3ServiceException) or anything thrown. */
export function observeError(e: unknown): Observed {
  if (typeof e !== 'object' || e === null) return { message: String(e) };
  const o = e as { name?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
  const out: Observed = {};
  if (o.$metadata?.httpStatusCode !== undefined) out.status = o.$metadata.httpStatusCode;
  const code = o.Code ?? o.name;
  if (code !== undefined) out.code = code;
  if (o.message !== undefined) out.message = o.message;
  if (o.$metadata?.requestId !== undefined) out.requestId = o.$metadata.requestId;
  return out;
}

export function isServiceError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined;
}

export interface ErrorSpec {
  status: number;
  /** The contract's error code; a list where the contract allows several. Omit for bodiless answers (HEAD). */
  code?: string | readonly string[];
}

function describeSpec(want: ErrorSpec): string {
  const codes = want.code === undefined ? '' : typeof want.code === 'string' ? ` ${want.code}` : ` ${want.code.join(' | ')}`;
  return `${want.status}${codes}`;
}

function describeObserved(o: Observed): string {
  return `${o.status ?? '?'} ${o.code ?? ''}${o.message ? ` (${o.message.slice(0, 160)})` : ''}`.trim();
}

function codeMatches(want: ErrorSpec, code: string | undefined): boolean {
  if (want.code === undefined) return true;
  return typeof want.code === 'string' ? code === want.code : want.code.includes(code ?? '');
}

/**
 * The promise (an SDK call) must fail with the given status and error code.
 * Resolving, or failing with anything else, is a ConformanceError; transport errors pass through.
 */
export async function expectS3Error(p: Promise<unknown>, want: ErrorSpec, what = 'request'): Promise<Observed> {
  let result: unknown;
  try {
    result = await p;
  } catch (e) {
    if (isTransportError(e) || !isServiceError(e)) throw e;
    const o = observeError(e);
    if (o.status !== want.status || !codeMatches(want, o.code)) {
      fail(`${what}: wrong error`, describeSpec(want), describeObserved(o), o.status === 501 || o.code === 'NotImplemented');
    }
    return o;
  }
  const status = (result as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  return fail(`${what}: the target accepted a request the contract rejects`, describeSpec(want), `${status ?? '2xx'} success`);
}

/** The raw response must be the given error: status, and (for a body-carrying method) the XML <Error><Code>. */
export function expectRawError(res: RawResponse, want: ErrorSpec, what = 'request'): Observed {
  const err = res.error();
  const o: Observed = { status: res.status };
  if (err?.code !== undefined) o.code = err.code;
  if (err?.message !== undefined) o.message = err.message;
  if (err?.requestId !== undefined) o.requestId = err.requestId;
  if (res.status !== want.status || !codeMatches(want, o.code)) {
    const body = err ? '' : res.body.length ? ` body: ${res.text().slice(0, 200)}` : ' (empty body)';
    fail(`${what}: wrong answer`, describeSpec(want), `${describeObserved(o)}${want.code !== undefined && !err ? body : ''}`, res.status === 501);
  }
  return o;
}

/**
 * The raw response must be the given error with the envelope AWS gives every REST error answer
 * (UsingRESTError.html, ErrorResponses.html): x-amz-request-id and x-amz-id-2 headers (every
 * operation's answer), and — unless it answers a HEAD, which has no body — Content-Type
 * application/xml and an <Error> document with a non-empty <Code>, <Message> and <RequestId>.
 * Every field is judged, and the failure names all that are wrong, in brackets: a server pinned for
 * lacking one field fails anew (a different first line) when it also loses another.
 */
export function expectErrorEnvelope(res: RawResponse, want: ErrorSpec, what = 'request', head = false): void {
  expectRawError(res, want, what);
  const wrong: Array<[field: string, observed: string]> = [];
  if (!head) {
    const type = res.headers['content-type'];
    if (type === undefined || !/^(application|text)\/xml\b/.test(type)) wrong.push(['Content-Type', show(type)]);
    const err = res.error();
    if (!err) wrong.push(['<Error> document', show(res.text().slice(0, 120))]);
    else {
      if (!err.message) wrong.push(['<Error><Message>', show(err.message)]);
      if (!err.requestId) wrong.push(['<Error><RequestId>', show(err.requestId)]);
    }
  }
  for (const h of ['x-amz-request-id', 'x-amz-id-2']) {
    const v = res.headers[h];
    if (!v || !/\S/.test(v)) wrong.push([`header ${h}`, show(v)]);
  }
  if (wrong.length) {
    fail(
      `${what}: error envelope wrong in [${wrong.map(([f]) => f).join(', ')}]`,
      head ? 'non-empty x-amz-request-id and x-amz-id-2 headers' : 'Content-Type application/xml; an <Error> with non-empty Code, Message, RequestId; non-empty x-amz-request-id and x-amz-id-2 headers',
      wrong.map(([f, o]) => `${f} ${o}`).join('; '),
    );
  }
}

/**
 * Fields of an XML error body, each equal to its expected value: all are judged, and the failure names
 * every wrong one in brackets (`Error/[ArgumentName, ArgumentValue]`), so a server pinned for one wrong
 * field fails anew when another goes wrong too.
 */
export function expectErrorFields(res: RawResponse, fields: Record<string, string>): void {
  const err = res.error() ?? {};
  // parseS3Error names an element <ArgumentName> as `argumentName`.
  const observed = Object.fromEntries(Object.keys(fields).map((name) => [name, err[name.charAt(0).toLowerCase() + name.slice(1)]]));
  expectFields('Error', observed, fields);
}

/**
 * Several fields of one answer judged together, like expectErrorFields: the failure names every
 * wrong one in one bracketed list (`<where>/[A, B]`), so a pin on one wrong field does not hide another.
 */
export function expectFields(where: string, observed: Record<string, unknown>, expected: Record<string, string>): void {
  const wrong = Object.entries(expected).filter(([name, want]) => observed[name] !== want);
  if (!wrong.length) return;
  fail(
    `${where}/[${wrong.map(([n]) => n).join(', ')}]`,
    wrong.map(([n, want]) => (wrong.length > 1 ? `${n} ${show(want)}` : show(want))).join('; '),
    wrong.map(([n]) => (wrong.length > 1 ? `${n} ${show(observed[n])}` : show(observed[n]))).join('; '),
  );
}

export function expectStatus(res: { status: number } | RawResponse, status: number | readonly number[], what = 'request'): void {
  const ok = typeof status === 'number' ? res.status === status : status.includes(res.status);
  if (!ok) {
    const err = 'error' in res && typeof res.error === 'function' ? res.error() : undefined;
    const detail = err ? ` ${err.code ?? ''} ${err.message ? `(${err.message.slice(0, 160)})` : ''}` : '';
    fail(`${what}: wrong status`, typeof status === 'number' ? String(status) : status.join(' | '), `${res.status}${detail}`.trim(), res.status === 501);
  }
}

/** Strict equality of one field, with both sides in the message. */
export function expectEqual<T>(what: string, observed: T, expected: T): void {
  if (!Object.is(observed, expected) && show(observed) !== show(expected)) fail(what, show(expected), show(observed));
}

export function expectMatch(what: string, observed: string | undefined, pattern: RegExp): void {
  if (observed === undefined || !pattern.test(observed)) fail(what, `matching ${String(pattern)}`, show(observed));
}

export function expectHeader(headers: Record<string, string>, name: string, expected: string | RegExp): string {
  const v = headers[name.toLowerCase()];
  if (typeof expected === 'string') expectEqual(`header ${name}`, v, expected);
  else expectMatch(`header ${name}`, v, expected);
  return v as string;
}

export function expectTrue(what: string, cond: boolean, expected: string, observed: unknown): void {
  if (!cond) fail(what, expected, observed);
}

/** Run a request the contract says must succeed; a service error becomes a failure naming the step. */
export async function step<T>(what: string, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isTransportError(e) || !isServiceError(e)) throw e;
    const o = observeError(e);
    return fail(`${what} failed`, 'success (2xx)', describeObserved(o), o.status === 501 || o.code === 'NotImplemented');
  }
}

/** RFC 7231 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT". */
export const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
/** ISO 8601 timestamp as S3 writes it in XML (e.g. 2006-02-03T16:45:09.000Z). */
export const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
/** A quoted hex MD5 ETag. */
export const MD5_ETAG = /^"[0-9a-f]{32}"$/;
