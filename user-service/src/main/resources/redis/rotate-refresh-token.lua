-- Rotates the refresh token of a session atomically.
-- KEYS[1] session hash, KEYS[2] set of hashes already rotated away
-- ARGV[1] hash of the presented token, ARGV[2] hash of the new token, ARGV[3] now, ARGV[4] TTL in seconds
-- Returns {outcome, accountId}: ROTATED, REUSED (an old token came back: the session is deleted),
-- INVALID (no such token) or MISSING (no such session).
local account = redis.call('HGET', KEYS[1], 'accountId')
if not account then
  return {'MISSING', ''}
end
if redis.call('HGET', KEYS[1], 'tokenHash') == ARGV[1] then
  redis.call('HSET', KEYS[1], 'tokenHash', ARGV[2], 'lastUsedAt', ARGV[3])
  redis.call('SADD', KEYS[2], ARGV[1])
  redis.call('EXPIRE', KEYS[1], ARGV[4])
  redis.call('EXPIRE', KEYS[2], ARGV[4])
  return {'ROTATED', account}
end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then
  redis.call('DEL', KEYS[1], KEYS[2])
  return {'REUSED', account}
end
return {'INVALID', account}
