package io.mutualchain.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a method is for, its params in positional order (name, whether required, JSON Schema, meaning),
 * its result schema and the errors it may answer besides the generic ones. It is written once, where
 * the method is registered: the method's param names and required count are taken from it, and
 * {@code rpc.discover} publishes it, so the served API and its description cannot drift apart.
 */
public record MethodDoc(String summary, List<ParamDoc> params, JsonNode result, List<ErrorDoc> errors) {
    /** One param. Required params come first (positional calls may omit only a tail). */
    public record ParamDoc(String name, boolean required, JsonNode schema, String description) {
        public ParamDoc {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(description, "description");
        }
    }

    /** An error code a method answers on purpose, and when. */
    public record ErrorDoc(int code, String message) {
        public ErrorDoc {
            Objects.requireNonNull(message, "message");
        }
    }

    public MethodDoc {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(result, "result");
        params = List.copyOf(params);
        errors = List.copyOf(errors);
        boolean optionalSeen = false;
        for (ParamDoc p : params) {
            if (p.required() && optionalSeen) {
                throw new IllegalArgumentException("required param '" + p.name() + "' follows an optional one");
            }
            optionalSeen |= !p.required();
        }
    }

    /** The doc of a method registered without one (test fixtures): params named, any schema. */
    static MethodDoc undocumented(List<String> names, int required) {
        List<ParamDoc> ps = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ps.add(new ParamDoc(names.get(i), i < required, Schema.any(), ""));
        }
        return new MethodDoc("", ps, Schema.any(), List.of());
    }

    public List<String> paramNames() {
        return params.stream().map(ParamDoc::name).toList();
    }

    public int requiredParams() {
        return (int) params.stream().filter(ParamDoc::required).count();
    }

    public static Builder of(String summary) {
        return new Builder(summary);
    }

    /** Reads like the docs table: {@code MethodDoc.of("…").param(…).optional(…).result(…).error(…).build()}. */
    public static final class Builder {
        private final String summary;
        private final List<ParamDoc> params = new ArrayList<>();
        private final List<ErrorDoc> errors = new ArrayList<>();
        private JsonNode result = Schema.any();

        private Builder(String summary) {
            this.summary = summary;
        }

        public Builder param(String name, JsonNode schema, String description) {
            params.add(new ParamDoc(name, true, schema, description));
            return this;
        }

        public Builder optional(String name, JsonNode schema, String description) {
            params.add(new ParamDoc(name, false, schema, description));
            return this;
        }

        public Builder result(JsonNode schema) {
            this.result = schema;
            return this;
        }

        public Builder error(int code, String message) {
            errors.add(new ErrorDoc(code, message));
            return this;
        }

        public MethodDoc build() {
            return new MethodDoc(summary, params, result, errors);
        }
    }
}
