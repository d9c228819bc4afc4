-- Reserves one event in every window at once, or in none: if any window is full, nothing is counted.
-- One script, so that simultaneous callers cannot together exceed a limit (no check-then-increment gap).
-- Each window is fixed and starts with its first event.
-- KEYS counters; ARGV[2i-1] the limit of KEYS[i], ARGV[2i] its window in milliseconds
-- Returns {0, 0} when reserved, or {i, milliseconds until window i ends} when window i is full.
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= tonumber(ARGV[2 * i - 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then
      redis.call('PEXPIRE', key, ARGV[2 * i])
      ttl = tonumber(ARGV[2 * i])
    end
    return {i, ttl}
  end
end
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then
    redis.call('PEXPIRE', key, ARGV[2 * i])
  end
end
return {0, 0}
