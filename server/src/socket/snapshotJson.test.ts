import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audiencesOf, projectState } from '@dr/shared';
import { stepsArbitrary } from '../../../shared/src/domain/roomArbitraries.ts';
import { play } from '../../../shared/src/domain/roomSession.ts';
import { SnapshotJson } from './snapshotJson.ts';

describe('SnapshotJson', () => {
  it('encodes exactly what projectState gives, for every audience after every step of random sessions', () => {
    fc.assert(
      fc.property(stepsArbitrary({}, 30), (steps) => {
        const encoder = new SnapshotJson();
        play(steps, {
          afterStep: (run) => {
            const { state, version } = { state: run.room.state, version: run.room.log.length - 1 };
            for (const audience of audiencesOf(state)) {
              expect(JSON.parse(encoder.encode(version, state, audience))).toEqual({ version, state: projectState(state, audience) });
            }
          },
        });
      }),
      { numRuns: 60 },
    );
  });

  it('never carries a token hash, even from a cached participant', () => {
    const encoder = new SnapshotJson();
    const run = play([{ kind: 'join' }]);
    const state = run.room.state;
    expect(JSON.stringify(state)).toContain('tokenHash');
    for (const audience of audiencesOf(state)) expect(encoder.encode(1, state, audience)).not.toContain('tokenHash');
  });

  it('gives a new version its own snapshot even when the state object is the same', () => {
    const encoder = new SnapshotJson();
    const state = play([]).room.state;
    expect(JSON.parse(encoder.encode(3, state, 'participant')).version).toBe(3);
    expect(JSON.parse(encoder.encode(4, state, 'participant')).version).toBe(4);
  });
});
