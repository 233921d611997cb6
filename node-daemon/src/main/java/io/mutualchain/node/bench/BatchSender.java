package io.mutualchain.node.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.tx.Transaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends transactions as one JSON-RPC 2.0 batch of {@code mc_sendRawTransaction} calls (the node
 * answers them in order), so the bench measures the chain rather than one HTTP round trip per
 * transaction. Returns, per transaction, null if accepted or the error message.
 */
final class BatchSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;

    BatchSender(URI endpoint) {
        this.endpoint = endpoint;
    }

    List<String> send(List<Transaction> txs) throws IOException, InterruptedException {
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < txs.size(); i++) {
            batch.addObject().put("jsonrpc", "2.0").put("id", i).put("method", "mc_sendRawTransaction")
                    .putArray("params").add("0x" + Hex.encode(txs.get(i).encode()));
        }
        HttpRequest req = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(batch))).build();
        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        List<String> out = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            out.add("no answer");
        }
        if (resp.statusCode() != 200) {
            throw new IOException("HTTP " + resp.statusCode() + " from " + endpoint);
        }
        JsonNode answers = JSON.readTree(resp.body());
        if (!answers.isArray()) {
            throw new IOException("batch answer is not an array: " + answers.path("error").path("message").asText());
        }
        for (JsonNode a : answers) {
            int id = a.path("id").asInt(-1);
            if (id >= 0 && id < txs.size()) {
                out.set(id, a.has("error") ? a.path("error").path("message").asText("error") : null);
            }
        }
        return out;
    }
}
