/**
 * The API document and the SDK cannot drift: generates a typed client from dist/openapi.json with
 * openapi-typescript, the way a partner would, and compiles test/api-types/check.ts, which holds
 * every body the API takes or answers to be exactly the SDK's type. Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const document = JSON.parse(readFileSync('dist/openapi.json', 'utf8'));
const ast = await openapiTS(document, { silent: true });
mkdirSync('.tmp/api-types', { recursive: true });
writeFileSync('.tmp/api-types/openapi.d.ts', astToString(ast));
try {
  execFileSync('npx', ['tsc', '-p', 'test/api-types/tsconfig.json'], { stdio: 'inherit' });
} catch {
  console.error('The client generated from dist/openapi.json does not have the SDK’s types (test/api-types/check.ts names each).');
  process.exit(1);
}
console.log('The client generated from dist/openapi.json has the SDK’s types for every body.');
