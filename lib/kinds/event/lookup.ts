// Synth-time lookup of the newest audit events (imco.context.json), against the live catalogue.
import { LookupError, type KindLookup } from '../../synth/resolve-lookup';

export const auditEventsLookup: KindLookup = async (q, list) => {
  const m = /^latest (\d{1,3})$/.exec(q.name);
  if (!m) throw new LookupError(`audit events lookup '${q.name}' must be named 'latest <n>' (n from 1 to 999)`);
  const events = (await list('event')).slice(0, Number(m[1]));
  return {
    id: String(events[0]?.id ?? ''),
    name: q.name,
    events: events.map((e) => `${String(e.timestamp)} ${String(e.level)} ${String(e.header)}`),
  };
};
