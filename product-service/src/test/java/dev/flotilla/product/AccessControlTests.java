package dev.flotilla.product;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jwt.PlainJWT;
import dev.flotilla.testing.TestJwtIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ProductServiceTest
class AccessControlTests {

    @Autowired
    MockMvc mvc;

    ProductApi api;

    @BeforeEach
    void setUp() {
        api = new ProductApi(mvc);
    }

    static Stream<Arguments> adminEndpoints() {
        String id = "000000000000000000000000";
        return Stream.of(Arguments.of(HttpMethod.POST, "/api/products"),
                Arguments.of(HttpMethod.PUT, "/api/products/" + id),
                Arguments.of(HttpMethod.PUT, "/api/products/" + id + "/status"),
                Arguments.of(HttpMethod.POST, "/api/products/" + id + "/stock-adjustments"));
    }

    static Stream<Arguments> stockEndpoints() {
        return Stream.of(Arguments.of(HttpMethod.POST, "/api/stock/reservations"),
                Arguments.of(HttpMethod.GET, "/api/stock/reservations/r-1"),
                Arguments.of(HttpMethod.POST, "/api/stock/reservations/r-1/confirm"),
                Arguments.of(HttpMethod.DELETE, "/api/stock/reservations/r-1"));
    }

    static Stream<Arguments> protectedEndpoints() {
        return Stream.concat(adminEndpoints(), stockEndpoints());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedEndpoints")
    void protectedEndpointsAnswer401WithoutAToken(HttpMethod method, String path) throws Exception {
        mvc.perform(request(method, path).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedEndpoints")
    void customersAreForbiddenEverywhereThatChangesStockOrTheCatalogue(HttpMethod method, String path) throws Exception {
        mvc.perform(request(method, path).header("Authorization", "Bearer " + ProductApi.CUSTOMER)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminEndpoints")
    void orderServiceMayNotChangeTheCatalogue(HttpMethod method, String path) throws Exception {
        mvc.perform(request(method, path).header("Authorization", "Bearer " + ProductApi.SERVICE)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stockEndpoints")
    void stockTakesOnlyServiceTokensForProductService(HttpMethod method, String path) throws Exception {
        TestJwtIssuer issuer = TestJwtIssuer.shared();
        String accountWithServiceRole = issuer.token("order-service", "SERVICE");
        String forAnotherService = issuer.serviceToken(TestJwtIssuer.CLIENT_ID, List.of("analytics-service"));
        String withoutRole = issuer.sign(issuer.serviceClaims(TestJwtIssuer.CLIENT_ID, List.of("product-service"),
                Duration.ofMinutes(5)).claim("roles", List.of()).build());
        for (String token : List.of(ProductApi.ADMIN, accountWithServiceRole, forAnotherService, withoutRole)) {
            mvc.perform(request(method, path).header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(request(method, path).header("Authorization", "Bearer " + ProductApi.SERVICE)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isNotIn(401, 403));
    }

    @Test
    void expiredForeignAndUnsignedTokensAreRejected() throws Exception {
        TestJwtIssuer issuer = TestJwtIssuer.shared();
        String expired = issuer.sign(issuer.claims("admin", Duration.ofMinutes(-5), "ADMIN").build());
        String foreign = issuer.sign(issuer.claims("admin", Duration.ofMinutes(5), "ADMIN").issuer("someone-else").build());
        String unsigned = new PlainJWT(issuer.claims("admin", Duration.ofMinutes(5), "ADMIN").build()).serialize();
        for (String token : new String[] {expired, foreign, unsigned, "garbage"}) {
            mvc.perform(request(HttpMethod.POST, "/api/products").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnauthorized());
        }
    }

    @Test
    void readingTheCatalogueIsPublic() throws Exception {
        mvc.perform(get("/api/products")).andExpect(status().isOk());
        mvc.perform(get("/api/categories")).andExpect(status().isOk());
        mvc.perform(get("/api/products/search?q=anything")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/info")).andExpect(jsonPath("$.referenceData.schemaVersion").value("3"));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(jsonPath("$.paths['/api/stock/reservations']").exists());
    }
}
