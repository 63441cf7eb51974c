// Which IMCO audit events are about one object: IMCO serves a server's own events, but for any
// other kind only the account's whole event list, in which an object is named by its id or its
// name in the event's header or description. The one rule the client (events on a failed wait)
// and the handlers (`imco-bridge events`) share.

/** The part of an audit event the match reads. */
export interface EventText {
  readonly header?: unknown;
  readonly description?: unknown;
}

/** Names shorter than this match too many unrelated events to mean the object. */
const MIN_NAME_LENGTH = 3;

/** The events of `all` (order kept) whose header or description names object `id` or its `name`. */
export function eventsAbout<E extends object>(all: readonly E[], id: string, name?: unknown): E[] {
  const named = typeof name === 'string' && name.length >= MIN_NAME_LENGTH ? name : undefined;
  return all.filter((e) => {
    const { header, description } = e as EventText;
    const text = `${String(header ?? '')} ${String(description ?? '')}`;
    return text.includes(id) || (named !== undefined && text.includes(named));
  });
}
