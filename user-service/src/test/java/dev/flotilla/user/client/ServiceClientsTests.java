package dev.flotilla.user.client;

import java.time.Duration;
import java.util.List;

import dev.flotilla.user.UserServiceProperties;
import dev.flotilla.user.UserServiceProperties.Client;
import dev.flotilla.user.client.OAuthErrors.InvalidClientException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which client configurations start, without Spring. */
class ServiceClientsTests {

    static final String HASH = "$2a$04$xqt2oWHlAV6lhnyQ1/3mL.9AIfnxA0ZQvhvyOCEQc9BgOl0WsAOqW";
    static final String SECRET = "test-order-service-secret";

    static ServiceClients of(Client... clients) {
        return new ServiceClients(new UserServiceProperties(null, null, null, null, null, null, null, List.of(clients),
                Duration.ofMinutes(5), null));
    }

    static Client client(String id, String hash, List<String> roles, List<String> audiences) {
        return new Client(id, hash, roles, audiences);
    }

    @Test
    void acceptsABcryptHashPlainOrInDelegatingFormAndChecksTheSecret() {
        ServiceClients clients = of(client("order-service", HASH, List.of("SERVICE"), List.of("product-service")),
                client("other", "{bcrypt}" + HASH, List.of("SERVICE"), List.of("product-service")));

        assertThat(clients.authenticate(new ClientCredentials("order-service", SECRET)).audiences())
                .containsExactly("product-service");
        assertThat(clients.authenticate(new ClientCredentials("other", SECRET)).id()).isEqualTo("other");
        assertThatThrownBy(() -> clients.authenticate(new ClientCredentials("order-service", SECRET + "x")))
                .isInstanceOf(InvalidClientException.class);
        assertThatThrownBy(() -> clients.authenticate(new ClientCredentials("nobody", SECRET)))
                .isInstanceOf(InvalidClientException.class);
    }

    @Test
    void refusesToStartWithAPlainSecretOrAnotherScheme() {
        for (String notAHash : List.of(SECRET, "{noop}" + SECRET, "{sha256}abc", "")) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> of(client("order-service", notAHash, List.of("SERVICE"), List.of("product-service"))))
                    .withMessageContaining("flotilla.user.clients[0].secret-hash").withMessageNotContaining(SECRET);
        }
    }

    @Test
    void refusesAccountRolesMissingAudiencesBadAndRepeatedIds() {
        assertThatIllegalStateException().isThrownBy(() -> of(client("a", HASH, List.of("ADMIN"), List.of("p"))))
                .withMessageContaining("roles");
        assertThatIllegalStateException().isThrownBy(() -> of(client("a", HASH, List.of("SERVICE"), List.of())))
                .withMessageContaining("audiences");
        assertThatIllegalStateException().isThrownBy(() -> of(client("a b", HASH, List.of("SERVICE"), List.of("p"))))
                .withMessageContaining(".id");
        assertThatIllegalStateException().isThrownBy(() -> of(client("a", HASH, List.of("SERVICE"), List.of("p")),
                client("a", HASH, List.of("SERVICE"), List.of("p")))).withMessageContaining("twice");
    }
}
