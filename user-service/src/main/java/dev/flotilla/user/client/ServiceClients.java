package dev.flotilla.user.client;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.UserServiceProperties.Client;
import dev.flotilla.user.client.OAuthErrors.InvalidClientException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The service clients of {@code flotilla.user.clients}, checked at startup: an id of letters, digits,
 * {@code . _ -}; a BCrypt hash of the secret, never the secret; roles other than the accounts' CUSTOMER
 * and ADMIN; at least one audience. A client authenticates with its id and secret. An unknown id costs
 * the same BCrypt work as a wrong secret (a dummy hash of the configured cost) and gets the same answer.
 */
@Component
class ServiceClients {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final String DELEGATING_PREFIX = "{bcrypt}";
    private static final Set<String> ACCOUNT_ROLES = Set.of("CUSTOMER", "ADMIN");
    /** BCrypt reads 72 bytes; a longer secret could match its prefix, so it never matches. */
    private static final int BCRYPT_MAX_BYTES = 72;

    /** A configured client, its secret as a plain BCrypt hash. */
    record ServiceClient(String id, String secretHash, List<String> roles, List<String> audiences) {
    }

    private final Map<String, ServiceClient> clients;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final String dummyHash;

    ServiceClients(UserServiceProperties properties) {
        this.clients = validated(properties.clients());
        int cost = clients.values().stream().findFirst().map(client -> cost(client.secretHash()))
                .orElseGet(() -> properties.passwords().bcryptStrength());
        this.dummyHash = new BCryptPasswordEncoder(cost).encode(UUID.randomUUID().toString());
    }

    /** The client with this id and secret; the same {@link InvalidClientException} for every failure. */
    ServiceClient authenticate(ClientCredentials credentials) {
        ServiceClient client = clients.get(credentials.id());
        String secret = credentials.secret();
        boolean matches = bcrypt.matches(secret, client != null ? client.secretHash() : dummyHash)
                && secret.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
        if (!matches || client == null) {
            throw new InvalidClientException();
        }
        return client;
    }

    private static Map<String, ServiceClient> validated(List<Client> configured) {
        Map<String, ServiceClient> clients = new LinkedHashMap<>();
        for (int i = 0; i < configured.size(); i++) {
            ServiceClient client = validated(configured.get(i), "flotilla.user.clients[" + i + "]");
            if (clients.putIfAbsent(client.id(), client) != null) {
                throw new IllegalStateException("flotilla.user.clients: the client id '" + client.id() + "' is configured twice");
            }
        }
        return Map.copyOf(clients);
    }

    private static ServiceClient validated(Client client, String key) {
        if (client.id() == null || !ID.matcher(client.id()).matches()) {
            throw new IllegalStateException(key + ".id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String hash = client.secretHash() == null ? "" : client.secretHash().strip();
        hash = hash.startsWith(DELEGATING_PREFIX) ? hash.substring(DELEGATING_PREFIX.length()) : hash;
        if (!BCRYPT.matcher(hash).matches()) {
            throw new IllegalStateException(key + ".secret-hash must be a BCrypt hash ($2a$..., or {bcrypt}$2a$...) "
                    + "of the client secret, never the secret itself; see user-service/README.md");
        }
        Set<String> roles = new HashSet<>(client.roles());
        if (roles.isEmpty() || roles.stream().anyMatch(role -> role.isBlank() || ACCOUNT_ROLES.contains(role))) {
            throw new IllegalStateException(key + ".roles must name at least one role, and not CUSTOMER or ADMIN: "
                    + "those belong to accounts");
        }
        if (client.audiences().isEmpty() || client.audiences().stream().anyMatch(String::isBlank)) {
            throw new IllegalStateException(key + ".audiences must name at least one service the client may call");
        }
        return new ServiceClient(client.id(), hash, client.roles().stream().distinct().sorted().toList(),
                List.copyOf(client.audiences()));
    }

    private static int cost(String hash) {
        Matcher matcher = BCRYPT.matcher(hash);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 10;
    }
}
