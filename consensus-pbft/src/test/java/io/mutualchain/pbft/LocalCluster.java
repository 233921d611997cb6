package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.message.MessageCodec;
import io.mutualchain.pbft.message.PbftMessage;
import io.mutualchain.pbft.message.Signed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A synchronous in-process cluster for rule and transcript tests: FIFO delivery, no randomness, with
 * hooks to isolate nodes and drop messages. Records a transcript line per delivered message.
 */
final class LocalCluster {
    record Envelope(int from, int to, byte[] payload) {
    }

    final TestChain chain;
    final List<PbftEngine> engines = new ArrayList<>();
    final List<List<CommittedBlock>> ledgers = new ArrayList<>();
    final List<Hash32> roots = new ArrayList<>();
    final List<TreeMap<String, byte[]>> stores = new ArrayList<>();
    final Set<Integer> isolated = new HashSet<>();
    final List<String> transcript = new ArrayList<>();
    final ArrayDeque<Envelope> wire = new ArrayDeque<>();
    final MessageCodec codec;
    Predicate<Envelope> drop = e -> false;
    boolean serveSync;
    long clock = 1000;

    LocalCluster(int n, int k, int l) {
        this(new TestChain(n, k, l));
    }

    /** A cluster over {@code chain}; every engine reads {@code chain.nowMs} as its clock. */
    LocalCluster(TestChain chain) {
        this.chain = chain;
        int n = chain.keys.size();
        int l = chain.params.watermarkWindow();
        codec = new MessageCodec(n, l);
        for (int i = 0; i < n; i++) {
            ledgers.add(new ArrayList<>());
            roots.add(Hash32.ZERO);
            stores.add(new TreeMap<>());
            final int idx = i;
            engines.add(new PbftEngine(chain.config().withViewChangeTimeoutTicks(10, 40).withRetransmitTicks(5), chain.keys.get(i),
                    chain.validators, b -> validate(idx, b), new TreeMap<>(), 0, TestChain.GENESIS));
        }
    }

    Verdict validate(int i, Block b) {
        if (b.height() != ledgers.get(i).size() + 1) {
            return Verdict.NOT_YET;
        }
        return b.header().stateRoot().equals(roots.get(i)) ? Verdict.VALID : Verdict.invalid("wrong state root");
    }

    Hash32 head(int i) {
        List<CommittedBlock> l = ledgers.get(i);
        return l.isEmpty() ? TestChain.GENESIS : l.get(l.size() - 1).block().hash();
    }

    /** The primary proposes a block if it can; returns whether it did. */
    boolean propose() {
        for (int i = 0; i < engines.size(); i++) {
            PbftEngine e = engines.get(i);
            if (!isolated.contains(i) && e.canPropose()) {
                Block b = chain.block(e.nextProposalHeight(), head(i), roots.get(i), e.view(), clock++);
                e.propose(b);
                transcript.add("propose " + i + " h" + b.height() + " v" + e.view());
                return true;
            }
        }
        return false;
    }

    void tick(int times) {
        for (int t = 0; t < times; t++) {
            for (int i = 0; i < engines.size(); i++) {
                if (!isolated.contains(i)) {
                    engines.get(i).tick();
                }
            }
            settle();
        }
    }

    /** Processes every Ready and delivers every message until the cluster is quiet. */
    void settle() {
        boolean busy = true;
        while (busy) {
            busy = false;
            for (int i = 0; i < engines.size(); i++) {
                PbftEngine e = engines.get(i);
                while (!isolated.contains(i) && e.hasReady()) {
                    busy = true;
                    Ready r = e.ready();
                    for (PersistOp op : r.persist()) {
                        if (op.isDelete()) {
                            stores.get(i).remove(op.key());
                        } else {
                            stores.get(i).put(op.key(), op.value());
                        }
                    }
                    for (Outbound o : r.messages()) {
                        for (int j = 0; j < engines.size(); j++) {
                            if (j != i && (o.to().isEmpty() || o.to().get().equals(key(j)))) {
                                wire.add(new Envelope(i, j, o.payload()));
                            }
                        }
                    }
                    for (CommittedBlock cb : r.committed()) {
                        ledgers.get(i).add(cb);
                        roots.set(i, TestChain.rootAfter(roots.get(i), cb.block().hash()));
                        transcript.add("commit " + i + " h" + cb.height() + " v" + cb.certificate().view() + " sigs" + cb.certificate().signatures().size());
                        e.applied(cb.height(), cb.block().hash(), roots.get(i));
                    }
                    for (SyncRequest s : r.syncRequests()) {
                        transcript.add("sync " + i + " " + s.fromHeight() + ".." + s.toHeight());
                        if (serveSync) {
                            serve(i, s);
                        }
                    }
                    e.advance(r);
                }
            }
            while (!wire.isEmpty()) {
                busy = true;
                Envelope env = wire.poll();
                if (isolated.contains(env.from) || isolated.contains(env.to) || drop.test(env)) {
                    continue;
                }
                StepResult res = engines.get(env.to).step(key(env.from), env.payload);
                transcript.add(env.from + "->" + env.to + " " + describe(env.payload) + " " + (res.isAccepted() ? "ok" : res.reason()));
            }
        }
    }

    /** Answers a sync request from the longest other ledger, as the daemon's block fetcher would. */
    private void serve(int i, SyncRequest s) {
        int best = -1;
        for (int j = 0; j < engines.size(); j++) {
            if (j != i && !isolated.contains(j) && (best < 0 || ledgers.get(j).size() > ledgers.get(best).size())) {
                best = j;
            }
        }
        for (long h = s.fromHeight(); best >= 0 && h <= Math.min(s.toHeight(), ledgers.get(best).size()); h++) {
            CommittedBlock cb = ledgers.get(best).get((int) h - 1);
            engines.get(i).synced(cb.block(), cb.certificate());
        }
    }

    PublicKey key(int i) {
        return chain.keys.get(i).publicKey();
    }

    String describe(byte[] payload) {
        Signed<? extends PbftMessage> m = codec.decode(payload);
        return m.body().type().name();
    }

    /** Fills a ledger from another's, as a daemon's state sync would, through {@code synced}. */
    void syncFrom(int to, int from) {
        for (CommittedBlock cb : ledgers.get(from)) {
            if (cb.height() > ledgers.get(to).size()) {
                engines.get(to).synced(cb.block(), cb.certificate());
                settle();
            }
        }
    }
}
