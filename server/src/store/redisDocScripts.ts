/**
 * Lua scripts of {@link RedisDocStore}. Per document (hash tag `{room:<id>}`, so a
 * room's drafts sit on its shard): `…:doc:<name>:log` (list of updates since the
 * snapshot), `…:doc:<name>:meta` (hash: `first` = sequence number of the list's head,
 * `bytes`, `snap` = the compacted snapshot), `…:doc:<name>:ver` / `:verdata` (named
 * versions). The room's `…:docs` set names its documents, so deleting or refreshing the
 * room reaches them.
 */

/** Shared Lua helper: a document's key, built exactly as `docKey()` in TS. */
export const DOC_KEY_LUA = `
local function docKey(prefix, roomId, doc, part) return prefix .. '{room:' .. roomId .. '}:doc:' .. doc .. ':' .. part end
`;

/**
 * KEYS: room meta, log, cmds, snap, docs set, doc log, doc meta. ARGV: update, origin,
 * channel, doc name, ttlMs. Returns the update's sequence number, or −1 when the room
 * does not exist. Append and publish are one step: no node can miss an update another
 * node stored. Typing keeps the whole room alive, so its keys' TTLs are refreshed too.
 */
export const APPEND_DOC_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local length = redis.call('RPUSH', KEYS[6], ARGV[1])
local first = tonumber(redis.call('HGET', KEYS[7], 'first') or '0')
redis.call('HINCRBY', KEYS[7], 'bytes', #ARGV[1])
redis.call('SADD', KEYS[5], ARGV[4])
local seq = first + length - 1
for i = 1, 7 do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
redis.call('SPUBLISH', ARGV[3], 'u' .. seq .. ' ' .. ARGV[2] .. ' ' .. ARGV[1])
return seq
`;

/**
 * KEYS: doc log, doc meta. Returns {first, snap or false, update…} read atomically, so
 * a concurrent compaction cannot make the snapshot and the list disagree.
 */
export const LOAD_DOC_LUA = `
local meta = redis.call('HMGET', KEYS[2], 'first', 'snap')
local result = {tonumber(meta[1] or '0'), meta[2] or ''}
local updates = redis.call('LRANGE', KEYS[1], 0, -1)
for i = 1, #updates do result[#result + 1] = updates[i] end
return result
`;

/**
 * KEYS: doc log, doc meta. ARGV: snapshot, firstSeq seen at load, throughSeq.
 * Swaps the updates up to throughSeq for the snapshot, unless another compaction moved
 * the head meanwhile. Later appends stay at the tail. Returns 1 when compacted.
 */
export const COMPACT_DOC_LUA = `
local first = tonumber(redis.call('HGET', KEYS[2], 'first') or '0')
if first ~= tonumber(ARGV[2]) then return 0 end
local drop = tonumber(ARGV[3]) - first + 1
if drop <= 0 or redis.call('LLEN', KEYS[1]) < drop then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
redis.call('LTRIM', KEYS[1], drop, -1)
local rest = 0
for _, u in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do rest = rest + #u end
redis.call('HSET', KEYS[2], 'first', tonumber(ARGV[3]) + 1, 'snap', ARGV[1], 'bytes', #ARGV[1] + rest)
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1
`;

/**
 * KEYS: room meta, docs set, versions, version data. ARGV: id, info JSON, state, keep, createdAt, doc name, ttlMs.
 * Drops the oldest versions beyond keep. Returns −1 when the room does not exist.
 */
export const SAVE_VERSION_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
redis.call('SADD', KEYS[2], ARGV[6])
local all = redis.call('HGETALL', KEYS[3])
local count = #all / 2
if count > tonumber(ARGV[4]) then
  local infos = {}
  for i = 1, #all, 2 do infos[#infos + 1] = {all[i], tonumber(string.match(all[i + 1], '"createdAt":(%d+)')) or 0} end
  table.sort(infos, function(a, b) return a[2] < b[2] end)
  for i = 1, count - tonumber(ARGV[4]) do
    redis.call('HDEL', KEYS[3], infos[i][1])
    redis.call('HDEL', KEYS[4], infos[i][1])
  end
end
for i = 2, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[7]) end
return 1
`;

/**
 * Used inside the room scripts: refreshes (PEXPIRE) or deletes every key of every
 * document of the room. The keys are derived from the docs set, in the room's slot.
 */
export const EACH_DOC_KEY_LUA = `${DOC_KEY_LUA}
local function eachDocKey(docsKey, prefix, roomId, fn)
  for _, doc in ipairs(redis.call('SMEMBERS', docsKey)) do
    for _, part in ipairs({'log', 'meta', 'ver', 'verdata'}) do fn(docKey(prefix, roomId, doc, part)) end
  end
  fn(docsKey)
end
`;
