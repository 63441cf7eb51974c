// Audit events: what happened to which object, at level info, warning or error. Customer events
// are served newest first by GET /audit/events (and per server by /cloud/servers/{id}/events);
// system events by GET /audit/system_events. The log is bounded to MAX_EVENTS per kind.
import { AUDIT_EVENT_KIND } from '../catalog';
import { newObjectId, rfc3339 } from './ids';
import type { ObjectStore, StoredObject } from './store';

export type EventLevel = 'info' | 'warning' | 'error';

export const EVENT_KIND = AUDIT_EVENT_KIND;
export const SYSTEM_EVENT_KIND = 'system_event';
export const MAX_EVENTS = 5000;
/** Bookkeeping key: the object an event is about. */
export const EVENT_SUBJECT = '$subject';

export interface EventSubject {
  readonly kind: string;
  readonly id: string;
}

export class AuditLog {
  constructor(private readonly store: ObjectStore) {}

  record(level: EventLevel, header: string, description: string, subject?: EventSubject): StoredObject {
    return this.add(EVENT_KIND, level, header, description, subject);
  }

  system(level: EventLevel, header: string, description: string): StoredObject {
    return this.add(SYSTEM_EVENT_KIND, level, header, description);
  }

  /** Customer events, newest first. */
  events(): StoredObject[] {
    return this.store.list(EVENT_KIND).reverse();
  }

  systemEvents(): StoredObject[] {
    return this.store.list(SYSTEM_EVENT_KIND).reverse();
  }

  /** Events about one object, newest first. */
  eventsOf(kind: string, id: string): StoredObject[] {
    return this.events().filter((e) => {
      const subject = e[EVENT_SUBJECT] as EventSubject | undefined;
      return subject?.kind === kind && subject.id === id;
    });
  }

  private add(kind: string, level: EventLevel, header: string, description: string, subject?: EventSubject): StoredObject {
    const now = Date.now();
    const event: StoredObject = {
      id: newObjectId(now),
      timestamp: rfc3339(now),
      level,
      header,
      description,
      resource_type: EVENT_KIND,
    };
    if (subject) event[EVENT_SUBJECT] = { kind: subject.kind, id: subject.id };
    this.store.insert(kind, event);
    this.store.trim(kind, MAX_EVENTS);
    return event;
  }
}
