package dev.flotilla.sweep;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A fresh valid request of an operation, before encoding: decoded path and query values, headers,
 * and the JSON body, which mutations copy and change.
 *
 * @param pathValues the value of each path parameter
 * @param query the value of each query parameter sent
 * @param headers header parameters
 * @param body the JSON body, or {@code null}
 * @param request the same request encoded, with the strongest token
 */
record Base(Map<String, String> pathValues, Map<String, String> query, Map<String, String> headers,
        @Nullable JsonNode body, Request request) {
}
