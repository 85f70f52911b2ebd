/**
 * Encryption at rest of every personal field (contact details and free texts): AES-256-GCM with a 32-byte key. Each value gets its own
 * random IV; the stored form is `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function seal(key: Buffer, plaintext: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** `seal` for an optional value: nothing stays nothing. */
export function sealOptional(key: Buffer, plaintext: string | undefined | null) {
  return plaintext === undefined || plaintext === null ? null : seal(key, plaintext);
}

/**
 * Open a sealed value with the key, or the first of several keys that opens it (the current key,
 * then earlier ones while a key rotation is under way). GCM's tag makes a wrong key fail, never
 * answer garbage.
 */
export function open(keys: Buffer | Buffer[], sealed: string) {
  return openWith(keys, sealed).plaintext;
}

/**
 * `open`, also answering which of the keys opened it.
 */
export function openWith(keys: Buffer | Buffer[], sealed: string): { plaintext: string; keyIndex: number } {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown sealed format');
  const ring = Array.isArray(keys) ? keys : [keys];
  for (const [keyIndex, key] of ring.entries()) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return { plaintext: Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8'), keyIndex };
    } catch {
      // Not this key: the next one.
    }
  }
  throw new Error('No data key opens this value (LINDUNGI_DATA_KEY, LINDUNGI_DATA_KEY_PREVIOUS)');
}

/**
 * Earlier data keys, from `LINDUNGI_DATA_KEY_PREVIOUS` (comma-separated, base64): they open values
 * sealed before a rotation; nothing is sealed with them.
 */
export function loadPreviousKeys(fromEnv: string | undefined): Buffer[] {
  return (fromEnv ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => {
      const key = Buffer.from(k, 'base64');
      if (key.length !== 32) throw new Error('Every key in LINDUNGI_DATA_KEY_PREVIOUS must be 32 bytes, base64-encoded');
      return key;
    });
}

/**
 * The data key: `LINDUNGI_DATA_KEY` (32 bytes, base64). Without it, the demonstration generates a
 * development key once into `devKeyFile` (`generate`), with a warning; a command run on the
 * demonstration's data folder reads that key; anything else has no key and says so.
 *
 */
export function loadDataKey(fromEnv: string | undefined, devKeyFile: string, log: (line: string) => void, options: { generate: boolean } = { generate: true }) {
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error('LINDUNGI_DATA_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  if (!existsSync(devKeyFile) && !options.generate)
    throw new Error('LINDUNGI_DATA_KEY is not set (32 random bytes, base64): it is needed to open the stored data.');
  if (!existsSync(devKeyFile)) {
    mkdirSync(dirname(devKeyFile), { recursive: true });
    writeFileSync(devKeyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
    log(`No LINDUNGI_DATA_KEY set: generated a development key in ${devKeyFile}. Set LINDUNGI_DATA_KEY in production.`);
  }
  return Buffer.from(readFileSync(devKeyFile, 'utf8').trim(), 'base64');
}
