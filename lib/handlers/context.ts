// TRANSITIONAL: the former names of lib/handlers/invocation-context.ts (HandlerContext, makeContext),
// kept only for modules of branches that were in flight when it was renamed (lib/handlers/kinds/,
// lib/provider/resources/). Once they import invocation-context directly, delete this file.
export * from './invocation-context';
export type { InvocationContext as HandlerContext } from './invocation-context';
export { makeInvocationContext as makeContext } from './invocation-context';
