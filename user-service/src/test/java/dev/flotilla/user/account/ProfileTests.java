package dev.flotilla.user.account;

import java.util.HashMap;
import java.util.Map;

import dev.flotilla.user.Api;
import dev.flotilla.user.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@UserServiceTest
class ProfileTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StringRedisTemplate redis;

    Api api;
    String token;
    String id;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        token = Api.accessToken(api.registerAndLogin());
        id = api.me(token).get("id").asString();
    }

    @Test
    void readsAreCachedAndEveryUpdateEvictsTheCache() throws Exception {
        assertThat(redis.hasKey("user:profile:" + id)).isTrue();

        JsonNode updated = api.read(api.authorized(patch("/api/users/me"), token,
                Map.of("displayName", "New Name", "countryCode", "fr", "cityId", 2988507, "preferredCurrency", "chf"))
                .andExpect(status().isOk()));
        assertThat(updated.get("countryCode").asString()).isEqualTo("FR");
        assertThat(redis.hasKey("user:profile:" + id)).isFalse();

        JsonNode me = api.me(token);
        assertThat(me.get("displayName").asString()).isEqualTo("New Name");
        assertThat(me.get("preferredCurrency").asString()).isEqualTo("CHF");
        assertThat(me.get("cityId").asLong()).isEqualTo(2988507);
    }

    @Test
    void absentFieldsStayAndAnExplicitNullRemovesTheCity() throws Exception {
        api.authorized(patch("/api/users/me"), token, Map.of("displayName", "Only The Name")).andExpect(status().isOk())
                .andExpect(jsonPath("$.cityId").value(2950159)).andExpect(jsonPath("$.countryCode").value("DE"));
        Map<String, Object> clearCity = new HashMap<>();
        clearCity.put("cityId", null);
        api.authorized(patch("/api/users/me"), token, clearCity).andExpect(status().isOk())
                .andExpect(jsonPath("$.cityId").doesNotExist());
    }

    @Test
    void invalidChangesAreRejectedAndChangeNothing() throws Exception {
        api.authorized(patch("/api/users/me"), token, Map.of("countryCode", "FR")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cityId"));
        api.authorized(patch("/api/users/me"), token, Map.of("displayName", "")).andExpect(status().isBadRequest());
        api.authorized(patch("/api/users/me"), token, Map.of("preferredCurrency", "XXQ")).andExpect(status().isBadRequest());
        api.authorized(patch("/api/users/me"), token, Map.of("email", "other@example.com")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        api.authorized(patch("/api/users/me"), token, Map.of("cityId", "Berlin")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cityId"));
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("displayName", null);
        api.authorized(patch("/api/users/me"), token, nullName).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("displayName"));
        api.authorized(patch("/api/users/me"), token, new String[] {"not", "an", "object"}).andExpect(status().isBadRequest());
        assertThat(api.me(token).get("countryCode").asString()).isEqualTo("DE");
    }

    @Test
    void settingsAreAValidatedDocument() throws Exception {
        api.authorized(get("/api/users/me/settings"), token).andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("en")).andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.notifications.orderUpdates").value(true));

        Map<String, Object> settings = Map.of("language", "de", "currency", "jpy",
                "notifications", Map.of("orderUpdates", false, "newsletter", true, "priceAlerts", true));
        api.authorized(put("/api/users/me/settings"), token, settings).andExpect(status().isOk())
                .andExpect(jsonPath("$.currency").value("JPY"));
        api.authorized(get("/api/users/me/settings"), token).andExpect(jsonPath("$.language").value("de"))
                .andExpect(jsonPath("$.notifications.newsletter").value(true));
    }

    @Test
    void invalidSettingsAreRejected() throws Exception {
        Map<String, Object> notifications = Map.of("orderUpdates", true, "newsletter", false, "priceAlerts", false);
        replaceSettings(Map.of("language", "klingon", "currency", "EUR", "notifications", notifications)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        replaceSettings(Map.of("language", "en", "currency", "QQQ", "notifications", notifications)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currency"));
        replaceSettings(Map.of("language", "en", "currency", "EUR")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("notifications"));
        replaceSettings(Map.of("language", "en", "currency", "EUR", "notifications", Map.of("orderUpdates", "yes please",
                "newsletter", false, "priceAlerts", false))).andExpect(status().isBadRequest());
        replaceSettings(Map.of("language", "en", "currency", "EUR", "notifications", notifications, "theme", "dark"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("unknown field 'theme'"));
        api.authorized(get("/api/users/me/settings"), token).andExpect(jsonPath("$.language").value("en"));
    }

    private ResultActions replaceSettings(Map<String, Object> settings) throws Exception {
        return api.authorized(put("/api/users/me/settings"), token, settings);
    }
}
