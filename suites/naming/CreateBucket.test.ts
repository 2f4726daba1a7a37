/**
 * Bucket naming: the core rules (length, characters, first/last character, adjacent periods,
 * IP addresses), one check per rule; the reserved AWS prefixes and suffixes are in
 * ReservedPrefixes/ReservedSuffixes.test.ts, valid names in ValidNames.test.ts (files run in parallel).
 * Model, sources and generators: harness/naming.ts, fixtures/arbitraries/bucket-names.ts.
 */
import { namingRuleChecks, RULES } from '../../harness/api/naming.ts';
import { runtime } from '../../harness/api/index.ts';

const CORE = new Set(['length', 'charset', 'start-end', 'adjacent-periods', 'ip-address']);
namingRuleChecks(runtime(), RULES.filter((r) => CORE.has(r.rule)));
