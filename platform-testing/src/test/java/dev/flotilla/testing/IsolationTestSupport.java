package dev.flotilla.testing;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two test classes extend this one. Each writes its own marker into every engine and then expects to
 * find only its own marker, which fails in whichever class runs second if they share any store.
 */
@SpringBootTest(classes = TestApplication.class)
@RealEngines({Engine.POSTGRESQL, Engine.REDIS, Engine.MONGODB})
abstract class IsolationTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Environment environment;

    abstract String marker();

    @Test
    void seesOnlyItsOwnDataInEveryEngine() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS marker (name text PRIMARY KEY)");
        jdbc.update("INSERT INTO marker (name) VALUES (?)", marker());
        redis.opsForValue().set("marker:" + marker(), marker());
        mongo.insert(new Document("name", marker()), "markers");

        assertThat(jdbc.queryForList("SELECT name FROM marker", String.class)).containsExactly(marker());
        assertThat(redis.keys("*")).containsExactly("marker:" + marker());
        assertThat(mongo.findAll(Document.class, "markers")).extracting(document -> document.getString("name"))
                .containsExactly(marker());
    }

    @Test
    void connectionPropertiesPointAtTheEnginesOfThisJvm() {
        assertThat(environment.getProperty("spring.datasource.url"))
                .startsWith(SharedEngines.postgres().jdbcUrl("test_"));
        assertThat(environment.getProperty("spring.data.redis.port", Integer.class)).isEqualTo(SharedEngines.redis().port());
        assertThat(environment.getProperty("spring.mongodb.uri")).contains(":" + SharedEngines.mongo().port() + "/test_");
        assertThat(List.of(environment.getProperty("spring.datasource.url"), environment.getProperty("spring.mongodb.database")))
                .allSatisfy(name -> assertThat(name).contains(getClass().getSimpleName().toLowerCase()));
    }
}
