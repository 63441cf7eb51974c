// The client's public surface: ImcoClient and everything around it, plus the IMCO object types.
// Export-only.
export * from './surface';
export type * from './types';
