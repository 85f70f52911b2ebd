// `node server` runs the API as built from the TypeScript in this folder (`npm run build` writes build/server/).
import { existsSync } from 'node:fs';

const built = new URL('../build/server/serve.js', import.meta.url);
if (!existsSync(built)) {
  console.error('The server is not built yet: run `npm run build` (or `npm start`), then `node server` again.');
  process.exit(1);
}
await import(built.href);
