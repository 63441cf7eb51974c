// The one rule for which audit events are about an object (lib/core/event-match.ts).
import { eventsAbout } from '../../lib/core/event-match';

const events = [
  { id: 'e1', header: 'Firewall profile fw-123 updated', description: '' },
  { id: 'e2', header: 'VPC created', description: 'VPC shop-vpc is ready' },
  { id: 'e3', header: 'Server s-9 booted', description: 'fw-1234 unrelated' },
  { id: 'fw-123', header: 'Template saved', description: 'nothing about the profile' },
];

test('an event names the object by id or by name, in its header or description; order is kept', () => {
  expect(eventsAbout(events, 'fw-123').map((e) => e.id)).toEqual(['e1', 'e3']);
  expect(eventsAbout(events, 'vpc-7', 'shop-vpc').map((e) => e.id)).toEqual(['e2']);
});

test("an event's own fields other than header and description, and names under 3 characters, do not match", () => {
  expect(eventsAbout(events, 'fw-999', 'ok').map((e) => e.id)).toEqual([]);
  expect(eventsAbout(events, 'absent', 42).map((e) => e.id)).toEqual([]);
});
