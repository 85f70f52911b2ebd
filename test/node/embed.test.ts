import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import * as v from 'valibot';
import { ApiErrorSchema } from '../../src/sdk/index.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** GET /v1/embed/{corridor}/{widget} on the real server: what a partner's server-side include fetches. */
describe('embed endpoint', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());
  const embed = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}/v1/embed/${path}`, { headers });

  it('answers a widget as HTML with its declarative shadow root, public and cacheable, for any site', async () => {
    const response = await embed('ID-KH/hotline?locale=km&emergency-only=true');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
    assert.equal(response.headers.get('Cache-Control'), 'public, max-age=300, stale-while-revalidate=86400');
    const html = await response.text();
    assert.match(html, /^<lindungi-hotline lang="km" corridor="ID-KH" emergency-only><template shadowroot="open" shadowrootmode="open"><style>/);
    assert.ok(html.includes('href="tel:117"'));
    assert.ok(html.includes('ទៅរកជំនួយនៅទីណាមុនគេ'), 'the heading in Khmer');
  });

  it('answers 304 to its ETag, and another ETag for another locale or attribute', async () => {
    const first = await embed('ID-KH/rights-card?variant=compact');
    const etag = first.headers.get('ETag')!;
    assert.match(etag, /^"[\w-]+"$/);
    await first.text();
    const again = await embed('ID-KH/rights-card?variant=compact', { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    for (const other of ['ID-KH/rights-card?variant=full', 'ID-KH/rights-card?variant=compact&locale=en']) {
      const response = await embed(other, { 'If-None-Match': etag });
      assert.equal(response.status, 200, other);
      assert.notEqual(response.headers.get('ETag'), etag, other);
      await response.text();
    }
  });

  it('renders the same bytes as lindungi/ssr would, whatever the order of the query', async () => {
    const a = await (await embed('ID-KH/stage-timeline?timeline=agreement-id-kh&compact=true&locale=en')).text();
    const b = await (await embed('ID-KH/stage-timeline?locale=en&compact=true&timeline=agreement-id-kh')).text();
    assert.equal(createHash('sha256').update(a).digest('hex'), createHash('sha256').update(b).digest('hex'));
    assert.match(a, /^<lindungi-stage-timeline lang="en" corridor="ID-KH" timeline="agreement-id-kh" compact>/);
  });

  it('refuses an attribute the widget does not have, a value it does not take, or a ticket, in the API’s error shape with the path', async () => {
    for (const [path, field] of [
      ['ID-KH/hotline?topic=documents', 'topic'],
      ['ID-KH/hotline?variant=wallet', 'variant'],
      ['ID-KH/rights-card?variant=floating', 'variant'],
      ['ID-KH/hotline?heading-level=9', 'heading-level'],
      ['ID-KH/hotline?locale=fr', 'locale'],
      ['ID-KH/hotline?country=%3Cscript%3E', 'country'],
      ['ID-KH/stage-timeline?ticket=LDG-0000-0000', 'ticket'],
      ['ID-KH/hotline?api=javascript:alert(1)', 'api'],
    ]) {
      const response = await embed(path!);
      assert.equal(response.status, 400, path);
      const body: unknown = await response.json();
      assert.ok(v.is(ApiErrorSchema, body), JSON.stringify(body));
      assert.ok(
        body.error.issues?.some((issue) => issue.path === field),
        `${path}: ${JSON.stringify(body)}`,
      );
    }
  });

  it('answers 404 for a widget or a corridor it does not have', async () => {
    for (const path of ['ID-KH/banner', 'XX-YY/hotline']) {
      const response = await embed(path);
      assert.equal(response.status, 404, path);
      assert.ok(v.is(ApiErrorSchema, await response.json()));
    }
  });
});

describe('the server-rendered demo page', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  it('is sent compressed to a browser that accepts it, and whole to one that does not', async () => {
    const get = (encoding: string | undefined) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        request(`${server.url}/server-rendered/?locale=id`, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    const plain = await get(undefined);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.toString().includes('href="tel:117"'));
    for (const [asked, decode] of [
      ['gzip', gunzipSync],
      ['gzip, deflate, br', brotliDecompressSync],
    ] as const) {
      const { headers, body } = await get(asked);
      assert.equal(headers['content-encoding'], asked === 'gzip' ? 'gzip' : 'br');
      assert.match(String(headers['vary']), /Accept-Encoding/);
      assert.ok(body.length < plain.body.length / 3, `${asked}: ${body.length} bytes of ${plain.body.length}`);
      assert.equal(decode(body).toString(), plain.body.toString(), `${asked}: the same page`);
    }
  });
});
