package io.mutualchain.core.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads the test vectors copied into src/test/resources. The build never reads /work/shared: the
 * vectors travel with the module, beside their licences, so a checkout alone reproduces every verdict.
 */
public final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    public static JsonNode json(String resource) {
        try (InputStream in = open(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test vector " + resource, e);
        }
    }

    public static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test vector " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Vectors.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("test vector " + resource + " is missing from src/test/resources");
        }
        return in;
    }
}
