package dev.flotilla.order.events;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A reader refuses anything but a well-formed order event, and says what is wrong. */
class MalformedOrderEventTests {

    final OrderEventCodec codec = new OrderEventCodec();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "null", "42", "\"text\"", "{} {}", "{\"id\":1,\"id\":2}"})
    void refusesWhatIsNotOneJsonObject(String document) {
        assertThatExceptionOfType(MalformedOrderEventException.class).isThrownBy(() -> codec.read(document));
    }

    @Test
    void refusesADocumentLargerThanTheLimit() {
        String huge = "{\"padding\":\"" + "x".repeat(OrderEventCodec.MAX_DOCUMENT_LENGTH) + "\"}";
        assertThatExceptionOfType(MalformedOrderEventException.class).isThrownBy(() -> codec.read(huge))
                .withMessageContaining("longer than");
    }

    @Test
    void refusesADuplicatedAttribute() {
        String document = codec.write(UUID.randomUUID(), Events.placed(), null, null)
                .replace("\"specversion\":\"1.0\"", "\"specversion\":\"1.0\",\"specversion\":\"1.0\"");
        assertThatExceptionOfType(MalformedOrderEventException.class).isThrownBy(() -> codec.read(document))
                .withMessageContaining("Duplicate");
    }

    static Stream<Arguments> envelopes() {
        return Stream.of(
                arguments("another specversion", edit(root -> root.put("specversion", "0.3")), "specversion"),
                arguments("no specversion", edit(root -> root.remove("specversion")), "specversion is required"),
                arguments("an unknown type", edit(root -> root.put("type", "dev.flotilla.order.shipped.v1")), "type is not"),
                arguments("no type", edit(root -> root.remove("type")), "type is required"),
                arguments("a numeric type", edit(root -> root.put("type", 7)), "type must be a string"),
                arguments("an id that is no UUID", edit(root -> root.put("id", "event-1")), "id must be a UUID"),
                arguments("no id", edit(root -> root.remove("id")), "id is required"),
                arguments("no source", edit(root -> root.remove("source")), "source is required"),
                arguments("no time", edit(root -> root.remove("time")), "time is required"),
                arguments("a local time", edit(root -> root.put("time", "2026-12-01T10:15:30")), "time must be"),
                arguments("no subject", edit(root -> root.remove("subject")), "subject is required"),
                arguments("another subject", edit(root -> root.put("subject", UUID.randomUUID().toString())), "subject must be"),
                arguments("another content type", edit(root -> root.put("datacontenttype", "text/plain")), "datacontenttype"),
                arguments("no data", edit(root -> root.remove("data")), "data must be a JSON object"),
                arguments("an array as data", edit(root -> root.putArray("data")), "data must be a JSON object"),
                arguments("base64 data", edit(root -> root.put("data_base64", "e30=")), "data_base64"));
    }

    static Stream<Arguments> data() {
        return Stream.of(
                arguments("no orderId", data(data -> data.remove("orderId")), "orderId"),
                arguments("an orderId that is no UUID", data(data -> data.put("orderId", "42")), "orderId"),
                arguments("no userId", data(data -> data.remove("userId")), "userId"),
                arguments("a lower-case country", data(data -> data.put("country", "de")), "data.country"),
                arguments("a numeric currency", data(data -> data.put("currency", 978)), "currency"),
                arguments("no lines", data(data -> data.putArray("lines")), "data.lines must hold"),
                arguments("no occurredAt", data(data -> data.remove("occurredAt")), "occurredAt"),
                arguments("no totals", data(data -> data.remove("totalsEur")), "totalsEur"),
                arguments("a total as a JSON number", totals(totals -> totals.put("total", 3570)), "data.totals.total must be a decimal string"),
                arguments("a missing amount", totals(totals -> totals.remove("tax")), "data.totals.tax is missing"),
                arguments("an amount with four decimals", totals(totals -> totals.put("tax", "570.0001")), "data.totals.tax"),
                arguments("a negative amount", totals(totals -> totals.put("tax", "-570")), "data.totals.tax"),
                arguments("an amount with an exponent", totals(totals -> totals.put("tax", "5.7e2")), "data.totals.tax"),
                arguments("an amount that is no number", totals(totals -> totals.put("tax", "lots")), "data.totals.tax"),
                arguments("a total that is not subtotal + tax", totals(totals -> totals.put("total", "3571")), "must equal subtotal + tax"),
                arguments("a price as a JSON number", line(line -> line.put("unitPrice", 10.5)), "data.lines[0].unitPrice"),
                arguments("no quantity", line(line -> line.remove("quantity")), "quantity"),
                arguments("a zero quantity", line(line -> line.put("quantity", 0)), "quantity must be at least 1"),
                arguments("a quantity as a string", line(line -> line.put("quantity", "2")), "quantity"),
                arguments("a fractional quantity", line(line -> line.put("quantity", 1.5)), "quantity"),
                arguments("an upper-case product id", line(line -> line.put("productId", "65A1F0C2B3D4E5F60718293A")), "productId"),
                arguments("a blank category", line(line -> line.put("category", " ")), "category"),
                arguments("a line that is no object", data(data -> data.putArray("lines").add("line")), "lines"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"envelopes", "data"})
    void refusesAMalformedEvent(String what, String document, String message) {
        assertThatExceptionOfType(MalformedOrderEventException.class).isThrownBy(() -> codec.read(document))
                .withMessageContaining(message);
    }

    @Test
    void refusesACancellationWithoutAReason() {
        ObjectNode root = (ObjectNode) JSON.readTree(new OrderEventCodec().write(UUID.randomUUID(), Events.cancelled(), null, null));
        ((ObjectNode) root.get("data")).remove("reason");
        assertThatExceptionOfType(MalformedOrderEventException.class).isThrownBy(() -> codec.read(root.toString()))
                .withMessageContaining("reason");
    }

    @Test
    void refusesToWriteAnEventAReaderWouldRefuse() {
        OrderPlaced placed = Events.placed();
        OrderPlaced unbalanced = new OrderPlaced(placed.orderId(), placed.userId(), placed.country(), placed.currency(),
                placed.lines(), Events.totals("1", "1", "3"), placed.totalsEur(), placed.occurredAt());
        assertThatExceptionOfType(MalformedOrderEventException.class)
                .isThrownBy(() -> codec.write(UUID.randomUUID(), unbalanced, null, null))
                .withMessageContaining("must equal subtotal + tax");
    }

    private static String edit(Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) JSON.readTree(new OrderEventCodec().write(UUID.randomUUID(), Events.placed(), null, null));
        change.accept(root);
        return root.toString();
    }

    private static String data(Consumer<ObjectNode> change) {
        return edit(root -> change.accept((ObjectNode) root.get("data")));
    }

    private static String totals(Consumer<ObjectNode> change) {
        return data(data -> change.accept((ObjectNode) data.get("totals")));
    }

    private static String line(Consumer<ObjectNode> change) {
        return data(data -> change.accept((ObjectNode) data.get("lines").get(0)));
    }
}
