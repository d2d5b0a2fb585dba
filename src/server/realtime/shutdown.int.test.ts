import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, signIn, type World, openSpace } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { listen, SocketClient } from './test-client.js';

let t: TestApp;
let world: World;
let closed = false;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  await openSpace(t, world.groupA, [world.participantA.id, world.clinicianA.id]);
});

afterAll(async () => {
  if (!closed) await t?.close();
});

describe('stopping the server', () => {
  it('closes every live socket with 1001 "going away", subscribed or not, and then stops', async () => {
    const url = await listen(t);
    const [alice, clinician] = await Promise.all([signIn(t, world.participantA), signIn(t, world.clinicianA)]);
    const subscribed = await SocketClient.open(url, alice);
    await subscribed.subscribe(world.groupA);
    const idle = await SocketClient.open(url, clinician);

    const stopping = t.close();
    closed = true;
    const codes = await Promise.all([subscribed.closedWith(), idle.closedWith()]);
    await stopping;

    expect(codes).toEqual([
      { code: 1001, reason: 'Server shutting down' },
      { code: 1001, reason: 'Server shutting down' },
    ]);
    await expect(SocketClient.open(url, alice)).rejects.toThrow();
  });
});
