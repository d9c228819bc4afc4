package dev.flotilla.user.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.auth.AuthExceptions.SessionStoreUnavailableException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Sessions in Redis, one per login, each holding the hash of its current refresh token. Keys:
 * {@code user:session:<id>} (a hash), {@code user:session:<id>:rotated} (hashes of tokens already
 * rotated away) and {@code user:sessions:<account>} (the account's session ids). All expire after
 * the refresh-token lifetime since the last refresh. Rotation is one Lua script, so two refreshes
 * with the same token cannot both succeed.
 */
@Component
class Sessions {

    private static final String SESSION = "user:session:";
    private static final String ACCOUNT_SESSIONS = "user:sessions:";

    private static final RedisScript<Long> OPEN = RedisScript.of(new ClassPathResource("redis/open-session.lua"), Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ROTATE = RedisScript.of(new ClassPathResource("redis/rotate-refresh-token.lua"), List.class);

    private final StringRedisTemplate redis;
    private final Duration ttl;
    private final Clock clock;

    Sessions(StringRedisTemplate redis, UserServiceProperties properties, Clock clock) {
        this.redis = redis;
        this.ttl = properties.jwt().refreshTokenTtl();
        this.clock = clock;
    }

    /** A session and the refresh token that continues it. */
    record Opened(String sessionId, String refreshToken, Instant expiresAt) {
    }

    /** What a rotation found. */
    sealed interface Rotation {
        record Rotated(UUID accountId, Opened session) implements Rotation {
        }

        record Reused(UUID accountId, String sessionId) implements Rotation {
        }

        record Invalid() implements Rotation {
        }
    }

    Opened open(UUID accountId, String userAgent, String address) {
        String id = RefreshToken.newSessionId();
        RefreshToken token = RefreshToken.issue(id);
        Instant now = clock.instant();
        return store(() -> {
            redis.execute(OPEN, List.of(SESSION + id, ACCOUNT_SESSIONS + accountId), accountId.toString(), token.hash(),
                    now.toString(), userAgent, address, id, Long.toString(ttl.toSeconds()));
            return new Opened(id, token.value(), now.plus(ttl));
        });
    }

    Rotation rotate(RefreshToken presented) {
        RefreshToken next = RefreshToken.issue(presented.sessionId());
        Instant now = clock.instant();
        List<?> result = store(() -> redis.execute(ROTATE, List.of(SESSION + presented.sessionId(),
                SESSION + presented.sessionId() + ":rotated"), presented.hash(), next.hash(), now.toString(),
                Long.toString(ttl.toSeconds())));
        String outcome = (String) result.get(0);
        return switch (outcome) {
            case "ROTATED" -> {
                UUID accountId = UUID.fromString((String) result.get(1));
                store(() -> redis.expire(ACCOUNT_SESSIONS + accountId, ttl));
                yield new Rotation.Rotated(accountId, new Opened(presented.sessionId(), next.value(), now.plus(ttl)));
            }
            case "REUSED" -> {
                UUID accountId = UUID.fromString((String) result.get(1));
                revoke(accountId, presented.sessionId());
                yield new Rotation.Reused(accountId, presented.sessionId());
            }
            default -> new Rotation.Invalid();
        };
    }

    List<SessionView> list(UUID accountId, @Nullable String currentSessionId) {
        return store(() -> {
            List<SessionView> sessions = new ArrayList<>();
            for (String id : Optional.ofNullable(redis.opsForSet().members(ACCOUNT_SESSIONS + accountId)).orElseGet(Set::of)) {
                Map<Object, Object> fields = redis.opsForHash().entries(SESSION + id);
                if (fields.isEmpty()) {
                    redis.opsForSet().remove(ACCOUNT_SESSIONS + accountId, id);
                } else {
                    sessions.add(SessionView.of(id, fields, expiresAt(id), id.equals(currentSessionId)));
                }
            }
            sessions.sort(Comparator.comparing(SessionView::createdAt).reversed());
            return sessions;
        });
    }

    /** Ends one session of the account; false if the account has no session with this id. */
    boolean revoke(UUID accountId, String sessionId) {
        return store(() -> {
            Long removed = redis.opsForSet().remove(ACCOUNT_SESSIONS + accountId, sessionId);
            if (removed == null || removed == 0) {
                return false;
            }
            redis.delete(List.of(SESSION + sessionId, SESSION + sessionId + ":rotated"));
            return true;
        });
    }

    /** Ends every session of the account except {@code keep}. */
    void revokeAll(UUID accountId, @Nullable String keep) {
        store(() -> {
            for (String id : Optional.ofNullable(redis.opsForSet().members(ACCOUNT_SESSIONS + accountId)).orElseGet(Set::of)) {
                if (!id.equals(keep)) {
                    revoke(accountId, id);
                }
            }
            return null;
        });
    }

    private Instant expiresAt(String id) {
        Long seconds = redis.getExpire(SESSION + id);
        return clock.instant().plusSeconds(seconds == null || seconds < 0 ? 0 : seconds);
    }

    private static <T> T store(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException e) {
            throw new SessionStoreUnavailableException(e);
        }
    }
}
