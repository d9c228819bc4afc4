package dev.flotilla.order.events;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Order events as CloudEvents JSON, written and read back. */
class OrderEventCodecTests {

    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    final OrderEventCodec codec = new OrderEventCodec();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anOrderPlacedSurvivesTheRoundTrip() {
        OrderPlaced placed = Events.placed();
        UUID id = UUID.randomUUID();

        ReceivedOrderEvent received = codec.read(codec.write(id, placed, TRACEPARENT, "congo=t61rcWkgMzE"));

        assertThat(received.event()).isEqualTo(placed);
        assertThat(received.id()).isEqualTo(id);
        assertThat(received.type()).isEqualTo(OrderPlaced.TYPE);
        assertThat(received.source()).isEqualTo(OrderEventCodec.DEFAULT_SOURCE);
        assertThat(received.time()).isEqualTo(placed.occurredAt());
        assertThat(received.traceparent()).isEqualTo(TRACEPARENT);
        assertThat(received.tracestate()).isEqualTo("congo=t61rcWkgMzE");
    }

    @Test
    void anOrderCancelledSurvivesTheRoundTripWithoutTraceContext() {
        OrderCancelled cancelled = Events.cancelled();

        ReceivedOrderEvent received = codec.read(codec.write(UUID.randomUUID(), cancelled, null, null));

        assertThat(received.event()).isEqualTo(cancelled);
        assertThat(received.type()).isEqualTo(OrderCancelled.TYPE);
        assertThat(received.traceparent()).isNull();
        assertThat(received.tracestate()).isNull();
    }

    @Test
    void writesTheCloudEventsAttributesAndAmountsAsPlainStrings() {
        OrderPlaced placed = Events.placed();
        UUID id = UUID.randomUUID();

        JsonNode written = json.readTree(new OrderEventCodec("/test/source").write(id, placed, TRACEPARENT, null));

        assertThat(written.get("specversion").stringValue()).isEqualTo("1.0");
        assertThat(written.get("id").stringValue()).isEqualTo(id.toString());
        assertThat(written.get("source").stringValue()).isEqualTo("/test/source");
        assertThat(written.get("type").stringValue()).isEqualTo("dev.flotilla.order.placed.v1");
        assertThat(written.get("subject").stringValue()).isEqualTo(placed.orderId().toString());
        assertThat(written.get("time").stringValue()).isEqualTo("2026-12-01T10:15:30.123456Z");
        assertThat(written.get("datacontenttype").stringValue()).isEqualTo("application/json");
        assertThat(written.get("traceparent").stringValue()).isEqualTo(TRACEPARENT);
        assertThat(written.has("tracestate")).isFalse();
        JsonNode line = written.get("data").get("lines").get(0);
        assertThat(line.get("unitPrice").isString()).isTrue();
        assertThat(line.get("unitPrice").stringValue()).isEqualTo("1000");
        assertThat(written.get("data").get("totals").get("total").stringValue()).isEqualTo("3570");
        assertThat(written.get("data").has("type")).as("the type is an attribute, not data").isFalse();
    }

    @Test
    void aNegativeScaleAmountIsWrittenWithoutAnExponent() {
        OrderPlaced placed = Events.placed();
        OrderPlaced scaled = new OrderPlaced(placed.orderId(), placed.userId(), placed.country(), placed.currency(),
                placed.lines(), new OrderTotals(new BigDecimal("3E+3"), new BigDecimal("570"), new BigDecimal("3570")),
                placed.totalsEur(), placed.occurredAt());

        String written = codec.write(UUID.randomUUID(), scaled, null, null);

        assertThat(written).contains("\"subtotal\":\"3000\"").doesNotContain("E+");
        assertThat(codec.read(written).event().totals().subtotal()).isEqualByComparingTo("3000");
    }

    @Test
    void theExamplesParse() {
        ReceivedOrderEvent placed = codec.read(Events.resource("order-placed.v1.example.json"));
        ReceivedOrderEvent cancelled = codec.read(Events.resource("order-cancelled.v1.example.json"));

        assertThat(placed.event()).isInstanceOf(OrderPlaced.class);
        assertThat(placed.event().lines()).hasSize(2);
        assertThat(placed.event().totals().total()).isEqualByComparingTo("59.38");
        assertThat(placed.traceparent()).isEqualTo(TRACEPARENT);
        assertThat(cancelled.event()).isInstanceOfSatisfying(OrderCancelled.class,
                event -> assertThat(event.reason()).isEqualTo("Cancelled by the customer"));
    }

    @Test
    void unknownAttributesAndDataFieldsAreIgnored() {
        String document = codec.write(UUID.randomUUID(), Events.placed(), null, null)
                .replace("\"specversion\"", "\"futureextension\":\"x\",\"specversion\"")
                .replace("\"country\"", "\"loyaltyTier\":\"gold\",\"country\"");

        assertThat(codec.read(document).event().country()).isEqualTo("DE");
    }

    @Test
    void aMalformedTraceparentIsDroppedWithItsTracestate() {
        String document = codec.write(UUID.randomUUID(), Events.placed(), TRACEPARENT, "a=b")
                .replace(TRACEPARENT, "00-not-a-trace-01");

        ReceivedOrderEvent received = codec.read(document);

        assertThat(received.traceparent()).isNull();
        assertThat(received.tracestate()).isNull();
    }
}
