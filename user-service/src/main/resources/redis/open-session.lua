-- Opens a session in one step, so it never exists without its expiry or outside its account's set.
-- KEYS[1] session hash, KEYS[2] set of the account's session ids
-- ARGV[1] account id, ARGV[2] token hash, ARGV[3] now, ARGV[4] user agent, ARGV[5] address,
-- ARGV[6] session id, ARGV[7] TTL in seconds
redis.call('HSET', KEYS[1], 'accountId', ARGV[1], 'tokenHash', ARGV[2], 'createdAt', ARGV[3],
           'lastUsedAt', ARGV[3], 'userAgent', ARGV[4], 'address', ARGV[5])
redis.call('EXPIRE', KEYS[1], ARGV[7])
redis.call('SADD', KEYS[2], ARGV[6])
redis.call('EXPIRE', KEYS[2], ARGV[7])
return 1
