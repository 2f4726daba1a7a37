/**
 * The general purpose bucket naming rules as a model: `classify(name)` says whether a name is
 * valid, or which rules it breaks. Each rule carries its source: the AWS user guide's
 * "General purpose bucket naming rules" list (the current contract), and whether the provider's
 * own guide (../shared/docs/s3-compatible-api-guide.md, "Create Bucket") lists it too.
 *
 * Modelling choices (documented here, tested in naming.test.ts):
 * - "formatted as an IP address": four dot-separated groups of decimal digits. The model is
 *   conservative: 256.1.1.1 or 01.2.3.4 count as IP-shaped too (servers differ on them: RGW
 *   rejects any four digit groups, Swift only real dotted quads), so valid-name generators never
 *   produce them and invalid-name generators only produce real IPv4 addresses (each 0-255, no
 *   leading zero), where every reading agrees.
 * - "begin and end with a letter or number": judged on ASCII letters and digits; an uppercase
 *   first letter breaks only the character-set rule.
 * - A dot next to a hyphen ("a.-b") is not a current AWS rule (the legacy DNS-label rules and
 *   Swift s3api reject it). `legacyDnsClean` lets generators avoid it on both sides, so no check
 *   depends on it.
 */

export const NAMING_RULES_URL = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html';
export const NAMING_RULES_SPEC = `${NAMING_RULES_URL}#general-purpose-bucket-names`;

export type NamingRule =
  | 'length'
  | 'charset'
  | 'start-end'
  | 'adjacent-periods'
  | 'ip-address'
  | 'xn-prefix'
  | 'sthree-prefix'
  | 'amzn-s3-demo-prefix'
  | 's3alias-suffix'
  | 'ol-s3-suffix'
  | 'mrap-suffix'
  | 'x-s3-suffix'
  | 'table-s3-suffix';

export interface RuleInfo {
  rule: NamingRule;
  /** The rule as the AWS page words it. */
  text: string;
  /** Where the rule comes from. */
  source: string;
  /** Listed in the provider's guide ("Create Bucket"). */
  providerGuide: boolean;
  test: (name: string) => boolean;
}

const AWS = 'AWS S3 User Guide, "General purpose bucket naming rules"';
const PROVIDER = ' and the provider guide ("Create Bucket")';

const prefix = (p: string) => (n: string) => n.startsWith(p);
const suffix = (s: string) => (n: string) => n.endsWith(s);

/** Broken-rule predicates: true when the name breaks the rule. Order = report order. */
export const RULES: readonly RuleInfo[] = [
  { rule: 'length', text: 'Bucket names must be between 3 (min) and 63 (max) characters long.', source: AWS + PROVIDER, providerGuide: true, test: (n) => n.length < 3 || n.length > 63 },
  { rule: 'charset', text: 'Bucket names can consist only of lowercase letters, numbers, periods (.), and hyphens (-).', source: AWS + PROVIDER, providerGuide: true, test: (n) => !/^[a-z0-9.-]*$/.test(n) },
  { rule: 'start-end', text: 'Bucket names must begin and end with a letter or number.', source: AWS + PROVIDER, providerGuide: true, test: (n) => n.length > 0 && (!/^[A-Za-z0-9]/.test(n) || !/[A-Za-z0-9]$/.test(n)) },
  { rule: 'adjacent-periods', text: 'Bucket names must not contain two adjacent periods.', source: AWS, providerGuide: false, test: (n) => n.includes('..') },
  { rule: 'ip-address', text: 'Bucket names must not be formatted as an IP address (for example, 192.168.5.4).', source: AWS + PROVIDER, providerGuide: true, test: (n) => /^\d+\.\d+\.\d+\.\d+$/.test(n) },
  { rule: 'xn-prefix', text: 'Bucket names must not start with the prefix xn--.', source: AWS + PROVIDER, providerGuide: true, test: prefix('xn--') },
  { rule: 'sthree-prefix', text: 'Bucket names must not start with the prefix sthree- (which covers sthree-configurator).', source: AWS, providerGuide: false, test: prefix('sthree-') },
  { rule: 'amzn-s3-demo-prefix', text: 'Bucket names must not start with the prefix amzn-s3-demo-.', source: AWS, providerGuide: false, test: prefix('amzn-s3-demo-') },
  { rule: 's3alias-suffix', text: 'Bucket names must not end with the suffix -s3alias (access point aliases).', source: AWS, providerGuide: false, test: suffix('-s3alias') },
  { rule: 'ol-s3-suffix', text: 'Bucket names must not end with the suffix --ol-s3 (Object Lambda Access Point aliases).', source: AWS, providerGuide: false, test: suffix('--ol-s3') },
  { rule: 'mrap-suffix', text: 'Bucket names must not end with the suffix .mrap (Multi-Region Access Points).', source: AWS, providerGuide: false, test: suffix('.mrap') },
  { rule: 'x-s3-suffix', text: 'Bucket names must not end with the suffix --x-s3 (directory buckets).', source: AWS, providerGuide: false, test: suffix('--x-s3') },
  { rule: 'table-s3-suffix', text: 'Bucket names must not end with the suffix --table-s3 (S3 Tables buckets).', source: AWS, providerGuide: false, test: suffix('--table-s3') },
];

export const RULE_NAMES: readonly NamingRule[] = RULES.map((r) => r.rule);

export function ruleInfo(rule: NamingRule): RuleInfo {
  const r = RULES.find((x) => x.rule === rule);
  if (!r) throw new Error(`unknown naming rule ${rule}`);
  return r;
}

export type Classification = { valid: true } | { valid: false; broken: NamingRule[] };

/** Which of AWS's general purpose bucket naming rules a name breaks (in RULES order). */
export function classify(name: string): Classification {
  const broken = RULES.filter((r) => r.test(name)).map((r) => r.rule);
  return broken.length === 0 ? { valid: true } : { valid: false, broken };
}

export function isValidBucketName(name: string): boolean {
  return classify(name).valid;
}

/** True when the name breaks exactly this one rule. */
export function breaksExactly(name: string, rule: NamingRule): boolean {
  const c = classify(name);
  return !c.valid && c.broken.length === 1 && c.broken[0] === rule;
}

/** No dot next to a hyphen: not a current AWS rule, but legacy DNS-label rules (and Swift) reject it. */
export function legacyDnsClean(name: string): boolean {
  return !name.includes('.-') && !name.includes('-.');
}

/** A real dotted-quad IPv4 address (each group 0-255, no leading zeros): IP-shaped under every reading. */
export function isStrictIpv4(name: string): boolean {
  return /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(name);
}
