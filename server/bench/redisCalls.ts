/**
 * Counts the round trips this process makes to Redis through ioredis: one per command
 * sent on its own, one per pipeline or MULTI (however many commands it carries), one
 * per script call (EVALSHA). Installed before any connection is made.
 */
import { Redis } from 'ioredis';

let calls = 0;

export function countRedisCalls(): () => number {
  const pipelines = new WeakSet<object>();
  const proto = Redis.prototype as unknown as { sendCommand(command: unknown, stream?: { isPipeline?: boolean }): unknown };
  const send = proto.sendCommand;
  proto.sendCommand = function (this: unknown, command: unknown, stream?: { isPipeline?: boolean }) {
    if (!stream?.isPipeline) calls++;
    else if (!pipelines.has(stream)) {
      pipelines.add(stream);
      calls++;
    }
    return send.call(this, command, stream);
  };
  return () => calls;
}
