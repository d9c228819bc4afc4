package dev.flotilla.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run command's engines keep what was written across a restart, and a service's login needs its password. */
class LocalEnginesTests {

    @TempDir
    Path data;

    @Test
    void whatWasWrittenIsThereAfterTheEnginesRestart() throws Exception {
        Ports ports = Ports.free();
        Secrets secrets = Secrets.load(data);
        try (LocalEngines engines = LocalEngines.start(data, ports, secrets)) {
            engines.ownDatabase("shop", "shop_service", "first-password-0123456789");
            try (Connection connection = DriverManager.getConnection(engines.jdbcUrl("shop"), "shop_service",
                    "first-password-0123456789"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (name text)");
                statement.execute("INSERT INTO kept VALUES ('order-1')");
            }
            assertThat(redis(ports, "SET kept order-1")).isEqualTo("+OK");
            try (MongoClient mongo = MongoClients.create(engines.mongoUri("shop"))) {
                mongo.getDatabase("shop").getCollection("kept").insertOne(new Document("_id", "product-1"));
            }
        }

        assertThat(Secrets.load(data)).isEqualTo(secrets);
        try (LocalEngines engines = LocalEngines.start(data, ports, Secrets.load(data))) {
            // A new password at each start: the old one no longer works.
            engines.ownDatabase("shop", "shop_service", "second-password-0123456789");
            try (Connection connection = DriverManager.getConnection(engines.jdbcUrl("shop"), "shop_service",
                    "second-password-0123456789"); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("order-1");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(engines.jdbcUrl("shop"), "shop_service",
                    "first-password-0123456789").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(redis(ports, "GET kept")).isEqualTo("$7");
            try (MongoClient mongo = MongoClients.create(engines.mongoUri("shop"))) {
                assertThat(mongo.getDatabase("shop").getCollection("kept").countDocuments()).isEqualTo(1);
            }
        }
    }

    @Test
    void aServiceLoginCannotReachAnotherServicesDatabaseNorActAsSuperuser() throws Exception {
        try (LocalEngines engines = LocalEngines.start(data, Ports.free(), Secrets.load(data))) {
            engines.ownDatabase("users", "users_service", "users-password-0123456789");
            engines.ownDatabase("orders", "orders_service", "orders-password-0123456789");

            assertThatThrownBy(() -> DriverManager.getConnection(engines.jdbcUrl("orders"), "users_service",
                    "users-password-0123456789").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            try (Connection connection = DriverManager.getConnection(engines.jdbcUrl("users"), "users_service",
                    "users-password-0123456789"); Statement statement = connection.createStatement();
                    ResultSet role = statement.executeQuery("SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles"
                            + " WHERE rolname = current_user")) {
                assertThat(role.next()).isTrue();
                assertThat(role.getBoolean(1) || role.getBoolean(2) || role.getBoolean(3)).isFalse();
            }
        }
    }

    /** One command in Redis's inline protocol; the first line of the answer. */
    private static String redis(Ports ports, String command) throws IOException {
        try (Socket socket = new Socket(LocalEngines.HOST, ports.redis())) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
