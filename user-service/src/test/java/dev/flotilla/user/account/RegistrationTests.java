package dev.flotilla.user.account;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.flotilla.user.Api;
import dev.flotilla.user.Concurrently;
import dev.flotilla.user.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@UserServiceTest
class RegistrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void registersWithLocationAndNormalisedValuesAndNoPasswordInTheAnswer() throws Exception {
        Map<String, Object> body = Api.registration("Mixed.Case@Example.COM");
        body.put("countryCode", "de");
        body.put("preferredCurrency", "eur");

        JsonNode account = api.read(api.perform(post("/api/users"), body)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/users/")))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist()));

        assertThat(account.get("email").asString()).isEqualTo("mixed.case@example.com");
        assertThat(account.get("countryCode").asString()).isEqualTo("DE");
        assertThat(account.get("preferredCurrency").asString()).isEqualTo("EUR");
        assertThat(account.get("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM account WHERE email = ?", String.class,
                "mixed.case@example.com")).startsWith("$2a$").doesNotContain(Api.PASSWORD);
    }

    @Test
    void aSecondRegistrationOfAnEmailInAnyCaseIsAConflict() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        api.perform(post("/api/users"), Api.registration(email.toUpperCase()))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("an account with this email already exists"));
        assertThat(count(email)).isEqualTo(1);
    }

    @Test
    void theBootstrapAdministratorsEmailWithInvisibleCharactersIsRejected() throws Exception {
        long accountsBefore = total();
        for (String spoof : new String[] {"admin@flotilla.test\u200b\u200b", "\ufeffadmin@flotilla.test",
                "admin\u00ad@flotilla.test", "admin@flotilla.test\u0000"}) {
            api.perform(post("/api/users"), Api.registration(spoof))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem("email")));
        }
        assertThat(total()).isEqualTo(accountsBefore);
    }

    @Test
    void aLoneSurrogateInTheEmailIsRejected() throws Exception {
        String body = api.json(Api.registration("placeholder@example.com")).replace("placeholder", "lone\\ud800" + System.nanoTime());
        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")));
    }

    @Test
    void decomposedAndComposedSpellingsOfAnEmailAreOneAccount() throws Exception {
        String local = "jos" + System.nanoTime();
        String composed = local + "\u00e9@example.com";
        String decomposed = local + "e\u0301@example.com";
        api.register(composed);
        api.perform(post("/api/users"), Api.registration(decomposed)).andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE email LIKE ?", Long.class, local + "%")).isEqualTo(1);
        api.login(decomposed, Api.PASSWORD);
    }

    @Test
    void anEmailThatLooksLikeATakenOneIsAConflict() throws Exception {
        String local = "admin" + System.nanoTime();
        api.register(local + "@example.com");
        for (String lookalike : new String[] {"\u0430" + local.substring(1) + "@example.com",
                local.replace("m", "rn") + "@example.com", local + "@ex\u0430mple.com"}) {
            api.perform(post("/api/users"), Api.registration(lookalike))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("an account with an email that looks the same already exists"));
        }
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM account
                WHERE email_skeleton = (SELECT email_skeleton FROM account WHERE email = ?)""", Long.class,
                local + "@example.com")).isEqualTo(1);
    }

    @Test
    void simultaneousRegistrationsOfLookalikeEmailsCreateExactlyOneAccount() throws Exception {
        String local = "ada" + System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        String[] spellings = {"a", "\u0430"};
        List<Integer> statuses = Concurrently.run(10, () -> {
            int n = next.getAndIncrement();
            String email = spellings[n % 2] + local.substring(1, 2) + spellings[(n / 2) % 2] + local.substring(3) + "@example.com";
            return api.perform(post("/api/users"), Api.registration(email)).andReturn().getResponse().getStatus();
        });
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
    }

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
                invalid("email", body -> body.remove("email")),
                invalid("email", body -> body.put("email", "   ")),
                invalid("email", body -> body.put("email", "not-an-email")),
                invalid("email", body -> body.put("email", "a@b")),
                invalid("email", body -> body.put("email", "x".repeat(250) + "@example.com")),
                invalid("password", body -> body.remove("password")),
                invalid("password", body -> body.put("password", "Short-1")),
                invalid("password", body -> body.put("password", "password1234")),
                invalid("password", body -> body.put("password", "Password2024!!")),
                invalid("password", body -> body.put("password", "qwertyuiop12")),
                invalid("password", body -> body.put("password", "abababababababab")),
                invalid("password", body -> body.put("password", "a".repeat(65) + "Bc1")),
                invalid("password", body -> body.put("password", "🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🔥")),
                invalid("displayName", body -> body.remove("displayName")),
                invalid("displayName", body -> body.put("displayName", "")),
                invalid("displayName", body -> body.put("displayName", "Line\nbreak")),
                invalid("displayName", body -> body.put("displayName", "Nul\u0000byte")),
                invalid("displayName", body -> body.put("displayName", "n".repeat(101))),
                invalid("countryCode", body -> body.put("countryCode", "XX")),
                invalid("countryCode", body -> body.put("countryCode", "DEU")),
                invalid("countryCode", body -> body.put("countryCode", "D'")),
                invalid("countryCode", body -> body.remove("countryCode")),
                invalid("cityId", body -> body.put("cityId", 2988507)),
                invalid("cityId", body -> body.put("cityId", 999999999)),
                invalid("cityId", body -> body.put("cityId", -5)),
                invalid("preferredCurrency", body -> body.put("preferredCurrency", "XYZ")),
                invalid("preferredCurrency", body -> body.put("preferredCurrency", "EURO")),
                invalid("email", body -> body.put("email", body.get("email") + "\u200b\u200b")),
                invalid("email", body -> body.put("email", "\ufeff" + body.get("email"))),
                invalid("email", body -> body.put("email", "\u202e" + body.get("email"))),
                invalid("email", body -> body.put("email", "no\u00a0break" + body.get("email"))),
                invalid("email", body -> body.put("email", "filler\u3164" + body.get("email"))),
                invalid("email", body -> body.put("email", "joiner\u034f" + body.get("email"))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidRegistrations")
    void invalidFieldsAreRejectedWithTheFieldNamedAndNothingStored(String field, Map<String, Object> body) throws Exception {
        api.perform(post("/api/users"), body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        assertThat(count(String.valueOf(body.get("email")))).isZero();
    }

    @Test
    void thePasswordMayNotBeTheEmail() throws Exception {
        String email = "longlocalpart" + System.nanoTime() + "@example.com";
        Map<String, Object> body = Api.registration(email);
        body.put("password", email);
        api.perform(post("/api/users"), body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must not be the email address"));
    }

    @Test
    void valuesOfTheWrongTypeUnknownFieldsAndBrokenJsonAreBadRequests() throws Exception {
        long accountsBefore = total();
        Map<String, Object> wrongType = Api.registration(Api.newEmail());
        wrongType.put("cityId", "Berlin");
        api.perform(post("/api/users"), wrongType).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("field 'cityId' has a value of the wrong type or form"));

        Map<String, Object> sneaky = Api.registration(Api.newEmail());
        sneaky.put("roles", new String[] {"ADMIN"});
        api.perform(post("/api/users"), sneaky).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown field 'roles'"));

        for (String broken : new String[] {"{\"email\": ", "[]", "null", "", "\"just a string\""}) {
            mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(broken))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/users").contentType(MediaType.TEXT_PLAIN).content("email=x"))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(total()).isEqualTo(accountsBefore);
    }

    @Test
    void aHugeBodyIsRefusedWith413() throws Exception {
        Map<String, Object> body = Api.registration(Api.newEmail());
        body.put("displayName", "x".repeat(100_000));
        api.perform(post("/api/users"), body)
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", startsWith("the request body is larger than")));
        assertThat(count(String.valueOf(body.get("email")))).isZero();
    }

    @Test
    void unicodeAndInjectionStringsAreStoredVerbatimAndHarmlessly() throws Exception {
        String email = Api.newEmail();
        Map<String, Object> body = Api.registration(email);
        body.put("displayName", "Zoë Łódź 東京 🚀 Robert'); DROP TABLE account;--");
        JsonNode account = api.read(api.perform(post("/api/users"), body).andExpect(status().isCreated()));

        assertThat(account.get("displayName").asString()).isEqualTo("Zoë Łódź 東京 🚀 Robert'); DROP TABLE account;--");
        assertThat(count(email)).isEqualTo(1);
    }

    @Test
    void aStoredAccountGetsDefaultSettings() throws Exception {
        String email = Api.newEmail();
        api.register(email);
        assertThat(jdbc.queryForObject("SELECT settings ->> 'language' FROM account WHERE email = ?", String.class, email))
                .isEqualTo("en");
    }

    private long total() {
        return jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
    }

    private long count(String email) {
        return jdbc.queryForObject("SELECT count(*) FROM account WHERE email = lower(?)", Long.class, email);
    }

    private static Arguments invalid(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Api.registration(Api.newEmail());
        change.accept(body);
        return Arguments.of(field, body);
    }
}
