/**
 * Run as a separate process: queue reports in a file outbox while the API is unreachable, then
 * exit (the "crash"). Usage: tsx queue-reports.ts <outbox-file> <api-url> <count>
 */
import { createClient, fileStorage } from '../../src/sdk/index.js';
import { draft } from './server.js';

const [file, api, count] = process.argv.slice(2) as [string, string, string];
const client = createClient({ api, storage: fileStorage(file), timeoutMs: 500, retry: { baseMs: 60_000 } });
const results = [];
for (let i = 0; i < Number(count); i++) results.push(await client.reports.submit(draft({ description: `Queued report ${i}` })));
console.log(JSON.stringify(results));
process.exit(0);
