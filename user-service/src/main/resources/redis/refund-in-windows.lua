-- Gives back one reserved event in every window that still has a count. A window that ended and began
-- again in between gives back one of its new events instead, which errs towards the client.
-- KEYS counters
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') > 0 then
    redis.call('DECR', key)
  end
end
return 1
