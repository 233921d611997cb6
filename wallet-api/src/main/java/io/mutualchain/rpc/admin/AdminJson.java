package io.mutualchain.rpc.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.rpc.JsonViews;
import io.mutualchain.rpc.jsonrpc.JsonCodec;

/** The JSON forms of the admin answers (docs/api.md, "Admin methods"). */
final class AdminJson {
    private AdminJson() {
    }

    static ObjectNode nodeInfo(NodeInfo n) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("name", n.name());
        o.put("version", n.version());
        o.put("publicKey", n.publicKey().toHex());
        o.put("address", n.address().toString());
        o.put("role", n.validator() ? "validator" : "observer");
        o.put("epochBase", n.epochBase());
        o.put("validatorSetSize", n.validatorSetSize());
        o.put("chainId", n.chainId());
        o.put("genesisHash", JsonViews.hash(n.genesisHash()));
        o.put("height", n.height());
        o.put("rpcPort", n.rpcPort());
        o.put("p2pPort", n.p2pPort());
        o.put("metricsPort", n.metricsPort());
        o.put("dataDir", n.dataDir());
        o.put("uptimeSeconds", n.uptimeSeconds());
        return o;
    }

    static ObjectNode peers(PeersInfo p) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        ArrayNode peers = o.putArray("peers");
        int connected = 0;
        for (PeersInfo.Peer peer : p.peers()) {
            peers.addObject()
                    .put("publicKey", peer.publicKey().toHex())
                    .put("name", peer.name())
                    .put("address", peer.address())
                    .put("configured", peer.configured())
                    .put("connected", peer.connected());
            connected += peer.connected() ? 1 : 0;
        }
        o.put("connected", connected);
        if (p.transport().isEmpty()) {
            o.putNull("transport");
        } else {
            PeersInfo.Transport t = p.transport().get();
            o.putObject("transport")
                    .put("framesIn", t.framesIn())
                    .put("framesOut", t.framesOut())
                    .put("payloadBytesIn", t.payloadBytesIn())
                    .put("payloadBytesOut", t.payloadBytesOut())
                    .put("linksOpened", t.linksOpened())
                    .put("bans", t.bans())
                    .put("openSockets", t.openSockets());
        }
        return o;
    }

    static ObjectNode mempool(MempoolInfo m) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("size", m.size());
        o.put("bytes", m.bytes());
        o.putObject("limits")
                .put("maxTransactions", m.maxTransactions())
                .put("maxPerSender", m.maxPerSender())
                .put("maxBytes", m.maxBytes());
        o.put("senders", m.senders());
        ArrayNode top = o.putArray("topSenders");
        for (MempoolInfo.Sender s : m.topSenders()) {
            top.addObject()
                    .put("address", s.address().toString())
                    .put("count", s.count())
                    .put("lowestNonce", s.lowestNonce())
                    .put("highestNonce", s.highestNonce());
        }
        return o;
    }

    static ObjectNode logLevel(LogLevelChange c) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("logger", c.logger());
        if (c.previous() == null) {
            o.putNull("previous");
        } else {
            o.put("previous", c.previous().name());
        }
        o.put("previousEffective", c.previousEffective().name());
        o.put("level", c.level().name());
        return o;
    }
}
