/**
 * Faults of the auth area added with the depth checks (see faults.ts for the shape of a fault).
 */
import type { Fault } from './fault-kit.ts';

export const AUTH_FAULTS: Fault[] = [];
