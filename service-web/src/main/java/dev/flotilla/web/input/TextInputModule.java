package dev.flotilla.web.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Puts every JSON string a client sends through the {@link TextPolicy}: values bound to {@code String},
 * strings inside untyped values ({@code Object}, {@code Map}, {@code JsonNode}) and map keys. Enum
 * values must be spelled exactly: no padding, which Jackson would otherwise trim away.
 */
public class TextInputModule extends SimpleModule {

    public TextInputModule() {
        super("flotilla-text-input");
        setDeserializerModifier(new Modifier());
        // Trees are found before modifiers run: their deserializers are registered by type.
        for (Class<? extends JsonNode> tree : List.of(JsonNode.class, ObjectNode.class, ArrayNode.class)) {
            addTree(tree);
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends JsonNode> void addTree(Class<T> type) {
        ValueDeserializer<?> checked = new Checked(JsonNodeDeserializer.getDeserializer(type));
        addDeserializer(type, (ValueDeserializer<T>) checked);
    }

    private static final class Modifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                ValueDeserializer<?> deserializer) {
            Class<?> type = beanDesc.getBeanClass();
            boolean textual = type == String.class || type == Object.class || JsonNode.class.isAssignableFrom(type);
            return textual ? new Checked(deserializer) : deserializer;
        }

        @Override
        public ValueDeserializer<?> modifyMapDeserializer(DeserializationConfig config,
                tools.jackson.databind.type.MapType type, BeanDescription.Supplier beanDesc, ValueDeserializer<?> deserializer) {
            return new Checked(deserializer);
        }

        @Override
        public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription.Supplier beanDesc, ValueDeserializer<?> deserializer) {
            return new ExactEnum(deserializer);
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type, KeyDeserializer keys) {
            return type.getRawClass() == String.class ? new CheckedKeys(keys) : keys;
        }
    }

    /** Checks and normalises the strings of whatever the wrapped deserializer produced. */
    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return clean(super.deserialize(parser, context), parser);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue) {
            return clean(super.deserialize(parser, context, intoValue), parser);
        }
    }

    /** Enum constants as they are written: {@code " ADMIN"} or {@code "ADMIN\u0000"} are not ADMIN. */
    private static final class ExactEnum extends DelegatingDeserializer {

        ExactEnum(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new ExactEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String name = parser.getString();
                if (!name.equals(name.strip()) || TextPolicy.problem(name).isPresent()) {
                    throw new RejectedTextException(parser, "is not one of the allowed values", name, handledType());
                }
            }
            return super.deserialize(parser, context);
        }
    }

    private static final class CheckedKeys extends KeyDeserializer {

        private final KeyDeserializer delegate;

        CheckedKeys(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return delegate.deserializeKey(text(key, context.getParser()), context);
        }
    }

    static Object clean(Object value, JsonParser parser) {
        return switch (value) {
            case null -> null;
            case String text -> text(text, parser);
            case Map<?, ?> map -> cleanMap(map, parser);
            case List<?> list -> cleanList(list, parser);
            case JsonNode node -> cleanNode(node, parser);
            default -> value;
        };
    }

    private static Map<Object, Object> cleanMap(Map<?, ?> map, JsonParser parser) {
        Map<Object, Object> clean = new LinkedHashMap<>();
        map.forEach((key, value) -> clean.put(clean(key, parser), clean(value, parser)));
        return clean;
    }

    private static List<Object> cleanList(List<?> list, JsonParser parser) {
        List<Object> clean = new ArrayList<>(list.size());
        list.forEach(value -> clean.add(clean(value, parser)));
        return clean;
    }

    private static JsonNode cleanNode(JsonNode node, JsonParser parser) {
        if (node.isString()) {
            String text = text(node.stringValue(), parser);
            return text.equals(node.stringValue()) ? node : StringNode.valueOf(text);
        }
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> clean = new LinkedHashMap<>();
            object.properties().forEach(entry -> clean.put(text(entry.getKey(), parser), cleanNode(entry.getValue(), parser)));
            object.removeAll();
            clean.forEach(object::set);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, cleanNode(array.get(i), parser));
            }
        }
        return node;
    }

    private static String text(String text, JsonParser parser) {
        try {
            return TextPolicy.apply(text);
        } catch (TextPolicy.Rejected rejected) {
            throw new RejectedTextException(parser, rejected.getMessage(), text, String.class);
        }
    }
}
