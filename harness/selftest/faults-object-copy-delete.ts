/**
 * Faults of the object-copy-delete area added with the depth checks (see faults.ts for the shape of a fault).
 */
import type { Fault } from './fault-kit.ts';

export const OBJECT_COPY_DELETE_FAULTS: Fault[] = [];
