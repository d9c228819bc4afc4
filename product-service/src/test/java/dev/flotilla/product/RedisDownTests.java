package dev.flotilla.product;

import java.util.List;
import java.util.Map;

import dev.flotilla.testing.Engine;
import dev.flotilla.testing.RealEngines;
import dev.flotilla.testing.TestJwks;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** MongoDB is up, Redis is not (nothing listens on the port): the cache is bypassed, nothing fails. */
@SpringBootTest(properties = {"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RealEngines(Engine.MONGODB)
@TestJwks
@Import(TestClock.Configuration.class)
class RedisDownTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    ProductApi api;

    @BeforeEach
    void setUp() {
        api = new ProductApi(mvc);
    }

    @Test
    void readsComeFromMongoAndWritesSucceed() throws Exception {
        Map<String, Object> book = ProductApi.book("Cacheless", "7.00", 4);
        String id = api.create(book).get("id").asString();
        mvc.perform(get("/api/products/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Cacheless"));

        book.remove("status");
        book.remove("initialStock");
        book.put("name", "Cacheless, updated");
        api.as(ProductApi.ADMIN, put("/api/products/" + id).header("If-Match", "\"1\""), book).andExpect(status().isOk());
        mvc.perform(get("/api/products/" + id)).andExpect(jsonPath("$.name").value("Cacheless, updated"));

        api.reserve("redis-down-1", List.of(ProductApi.line(id, 2))).andExpect(status().isCreated());
        api.as(ProductApi.SERVICE, post("/api/stock/reservations/redis-down-1/confirm")).andExpect(status().isOk());
        mvc.perform(get("/api/products/" + id)).andExpect(jsonPath("$.availableStock").value(2));
        assertThat(meters.counter("flotilla.product.cache.errors").count()).isPositive();
    }

    @Test
    void readinessFollowsMongoOnly() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }
}
