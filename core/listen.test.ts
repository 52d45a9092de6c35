import { afterEach, describe, expect, it } from 'vitest';
import { listen, type StartedServer } from './listen.ts';

describe('listen', () => {
  let started: StartedServer | undefined;
  afterEach(() => started?.stop());

  it("keeps the connections of a client's consecutive requests open", async () => {
    started = await listen((_req, res) => res.end('ok'));
    let connections = 0;
    started.server.on('connection', () => (connections += 1));

    const bodies = [];
    for (let i = 0; i < 10; i += 1) bodies.push(await (await fetch(started.url)).text());

    expect(bodies).toEqual(Array(10).fill('ok'));
    // fetch may open a second connection while the first is not yet back in its pool, never a
    // third for one request at a time; a server that drops idle connections costs one each.
    expect(connections).toBeLessThanOrEqual(2);
  });

  it('listens on loopback by default', async () => {
    started = await listen((_req, res) => res.end());

    expect(started.url).toBe(`http://127.0.0.1:${started.port}`);
  });
});
