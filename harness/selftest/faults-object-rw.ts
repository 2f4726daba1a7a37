/**
 * Faults of the object-rw area added with the depth checks (see faults.ts for the shape of a fault).
 */
import type { Fault } from './fault-kit.ts';

export const OBJECT_RW_FAULTS: Fault[] = [];
