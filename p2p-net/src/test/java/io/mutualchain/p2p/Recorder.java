package io.mutualchain.p2p;

import io.mutualchain.core.crypto.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An inbound handler that remembers everything it was told. */
class Recorder implements InboundHandler {
    record Received(PublicKey from, Channel channel, byte[] payload) {
        boolean is(PublicKey f, Channel c, byte[] p) {
            return from.equals(f) && channel == c && Arrays.equals(payload, p);
        }
    }

    final List<Received> messages = new CopyOnWriteArrayList<>();
    final Set<PublicKey> connected = ConcurrentHashMap.newKeySet();
    final List<PublicKey> connectEvents = new CopyOnWriteArrayList<>();
    final List<PublicKey> disconnectEvents = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(PublicKey from, Channel channel, byte[] payload) {
        messages.add(new Received(from, channel, payload));
    }

    @Override
    public void onConnected(PublicKey peer) {
        connected.add(peer);
        connectEvents.add(peer);
    }

    @Override
    public void onDisconnected(PublicKey peer) {
        connected.remove(peer);
        disconnectEvents.add(peer);
    }

    boolean got(PublicKey from, Channel channel, byte[] payload) {
        return messages.stream().anyMatch(m -> m.is(from, channel, payload));
    }

    long countFrom(PublicKey from) {
        return messages.stream().filter(m -> m.from().equals(from)).count();
    }
}
