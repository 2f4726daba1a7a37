/** Bucket naming: AWS's reserved suffixes (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3), one check per rule. */
import { RULES } from '../../harness/naming.ts';
import { runtime } from '../../harness/runtime.ts';
import { namingRuleChecks } from '../../harness/verify/naming.ts';

namingRuleChecks(runtime(), RULES.filter((r) => r.rule.endsWith('-suffix')));
