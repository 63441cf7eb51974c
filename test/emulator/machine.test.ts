// Unit tests of the state machine: first step at once, one step per tick, GONE removes, a new
// transition replaces a pending one, queued steps, and resuming persisted transitions.
import { GONE, StateMachine, type Transition } from '../../lib/emulator/machine';
import { ObjectStore, type StoredObject } from '../../lib/emulator/store';

const TICK = 100;

function setup() {
  const store = new ObjectStore();
  const seen: string[] = [];
  const gone: string[] = [];
  const machine = new StateMachine(store, TICK, {
    onState: (_kind, obj, previous, next) => seen.push(`${obj.id}:${String(previous)}->${next}`),
    onGone: (_kind, obj) => gone.push(obj.id),
  });
  const server: StoredObject = store.insert('server', { id: 's1', state: undefined });
  return { store, machine, seen, gone, server };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('applies the first step at once and each following step one tick later', () => {
  const { machine, server, seen } = setup();
  machine.start('server', server, ['booting', 'bootstrapping', 'operational']);
  expect(server.state).toBe('booting');
  jest.advanceTimersByTime(TICK - 1);
  expect(server.state).toBe('booting');
  jest.advanceTimersByTime(1);
  expect(server.state).toBe('bootstrapping');
  jest.advanceTimersByTime(TICK);
  expect(server.state).toBe('operational');
  expect(machine.idle()).toBe(true);
  expect(seen).toEqual(['s1:undefined->booting', 's1:booting->bootstrapping', 's1:bootstrapping->operational']);
});

it('removes the object on the GONE step and calls onGone first', () => {
  const { machine, server, store, gone } = setup();
  machine.start('server', server, ['decommissioning', GONE]);
  expect(store.get('server', 's1')?.state).toBe('decommissioning');
  jest.advanceTimersByTime(TICK);
  expect(store.get('server', 's1')).toBeUndefined();
  expect(gone).toEqual(['s1']);
});

it('applies the final patch together with the last step only', () => {
  const { machine, server } = setup();
  machine.start('server', server, ['compiling', 'ready'], { error_message: 'done' });
  expect(server.error_message).toBeUndefined();
  jest.advanceTimersByTime(TICK);
  expect(server).toMatchObject({ state: 'ready', error_message: 'done' });
});

it('replaces a pending transition with a new one', () => {
  const { machine, server } = setup();
  machine.start('server', server, ['booting', 'bootstrapping', 'operational']);
  machine.start('server', server, ['shutting_down', 'inactive']);
  jest.advanceTimersByTime(TICK * 5);
  expect(server.state).toBe('inactive');
});

it('queues steps after pending ones, and starts them at once when nothing is pending', () => {
  const { machine, server, store } = setup();
  machine.start('server', server, ['commissioning', 'inactive']);
  machine.enqueue('server', server, ['booting', 'operational']);
  expect(machine.settledState('server', server)).toBe('operational');
  jest.advanceTimersByTime(TICK);
  expect(server.state).toBe('inactive');
  jest.advanceTimersByTime(TICK);
  expect(server.state).toBe('booting');
  jest.advanceTimersByTime(TICK);
  expect(server.state).toBe('operational');
  const other = store.insert('server', { id: 's2', state: 'inactive' });
  machine.enqueue('server', other, ['booting']);
  expect(other.state).toBe('booting');
});

it('exports pending transitions and resumes them (overdue steps at once, later ones within a tick)', () => {
  const first = setup();
  first.machine.start('server', first.server, ['booting', 'bootstrapping', 'operational']);
  const saved: Transition[] = first.machine.export();
  first.machine.stop();
  expect(saved).toEqual([{ kind: 'server', id: 's1', steps: ['bootstrapping', 'operational'], nextAt: expect.any(Number) }]);

  const second = setup();
  second.server.state = 'booting';
  const overdue = saved.map((t) => ({ ...t, nextAt: Date.now() - 10 * TICK }));
  second.machine.resume(overdue);
  expect(second.server.state).toBe('operational');

  const third = setup();
  third.server.state = 'booting';
  third.machine.resume(saved.map((t) => ({ ...t, nextAt: Date.now() + 3_600_000 })));
  jest.advanceTimersByTime(TICK);
  expect(third.server.state).toBe('bootstrapping');
});

it('drops transitions of objects that no longer exist and resolves whenIdle', async () => {
  const { machine, server, store } = setup();
  machine.start('server', server, ['booting', 'operational']);
  const idle = machine.whenIdle();
  store.remove('server', 's1');
  jest.advanceTimersByTime(TICK);
  await expect(idle).resolves.toBeUndefined();
  expect(machine.idle()).toBe(true);
});

it('brings pending steps within one new tick when the tick shrinks', () => {
  const { machine, server } = setup();
  machine.setTick(3_600_000);
  machine.start('server', server, ['booting', 'operational']);
  jest.advanceTimersByTime(TICK * 10);
  expect(server.state).toBe('booting');
  machine.setTick(TICK);
  jest.advanceTimersByTime(TICK);
  expect(server.state).toBe('operational');
});
