import { expect } from '@open-wc/testing';
import { createClient, memoryStorage } from '../../src/sdk/index.js';

/** The SDK in a real browser: what a client attaches to the page, and when. */
describe('SDK client in the browser', () => {
  it('adds its online listener on first use of reports, not when created, and stop() removes it', async () => {
    const added: string[] = [];
    const removed: string[] = [];
    const { addEventListener: add, removeEventListener: remove } = window;
    // Watch only: the real functions still run.
    window.addEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      added.push(type);
      return (add as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      removed.push(type);
      return (remove as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.removeEventListener;
    try {
      // An address that is never reached: nothing is waiting to be sent.
      const client = createClient({ api: 'https://reports.invalid', storage: memoryStorage() });
      await new Promise((r) => setTimeout(r, 20));
      expect(added.filter((t) => t === 'online')).to.have.length(0);
      expect(await client.reports.entries()).to.deep.equal([]);
      expect(added.filter((t) => t === 'online')).to.have.length(1);
      client.reports.stop();
      expect(removed.filter((t) => t === 'online')).to.have.length(1);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });
});
