import { foldedWords } from '../folded-words.ts';

/**
 * 64-bit SimHash (Charikar 2002) over word shingles: near-identical texts get fingerprints a few
 * bits apart, so a syndicated copy with a changed headline or a trimmed paragraph is found by
 * Hamming distance (Manku et al. 2007 use at most 3 of 64 bits). Each shingle is hashed twice
 * with 32-bit FNV-1a (two seeds) into the two halves of the fingerprint.
 */
const SHINGLE = 3;

/** 32-bit FNV-1a of `text`, continuing from `hash`. */
function fnv1aOver(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Final avalanche so that similar shingles do not share high bits. */
function avalanche(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/** FNV-1a (with `avalanche`) of the words from `first` to `end` joined by single spaces. */
function shingleHash(words: readonly string[], first: number, end: number, seed: number): number {
  let hash = seed >>> 0;
  for (let i = first; i < end; i++) {
    if (i > first) hash = fnv1aOver(hash, ' ');
    hash = fnv1aOver(hash, words[i]!);
  }
  return avalanche(hash);
}

/**
 * It runs on every ingested article, so a shingle is hashed word by word rather than joined into
 * a string, and each bit counts the shingles that set it (its weight is set minus unset). The
 * counts are kept bit-sliced (`addTo`): adding a shingle's 32 bits takes about two operations
 * rather than 32.
 */
export function simhash(text: string): bigint {
  const tokens = foldedWords(text);
  const lowPlanes = new Int32Array(PLANES);
  const highPlanes = new Int32Array(PLANES);
  const count = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    const end = tokens.length >= SHINGLE ? i + SHINGLE : tokens.length;
    addTo(lowPlanes, shingleHash(tokens, i, end, 0x811c9dc5));
    addTo(highPlanes, shingleHash(tokens, i, end, 0x050c5d1f));
  }
  let fingerprint = 0n;
  for (let bit = 63; bit >= 0; bit--) {
    const ones = bit >= 32 ? countAt(highPlanes, bit - 32) : countAt(lowPlanes, bit);
    fingerprint = (fingerprint << 1n) | (2 * ones > count ? 1n : 0n);
  }
  return fingerprint;
}

/** Bit planes of the per-bit counters: enough for 2^31 shingles. */
const PLANES = 31;

/**
 * Adds each bit of `word` to its own counter. The 32 counters are stored as bit planes (plane
 * `k` holds bit `k` of every counter), so one addition is a ripple carry across the planes,
 * which stops after two planes on average.
 */
function addTo(planes: Int32Array, word: number): void {
  let carry = word | 0;
  for (let plane = 0; carry !== 0; plane++) {
    const next = planes[plane]! & carry;
    planes[plane]! ^= carry;
    carry = next;
  }
}

/** The counter of one bit position, read back from the planes. */
function countAt(planes: Int32Array, bit: number): number {
  let count = 0;
  for (let plane = 0; plane < PLANES; plane++) count += ((planes[plane]! >>> bit) & 1) * 2 ** plane;
  return count;
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
