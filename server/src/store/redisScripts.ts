/**
 * Lua scripts of {@link RedisRoomStore}. Each runs atomically on the server, which is
 * what makes "check version, append, record command, refresh TTL, publish" one step.
 *
 * Every key a script touches shares the room's hash tag `{room:<id>}`, so the scripts run
 * on a Redis Cluster too. So does the shard channel they SPUBLISH to, and it must: a script
 * publishes on the node it runs on, while the channel's subscribers sit on the node owning
 * the channel's slot (Redis 7.0 does not refuse a channel of another slot, it just reaches
 * nobody). The join-code key lives in its own slot and is never touched by a room script:
 * `RedisRoomStore` reserves, refreshes and frees it with separate commands.
 */

import { EACH_DOC_KEY_LUA } from './redisDocScripts.ts';


/**
 * KEYS: meta, log, cmds, snap. ARGV: ttlMs, metaArgCount, meta field/value pairs…,
 * pre-stamped event JSON…. Returns 0 if the room already exists, else 1.
 */
export const CREATE_ROOM_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local metaCount = tonumber(ARGV[2])
local ttl = ARGV[1]
-- Left-overs of an earlier room with the same id must not leak into the new one.
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
for i = 3, 2 + metaCount, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
for i = 3 + metaCount, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return 1
`;

/**
 * KEYS: meta, log, cmds, snap, docs. ARGV: expectedVersion, ttlMs, channel, keyPrefix, roomId,
 * entryCount, then per entry its commandKey ('' = none) and event count, then every entry's
 * event JSON (without version), in order. Several commands' events go in one call (a node
 * groups the commands that queued up while its previous append was in flight).
 * Returns {'not_found'} | {'duplicate', v} | {'version_conflict', current} | {'ok', lastVersion}.
 * Dedupe runs before the version check so that a retry still learns its original ack
 * after other commands moved the log on; one recorded key refuses the whole group.
 */
export const APPEND_LUA = `${EACH_DOC_KEY_LUA}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'not_found'} end
local entries = tonumber(ARGV[6])
for e = 0, entries - 1 do
  local commandKey = ARGV[7 + 2 * e]
  if commandKey ~= '' then
    local recorded = redis.call('HGET', KEYS[3], commandKey)
    if recorded then return {'duplicate', tonumber(recorded)} end
  end
end
local current = redis.call('LLEN', KEYS[2]) - 1
if current ~= tonumber(ARGV[1]) then return {'version_conflict', current} end
local version = current
local stamped = {}
local arg = 7 + 2 * entries
for e = 0, entries - 1 do
  for _ = 1, tonumber(ARGV[8 + 2 * e]) do
    version = version + 1
    -- Stamp by text, not cjson: cjson would round large numbers and turn [] into {}.
    local body = string.sub(ARGV[arg], 2)
    arg = arg + 1
    local head = '{"version":' .. version
    if body == '}' then stamped[#stamped + 1] = head .. '}' else stamped[#stamped + 1] = head .. ',' .. body end
    redis.call('RPUSH', KEYS[2], stamped[#stamped])
  end
  local commandKey = ARGV[7 + 2 * e]
  if commandKey ~= '' then redis.call('HSET', KEYS[3], commandKey, version) end
end
local ttl = ARGV[2]
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ttl) end
-- The drafts expire with the room. Refreshing all of them on every command would cost a
-- call per draft, so it happens when a quarter of the TTL has passed since the last time.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
if now - tonumber(redis.call('HGET', KEYS[1], 'docsTtlAt') or '0') > tonumber(ttl) / 4 then
  eachDocKey(KEYS[5], ARGV[4], ARGV[5], function(key) redis.call('PEXPIRE', key, ttl) end)
  redis.call('HSET', KEYS[1], 'docsTtlAt', now)
end
redis.call('SPUBLISH', ARGV[3], '{"kind":"events","events":[' .. table.concat(stamped, ',') .. ']}')
return {'ok', version}
`;

/**
 * KEYS: meta, snap. ARGV: version, payload (JSON starting with {"version":N,).
 * Keeps the newer snapshot; the snapshot expires with the room. Returns 1 if written.
 */
export const SAVE_SNAPSHOT_LUA = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -2 then return 0 end
local old = redis.call('GET', KEYS[2])
if old then
  local oldVersion = tonumber(string.match(old, '^{"version":(%-?%d+),'))
  if oldVersion and oldVersion > tonumber(ARGV[1]) then return 0 end
end
if ttl > 0 then redis.call('SET', KEYS[2], ARGV[2], 'PX', ttl) else redis.call('SET', KEYS[2], ARGV[2]) end
return 1
`;

/**
 * KEYS: meta, log, cmds, snap, docs. ARGV: keyPrefix, roomId, channel.
 * Deletes the room and its drafts and tells subscribers. Returns the join code, for the
 * caller to free (its key is in another slot), or false when there was no room.
 */
export const DELETE_ROOM_LUA = `${EACH_DOC_KEY_LUA}
local code = redis.call('HGET', KEYS[1], 'joinCode')
eachDocKey(KEYS[5], ARGV[1], ARGV[2], function(key) redis.call('DEL', key) end)
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
if not code then return false end
redis.call('SPUBLISH', ARGV[3], '{"kind":"deleted"}')
return code
`;

/** KEYS: key. ARGV: expected value, ttlMs. Refreshes the TTL only of our own join code. */
export const EXPIRE_IF_EQUALS_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

/** KEYS: key. ARGV: expected value. Deletes only our own reservation (createRoom cleanup). */
export const DELETE_IF_EQUALS_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
