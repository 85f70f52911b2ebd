import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L or U: a ticket is read aloud and typed by people.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random, readable ticket such as `LDG-7K4M-Q9TX` (30^8 ≈ 6.6 × 10^11 possibilities), never a sequence. */
export function newTicket() {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `LDG-${part()}-${part()}`;
}
