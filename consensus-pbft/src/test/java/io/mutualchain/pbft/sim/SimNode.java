package io.mutualchain.pbft.sim;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.pbft.PbftEngine;
import io.mutualchain.pbft.Verdict;
import io.mutualchain.pbft.drive.ConsensusDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One simulated replica instance: its driver (the daemon's, null while crashed; it runs an engine, or
 * observes while the replica is not in the current epoch's validator set), its durable store (what
 * the engine asked to persist, and the signable-through bound), and its application: an in-memory
 * ledger of committed blocks whose state root is a hash chain of the applied block hashes.
 */
final class SimNode {
    /** Pre-signed throwaway transactions that blocks carry, so bodies and tx roots are exercised. */
    static final List<Transaction> TX_POOL = txPool();

    final int index;
    final int instance;
    final KeyPair key;
    final Behaviour behaviour;
    /** This incarnation's driver; null while crashed. */
    ConsensusDriver<RuntimeException> driver;
    long restartAtTick = -1;
    final TreeMap<String, byte[]> store = new TreeMap<>();
    /** The durable bound this replica has recorded before sending signed messages (the daemon's head marker). */
    long signableThrough;
    final List<CommittedBlock> ledger = new ArrayList<>();
    final List<Hash32> roots = new ArrayList<>(List.of(Hash32.ZERO));
    final List<byte[]> heard = new ArrayList<>();
    int crashes;
    /** How far this replica's clock is from real time: {@code instance} ms for a sound clock, else the seed's skew. */
    final long clockSkewMs;

    SimNode(int index, int instance, KeyPair key, Behaviour behaviour, long skewMs) {
        this.index = index;
        this.instance = instance;
        this.key = key;
        this.behaviour = behaviour;
        this.clockSkewMs = switch (behaviour) {
            case CLOCK_AHEAD -> skewMs;
            case CLOCK_BEHIND -> -(skewMs + Simulation.MESSAGE_DELAY_MS);
            default -> instance;
        };
    }

    boolean skewedClock() {
        return behaviour == Behaviour.CLOCK_AHEAD || behaviour == Behaviour.CLOCK_BEHIND;
    }

    boolean honest() {
        return behaviour == Behaviour.HONEST;
    }

    boolean up() {
        return driver != null;
    }

    boolean validating() {
        return driver != null && driver.validating();
    }

    /** Running, but not a validator of the current epoch: follows by block sync. */
    boolean observer() {
        return driver != null && !driver.validating();
    }

    /** This epoch's engine; null while crashed or observing. */
    PbftEngine engine() {
        return driver == null ? null : driver.engine().orElse(null);
    }

    long height() {
        return ledger.size();
    }

    Hash32 headHash(Hash32 genesis) {
        return ledger.isEmpty() ? genesis : ledger.get(ledger.size() - 1).block().hash();
    }

    long headTimestamp() {
        return ledger.isEmpty() ? 0 : ledger.get(ledger.size() - 1).block().header().timestampMs();
    }

    Hash32 root() {
        return roots.get(roots.size() - 1);
    }

    Verdict validate(Block b, Hash32 genesis) {
        if (b.height() != height() + 1) {
            return Verdict.NOT_YET;
        }
        if (!b.header().prevHash().equals(headHash(genesis))) {
            return Verdict.invalid("parent is not our head");
        }
        if (!b.header().stateRoot().equals(root())) {
            return Verdict.invalid("state root does not match ours");
        }
        if (b.header().timestampMs() <= headTimestamp()) {
            return Verdict.invalid("timestamp is not after the parent's");
        }
        return Verdict.VALID;
    }

    Block build(String chainId, Hash32 genesis, long view, long tick, long ts, int txPick, boolean wrongRoot) {
        long h = height() + 1;
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < txPick % 3; i++) {
            txs.add(TX_POOL.get((int) ((txPick + i + h) % TX_POOL.size())));
        }
        Hash32 root = wrongRoot ? Sha256.hash(new byte[] {(byte) tick, 7}) : root();
        BlockHeader header = new BlockHeader(chainId, h, headHash(genesis), ts, Block.txRoot(txs), root, root, txs.size(),
                key.publicKey(), view);
        return new Block(header, txs);
    }

    void apply(CommittedBlock cb) {
        ledger.add(cb);
        roots.add(Sha256.hash(root().toBytes(), cb.block().hash().toBytes()));
    }

    private static List<Transaction> txPool() {
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) (100 + i);
            KeyPair k = KeyPair.fromSeed(seed);
            byte[] to = new byte[32];
            to[1] = (byte) i;
            txs.add(Transaction.sign("sim", k, i, 10_000, new Transfer(Address.of(KeyPair.fromSeed(to).publicKey()), 1 + i)));
        }
        return List.copyOf(txs);
    }
}
