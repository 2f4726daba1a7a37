/** Bucket naming: AWS's reserved suffixes (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3), one check per rule. */
import { namingRuleChecks, RULES } from '../../harness/api/naming.ts';
import { runtime } from '../../harness/api/index.ts';

namingRuleChecks(runtime(), RULES.filter((r) => r.rule.endsWith('-suffix')));
