package dev.flotilla.order.events;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schemas and examples say what the records are, no more and no less. */
class OrderEventSchemaTests {

    final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource({"order-placed.v1, dev.flotilla.order.events.OrderPlaced",
            "order-cancelled.v1, dev.flotilla.order.events.OrderCancelled"})
    void everyRecordComponentIsARequiredPropertyOfTheSchemaAndViceVersa(String name, Class<?> type) {
        JsonNode schema = json.readTree(Events.resource(name + ".schema.json"));
        JsonNode data = schema.get("properties").get("data");

        assertThat(required(data)).containsExactlyInAnyOrderElementsOf(components(type));
        assertThat(properties(data)).containsExactlyInAnyOrderElementsOf(components(type));
        assertThat(required(schema.get("$defs").get("line"))).containsExactlyInAnyOrderElementsOf(components(OrderEventLine.class));
        assertThat(properties(schema.get("$defs").get("line"))).containsExactlyInAnyOrderElementsOf(components(OrderEventLine.class));
        assertThat(required(schema.get("$defs").get("totals"))).containsExactlyInAnyOrderElementsOf(components(OrderTotals.class));
        assertThat(properties(schema.get("$defs").get("totals"))).containsExactlyInAnyOrderElementsOf(components(OrderTotals.class));
    }

    @ParameterizedTest
    @CsvSource({"order-placed.v1, dev.flotilla.order.placed.v1", "order-cancelled.v1, dev.flotilla.order.cancelled.v1"})
    void theSchemaNamesTheTypeAndTheExampleHasEveryPropertyOfIt(String name, String type) throws Exception {
        JsonNode schema = json.readTree(Events.resource(name + ".schema.json"));
        JsonNode example = json.readTree(Events.resource(name + ".example.json"));

        assertThat(schema.get("properties").get("type").get("const").stringValue()).isEqualTo(type);
        assertThat(example.get("type").stringValue()).isEqualTo(type);
        assertThat(example.propertyNames()).containsAll(required(schema));
        assertThat(properties(schema)).containsAll(example.propertyNames());
        assertThat(example.get("data").propertyNames()).containsExactlyInAnyOrderElementsOf(properties(schema.get("properties").get("data")));
    }

    @ParameterizedTest
    @CsvSource({"order-placed.v1", "order-cancelled.v1"})
    void writtenEventsHaveExactlyTheDataPropertiesOfTheSchema(String name) {
        JsonNode schema = json.readTree(Events.resource(name + ".schema.json"));
        OrderEvent event = name.startsWith("order-placed") ? Events.placed() : Events.cancelled();
        JsonNode written = json.readTree(new OrderEventCodec().write(java.util.UUID.randomUUID(), event, null, null));

        assertThat(properties(schema)).containsAll(written.propertyNames());
        assertThat(written.get("data").propertyNames())
                .containsExactlyInAnyOrderElementsOf(properties(schema.get("properties").get("data")));
    }

    private static List<String> components(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.get("required").forEach(name -> names.add(name.stringValue()));
        return names;
    }

    private static List<String> properties(JsonNode schema) {
        return new ArrayList<>(schema.get("properties").propertyNames());
    }
}
