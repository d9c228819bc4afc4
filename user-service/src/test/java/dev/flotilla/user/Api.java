package dev.flotilla.user;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Calls of the user-service API used by many tests, on top of MockMvc. */
public final class Api {

    public static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final AtomicInteger users = new AtomicInteger();

    private final MockMvc mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A fresh, unique email for a test user. */
    public static String newEmail() {
        return "user" + users.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
    }

    public static Map<String, Object> registration(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("displayName", "Test User");
        body.put("countryCode", "DE");
        body.put("cityId", 2950159);
        body.put("preferredCurrency", "EUR");
        return body;
    }

    public JsonNode register(String email) throws Exception {
        return read(perform(post("/api/users"), registration(email)).andExpect(status().isCreated()));
    }

    /** Registers a user and logs in; returns the token response. */
    public JsonNode registerAndLogin() throws Exception {
        String email = newEmail();
        register(email);
        return login(email, PASSWORD);
    }

    public JsonNode login(String email, String password) throws Exception {
        return read(perform(post("/api/auth/login"), Map.of("email", email, "password", password)).andExpect(status().isOk()));
    }

    public JsonNode loginAdmin() throws Exception {
        return login("admin@flotilla.test", "Sturdy-Admin-Passphrase-42");
    }

    public ResultActions perform(MockHttpServletRequestBuilder request, Object body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    public String json(Object body) {
        return json.writeValueAsString(body);
    }

    public ResultActions authorized(MockHttpServletRequestBuilder request, String accessToken) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + accessToken));
    }

    public ResultActions authorized(MockHttpServletRequestBuilder request, String accessToken, Object body) throws Exception {
        return perform(request.header("Authorization", "Bearer " + accessToken), body);
    }

    public JsonNode me(String accessToken) throws Exception {
        return read(authorized(get("/api/users/me"), accessToken).andExpect(status().isOk()));
    }

    public JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    public static String accessToken(JsonNode tokens) {
        return tokens.get("accessToken").asString();
    }
}
