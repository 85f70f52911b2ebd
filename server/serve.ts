// `node server` (through server/index.js): the Lindungi API and the demo page, configured by environment variables (see README).
import { startServer } from './main.js';

// `npm start` runs `node server --demo`: a demonstration operator receives reports (and says so).
if (process.argv.includes('--demo')) process.env.LINDUNGI_DEMO ??= '1';

const server = await startServer();
console.log(`Lindungi API and demo on ${server.url}/`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
