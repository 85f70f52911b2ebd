/**
 * Writes the API's OpenAPI document, as the reference server serves it at /v1/openapi.json, to
 * dist/openapi.json: shipped in the package for generators, and linted by `npm run lint:api`.
 * Run after the server's build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { openApiDocument } from '../build/server/openapi.js';

mkdirSync('dist', { recursive: true });
writeFileSync('dist/openapi.json', `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log('Wrote dist/openapi.json');
