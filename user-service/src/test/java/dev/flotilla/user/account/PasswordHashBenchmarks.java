package dev.flotilla.user.account;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The cost of checking a password, which bounds logins per second: one BCrypt verification per
 * login, at the configured strength (11) and its neighbours. Run with
 * {@code ./mvnw -pl user-service -am -Pbenchmark -DskipTests verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasswordHashBenchmarks {

    @Param({"10", "11", "12"})
    public int strength;

    private BCryptPasswordEncoder encoder;
    private String hash;

    @Setup
    public void setUp() {
        encoder = new BCryptPasswordEncoder(strength);
        hash = encoder.encode("Correct-Horse-Battery-9");
    }

    @Benchmark
    public boolean verify() {
        return encoder.matches("Correct-Horse-Battery-9", hash);
    }
}
