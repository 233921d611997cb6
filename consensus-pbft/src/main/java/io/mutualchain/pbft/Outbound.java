package io.mutualchain.pbft;

import io.mutualchain.core.crypto.PublicKey;
import java.util.Optional;

/**
 * A message to send.
 *
 * @param to      the one validator to send to, or empty to send to every other validator
 * @param payload the encoded signed message, to be handed unchanged to the receiver's {@code step}
 */
public record Outbound(Optional<PublicKey> to, byte[] payload) {
    public Outbound {
        payload = payload.clone();
    }

    public static Outbound broadcast(byte[] payload) {
        return new Outbound(Optional.empty(), payload);
    }

    public static Outbound unicast(PublicKey to, byte[] payload) {
        return new Outbound(Optional.of(to), payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
