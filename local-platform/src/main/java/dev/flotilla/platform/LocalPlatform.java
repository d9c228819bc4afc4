package dev.flotilla.platform;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;

/**
 * The run command: the whole platform on one machine without Docker ({@link Platform}), a table of
 * URLs and credentials once everything is ready, and on Ctrl-C the services stopped gracefully, then
 * the engines. Arguments: {@code --fresh} deletes the data of earlier runs first; {@code --help}.
 * System properties: see {@link PlatformSettings} and {@link Ports}.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        // The demo pictures are drawn with java.awt: no window system, and no Dock icon on a Mac.
        System.setProperty("java.awt.headless", "true");
        for (String arg : args) {
            switch (arg) {
                case "--fresh" -> System.setProperty("flotilla.fresh", "true");
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.out.println("Unknown argument " + arg + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        PlatformSettings settings = PlatformSettings.fromSystemProperties();
        System.out.println("Starting the Flotilla platform" + (settings.fresh() ? " from scratch" : "") + "; data in "
                + settings.data() + ", logs in " + settings.logs());
        Platform platform;
        try {
            platform = Platform.start(settings, System.out::println);
        } catch (Platform.StartFailure e) {
            System.out.println(e.getMessage());
            System.exit(1);
            return;
        }
        stopOnSignals(platform);
        printTable(platform);
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /**
     * Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) stop the services first, then the
     * engines, then the launcher. Handled here rather than in a shutdown hook: the engines' libraries
     * register hooks of their own, which the JVM would run at the same time as the services still stop.
     */
    private static void stopOnSignals(Platform platform) {
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "flotilla-stop"));
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (stopping.compareAndSet(false, true)) {
                        System.out.println("Stopping the services, then the engines...");
                        platform.close();
                        System.out.println("Stopped.");
                        System.exit(0);
                    }
                });
            } catch (IllegalArgumentException unsupported) {
                // HUP on Windows: the shutdown hook stops everything there.
            }
        }
    }

    private static void printTable(Platform platform) {
        System.out.println();
        System.out.printf("%-18s %-6s %-9s %-22s %-45s %s%n", "SERVICE", "STATUS", "READY IN", "URL", "OPENAPI UI", "STORES");
        for (ServiceProcess service : platform.services()) {
            String ready = service.readyAfter() == null ? "-" : Platform.seconds(service.readyAfter());
            // The gateway has no API of its own; each service documents its own.
            String docs = service.name().equals("gateway") ? "-" : service.url() + "/swagger-ui.html";
            System.out.printf("%-18s %-6s %-9s %-22s %-45s %s%n", service.name(), service.alive() ? "UP" : "DOWN", ready,
                    service.url(), docs, platform.stores().get(service.name()));
        }
        System.out.println("Health of each: <URL>/actuator/health (readiness: /actuator/health/readiness)");
        System.out.println();
        System.out.println("Shop API and sales dashboard (admins), through the gateway: " + platform.gatewayUrl() + "/");
        System.out.println("Administrator: " + Platform.ADMIN_EMAIL + " / " + platform.adminPassword());
        System.out.println("Demo customer: " + Platform.CUSTOMER_EMAIL + " / " + platform.customerPassword());
        platform.demoData().forEach(System.out::println);
        System.out.println("Data (kept between runs; ./run --fresh starts from scratch): " + platform.settings().data());
        System.out.println("Logs: " + platform.settings().logs());
        Platform.Timings timings = platform.timings();
        System.out.println("Ready in %s: engines %s, services %s, demo data %s".formatted(Platform.seconds(timings.total()),
                Platform.seconds(timings.engines()), Platform.seconds(timings.services()),
                Platform.seconds(timings.demoData())));
    }

    private static String usage() {
        return """
                Usage: ./run [--fresh] [-D<property>=<value>...]
                  --fresh                      delete the data of earlier runs (.flotilla/) and start from scratch
                  -Dflotilla.aot=false         start the services without the JDK 25 ahead-of-time cache
                  -Dflotilla.data=<directory>  keep the data elsewhere than .flotilla/
                  -Dflotilla.port.<name>=<n>   listen elsewhere; names and defaults: gateway 8080, user-service 8081,
                                               product-service 8082, order-service 8083, image-service 8084,
                                               analytics-service 8085, postgres 15432, redis 16379, mongo 17017, s3 19000""";
    }
}
