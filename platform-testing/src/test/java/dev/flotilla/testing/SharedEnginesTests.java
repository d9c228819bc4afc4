package dev.flotilla.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SharedEnginesTests {

    @Test
    void postgresAnswersAsVersion17AndHandsOutSeparateDatabases() throws Exception {
        PostgresEngine postgres = SharedEngines.postgres();
        postgres.createDatabase("shared_engines_a");
        postgres.createDatabase("shared_engines_b");

        try (Connection a = connect(postgres, "shared_engines_a"); Connection b = connect(postgres, "shared_engines_b");
                Statement inA = a.createStatement(); Statement inB = b.createStatement()) {
            assertThat(single(inA, "SHOW server_version")).startsWith("17.");
            inA.execute("CREATE TABLE only_in_a (id int)");
            assertThat(single(inB, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'")).isEqualTo("0");
        }
    }

    @Test
    void aDatabaseOwnedByALoginOfItsOwnIsThatLoginsAloneAndTheLoginNothingMore() throws Exception {
        PostgresEngine postgres = SharedEngines.postgres();
        postgres.createDatabase("owned_a", "owner_a", "secret-a-123");
        postgres.createDatabase("owned_b", "owner_b", "secret-b-123");

        try (Connection a = DriverManager.getConnection(postgres.jdbcUrl("owned_a"), "owner_a", "secret-a-123");
                Statement statement = a.createStatement()) {
            statement.execute("CREATE TABLE t (id int PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
            try (ResultSet role = statement.executeQuery(
                    "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user")) {
                role.next();
                assertThat(List.of(role.getBoolean(1), role.getBoolean(2), role.getBoolean(3))).containsOnly(false);
            }
            assertThatExceptionOfType(java.sql.SQLException.class).isThrownBy(() -> statement.execute("CREATE DATABASE sneaky"));
        }
        assertThatExceptionOfType(java.sql.SQLException.class).as("another service's database").isThrownBy(() ->
                DriverManager.getConnection(postgres.jdbcUrl("owned_b"), "owner_a", "secret-a-123").close());
    }

    @Test
    void postgresRejectsDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatIllegalArgumentException().isThrownBy(() -> SharedEngines.postgres().createDatabase("x; DROP DATABASE postgres"));
    }

    @Test
    void theSameEngineIsSharedWithinTheJvm() {
        assertThat(SharedEngines.postgres()).isSameAs(SharedEngines.postgres());
        assertThat(SharedEngines.redis()).isSameAs(SharedEngines.redis());
        assertThat(SharedEngines.mongo()).isSameAs(SharedEngines.mongo());
    }

    @Test
    void redisAnswersAndKeepsLogicalDatabasesApart() {
        RedisEngine redis = SharedEngines.redis();
        int first = redis.allocateDatabase();
        int second = redis.allocateDatabase();
        assertThat(first).isNotEqualTo(second).isPositive();

        RedisClient client = RedisClient.create();
        try (StatefulRedisConnection<String, String> a = client.connect(RedisURI.create(redis.url(first)));
                StatefulRedisConnection<String, String> b = client.connect(RedisURI.create(redis.url(second)))) {
            assertThat(a.sync().ping()).isEqualTo("PONG");
            a.sync().set("greeting", "hello");
            assertThat(a.sync().get("greeting")).isEqualTo("hello");
            assertThat(b.sync().get("greeting")).isNull();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void mongoWireServerAnswersAndKeepsDatabasesApart() {
        MongoEngine mongo = SharedEngines.mongo();
        try (MongoClient a = MongoClients.create(mongo.uri("shared_a")); MongoClient b = MongoClients.create(mongo.uri("shared_b"))) {
            MongoCollection<Document> inA = a.getDatabase("shared_a").getCollection("things");
            inA.insertOne(new Document("name", "only in a"));
            assertThat(inA.countDocuments()).isEqualTo(1);
            assertThat(b.getDatabase("shared_b").getCollection("things").countDocuments()).isZero();
        }
    }

    private static Connection connect(PostgresEngine postgres, String database) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
