import { foldedWords } from '../folded-words.ts';

/**
 * 64-bit SimHash (Charikar 2002) over word shingles: near-identical texts get fingerprints a few
 * bits apart, so a syndicated copy with a changed headline or a trimmed paragraph is found by
 * Hamming distance (Manku et al. 2007 use at most 3 of 64 bits). Each shingle is hashed twice
 * with 32-bit FNV-1a (two seeds) into the two halves of the fingerprint.
 */
const SHINGLE = 3;

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Final avalanche so that similar shingles do not share high bits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

export function simhash(text: string): bigint {
  const tokens = foldedWords(text);
  const weights = new Int32Array(64);
  const count = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    // The same string as tokens.slice(i, i + 3).join(' '), without the array.
    const shingle =
      tokens.length >= SHINGLE
        ? `${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`
        : tokens.join(' ');
    const low = fnv1a(shingle, 0x811c9dc5);
    const high = fnv1a(shingle, 0x050c5d1f);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit]! += (low >>> bit) & 1 ? 1 : -1;
      weights[bit + 32]! += (high >>> bit) & 1 ? 1 : -1;
    }
  }
  let fingerprint = 0n;
  for (let bit = 63; bit >= 0; bit--)
    fingerprint = (fingerprint << 1n) | (weights[bit]! > 0 ? 1n : 0n);
  return fingerprint;
}

export function hammingDistance(a: bigint, b: bigint): number {
  let diff = a ^ b;
  let count = 0;
  while (diff > 0n) {
    diff &= diff - 1n;
    count++;
  }
  return count;
}

/** Fingerprints are stored as 16 hex digits. */
export const toHex = (fingerprint: bigint) => fingerprint.toString(16).padStart(16, '0');
export const fromHex = (hex: string) => BigInt(`0x${hex}`);
