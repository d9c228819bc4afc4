package dev.flotilla.user.account;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flotilla.web.problem.InvalidFieldsException;
import dev.flotilla.web.problem.InvalidFieldsException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON merge patch (RFC 7396) to a profile: a member replaces the field, {@code null}
 * removes it, an absent member leaves it. The result is validated like a full profile, so a patch can
 * never produce what a registration could not.
 */
@Component
class ProfilePatch {

    private final JsonMapper json;
    private final Validator validator;

    ProfilePatch(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    Account.Profile apply(Account.Profile current, JsonNode patch) {
        if (!(patch instanceof ObjectNode changes)) {
            throw new InvalidFieldsException("body", "must be a JSON object of the fields to change");
        }
        ObjectNode merged = json.valueToTree(UpdateProfileRequest.of(current));
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            if (change.getValue().isNull()) {
                merged.remove(change.getKey());
            } else {
                merged.set(change.getKey(), change.getValue());
            }
        }
        UpdateProfileRequest request = read(merged);
        Set<ConstraintViolation<UpdateProfileRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations.stream()
                    .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                    .toList());
        }
        return request.toProfile();
    }

    private UpdateProfileRequest read(ObjectNode merged) {
        try {
            return json.treeToValue(merged, UpdateProfileRequest.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidFieldsException(e.getPropertyName(), "is not a profile field that can be changed");
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty() ? "body" : String.valueOf(e.getPath().getFirst().getPropertyName());
            throw new InvalidFieldsException(List.of(new FieldProblem(field, "has a value of the wrong type or form")));
        }
    }
}
