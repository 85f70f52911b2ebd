/**
 * `npm run bench:body-limit`: four 300 MB chunked bodies at once to the desk's sign-in, against a
 * `node server` process on loopback; prints each answer and the server's resident memory before
 * and after (peak). The body limit must answer 413 without reading them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = 8000 + Math.floor(Math.random() * 1000);
const dir = mkdtempSync(join(tmpdir(), 'lindungi-body-limit-'));
const child = spawn(process.execPath, ['server'], {
  env: { ...process.env, PORT: String(port), LINDUNGI_DATA_DIR: dir, LINDUNGI_DATA_KEY: Buffer.alloc(32, 3).toString('base64') },
  stdio: 'ignore',
});
const memory = () =>
  Object.fromEntries(
    readFileSync(`/proc/${child.pid}/status`, 'utf8')
      .split('\n')
      .filter((l) => /^Vm(RSS|HWM):/.test(l))
      .map((l) => l.split(/:\s+/)),
  );
try {
  for (let i = 0; i < 50; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const before = memory();
  const chunk = new Uint8Array(1024 * 1024).fill(120);
  const send = () => {
    let left = 300;
    return fetch(`http://127.0.0.1:${port}/v1/desk/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}` },
      body: new ReadableStream({ pull: (c) => (left-- > 0 ? c.enqueue(chunk) : c.close()) }),
      duplex: 'half',
    }).then(
      (r) => String(r.status),
      (e) => `connection cut (${e.cause?.message ?? e.message})`,
    );
  };
  const answers = await Promise.all([send(), send(), send(), send()]);
  console.log(`answers: ${answers.join(', ')}`);
  console.log(`server memory before: ${before.VmRSS}; after: ${memory().VmRSS}; peak: ${memory().VmHWM}`);
} finally {
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}
