/**
 * What the serving launchers (`npm start`, deploy/sitrep.service) add to the environment, so
 * that the benchmark's serving probe runs as a bot does: malloc in huge pages (docs/memory.md).
 * A test checks that both launchers carry it.
 */
export const SERVING_ENV: Readonly<Record<string, string>> = {
  GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1',
};
