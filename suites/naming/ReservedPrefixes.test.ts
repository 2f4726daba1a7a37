/** Bucket naming: AWS's reserved prefixes (xn--, sthree-, amzn-s3-demo-), one check per rule. */
import { namingRuleChecks, RULES } from '../../harness/api/naming.ts';
import { runtime } from '../../harness/api/index.ts';

namingRuleChecks(runtime(), RULES.filter((r) => r.rule.endsWith('-prefix')));
