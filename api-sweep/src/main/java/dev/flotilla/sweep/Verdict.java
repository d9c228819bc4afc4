package dev.flotilla.sweep;

import java.util.Locale;

import dev.flotilla.sweep.Sender.Answer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decides whether an answer is a finding, and says why in a few words. */
final class Verdict {

    static final String SERVER_ERROR = "server error";
    static final String ACCEPTED = "accepted an input it must refuse";
    static final String NOT_PROBLEM = "error is not application/problem+json";
    static final String EMPTY_PROBLEM = "error has an empty body";
    static final String BAD_PROBLEM = "error body is not a problem object with the matching status";
    static final String NO_ANSWER = "no answer";

    private final JsonMapper json;

    Verdict(JsonMapper json) {
        this.json = json;
    }

    /** The reason this answer is a finding, or {@code null} when it is not one. */
    @Nullable String judge(Probe probe, boolean mustReject, Answer answer) {
        if (!answer.answered()) {
            // A server may close the connection on an oversized body instead of reading it: that is a refusal.
            return probe.mutation() == Mutation.OVERSIZED_BODY ? null : NO_ANSWER + ": " + answer.failure();
        }
        int status = answer.status();
        if (status >= 500) {
            return SERVER_ERROR;
        }
        if (status >= 200 && status < 300 && mustReject) {
            return ACCEPTED;
        }
        if (probe.expectedStatus() != 0 && status != probe.expectedStatus()) {
            return "expected " + probe.expectedStatus();
        }
        return status >= 400 ? problem(answer) : null;
    }

    private @Nullable String problem(Answer answer) {
        if (!answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return NOT_PROBLEM;
        }
        if (answer.body().isBlank()) {
            return EMPTY_PROBLEM;
        }
        try {
            JsonNode problem = json.readTree(answer.body());
            if (!problem.isObject() || problem.path("status").asInt(-1) != answer.status()) {
                return BAD_PROBLEM;
            }
            return null;
        } catch (JacksonException e) {
            return BAD_PROBLEM;
        }
    }
}
