/** Bucket naming: AWS's reserved prefixes (xn--, sthree-, amzn-s3-demo-), one check per rule. */
import { RULES } from '../../harness/naming.ts';
import { runtime } from '../../harness/runtime.ts';
import { namingRuleChecks } from '../../harness/verify/naming.ts';

namingRuleChecks(runtime(), RULES.filter((r) => r.rule.endsWith('-prefix')));
