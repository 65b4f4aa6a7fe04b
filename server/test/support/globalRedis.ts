/**
 * Vitest globalSetup: one private redis-server for the whole test run, on a free port.
 * Tests read its URL with `inject('redisUrl')` and isolate themselves by key prefix.
 */
// Imported so TypeScript can resolve the module augmented below (without it: TS2664).
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startRedisServer } from './redisServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>` of the run's redis-server. */
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startRedisServer();
  project.provide('redisUrl', server.url);
  return async () => server.stop();
}
