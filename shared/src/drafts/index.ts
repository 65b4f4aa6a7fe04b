export * from './draftNames.ts';
export * from './draftAccess.ts';
export * from './draftLimits.ts';
export * from './draftVersions.ts';
