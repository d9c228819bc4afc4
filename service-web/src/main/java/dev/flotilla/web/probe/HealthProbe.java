package dev.flotilla.web.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A container's health check without a shell or curl in the image (the base has neither): a JVM of
 * its own asks the service on {@code 127.0.0.1:$PORT} for its readiness group and exits 0 when it
 * answers 200, 1 otherwise. compose runs it as
 * {@code java -cp '/app/libs/*' dev.flotilla.web.probe.HealthProbe}; Kubernetes asks over HTTP and
 * needs no probe in the image.
 */
public final class HealthProbe {

    static final String DEFAULT_PATH = "/actuator/health/readiness";
    private static final int TIMEOUT_MILLIS = 3_000;

    private HealthProbe() {
    }

    /** {@code args[0]}: another path to ask, for example the liveness group. */
    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        System.exit(healthy(Integer.parseInt(port), args.length > 0 ? args[0] : DEFAULT_PATH) ? 0 : 1);
    }

    static boolean healthy(int port, String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                    .openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            }
            return status == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
