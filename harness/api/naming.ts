/** Verifiers of the naming area. */
export * from '../verify/naming.ts';
/** The bucket naming rules as a model (classification of a name against each rule). */
export * from '../oracle/naming.ts';
