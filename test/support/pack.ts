/** The content pack the package ships, read fresh (a test may change its copy). */
import { readFileSync } from 'node:fs';
import type { ContentPack } from '../../src/sdk/index.js';

export const shippedPack = (): ContentPack => JSON.parse(readFileSync(new URL('../../content/ID-KH.json', import.meta.url), 'utf8'));

/** The same pack as plain JSON, for a test that breaks it on purpose at any path. */

export const shippedPackJson = (): any => shippedPack();
