package io.mutualchain.rpc.subscribe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;
import io.mutualchain.rpc.AssetView;
import io.mutualchain.rpc.BlockView;
import io.mutualchain.rpc.ContractCallView;
import io.mutualchain.rpc.JsonViews;
import io.mutualchain.rpc.NodeApi;
import io.mutualchain.rpc.ReceiptView;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one committed block means to subscribers, rendered once for all of them: its header (as
 * {@code mc_getBlockByNumber} renders it, without transactions or certificate), the events of the
 * contract runs that succeeded, and the asset records the block's asset events wrote.
 */
record BlockNotes(long height, ObjectNode header, List<ContractEventNote> contractEvents, List<AssetChangeNote> assetChanges) {
    /** Records read per page while looking for the one a transaction wrote. */
    static final int ASSET_PAGE_RECORDS = 64;
    /** Most records walked back from an asset's newest one; later blocks can only have added this many. */
    static final int ASSET_LOOKBACK_RECORDS_MAX = 4_096;

    /** One contract event: the emitting contract and the notification's {@code result}. */
    record ContractEventNote(Address contract, ObjectNode json) {
    }

    /** One asset change: the asset, the addresses an {@code owner} filter matches, and the {@code result}. */
    record AssetChangeNote(Hash32 asset, Set<Address> parties, ObjectNode json) {
    }

    /**
     * Reads block {@code height} through {@code api}; receipts and asset records only when {@code
     * withTransactions} (some subscriber wants contract events or asset changes).
     */
    static Optional<BlockNotes> read(NodeApi api, long height, boolean withTransactions) {
        Optional<BlockView> found = api.blockByNumber(height);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BlockView b = found.get();
        ObjectNode header = JsonViews.header(b.block().header());
        List<ContractEventNote> events = new ArrayList<>();
        List<AssetChangeNote> assets = new ArrayList<>();
        if (withTransactions) {
            List<Transaction> txs = b.block().transactions();
            for (int i = 0; i < txs.size(); i++) {
                Transaction tx = txs.get(i);
                Optional<ReceiptView> r = api.receipt(tx.id());
                if (r.isEmpty() || !r.get().success()) {
                    continue;
                }
                if (r.get().contract() != null) {
                    addEvents(events, r.get());
                }
                if (tx.payload() instanceof AssetEvent e) {
                    assets.add(assetChange(api, tx, i, height, e));
                }
            }
        }
        return Optional.of(new BlockNotes(height, header, List.copyOf(events), List.copyOf(assets)));
    }

    private static void addEvents(List<ContractEventNote> out, ReceiptView r) {
        List<ContractCallView.Event> es = r.contract().events();
        for (int j = 0; j < es.size(); j++) {
            ContractCallView.Event e = es.get(j);
            ObjectNode o = JsonCodec.NODES.objectNode();
            o.put("txId", JsonViews.hash(r.txId()));
            o.put("height", r.height());
            o.put("index", r.index());
            o.put("eventIndex", j);
            o.put("contract", e.contract().toString());
            ArrayNode topics = o.putArray("topics");
            e.topics().forEach(t -> topics.add(JsonViews.hex(t)));
            o.put("data", JsonViews.hex(e.data()));
            out.add(new ContractEventNote(e.contract(), o));
        }
    }

    private static AssetChangeNote assetChange(NodeApi api, Transaction tx, int index, long height, AssetEvent e) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("assetId", JsonViews.hash(e.assetId()));
        o.put("txId", JsonViews.hash(tx.id()));
        o.put("height", height);
        o.put("index", index);
        o.put("event", JsonViews.event(e.event().code()));
        o.put("eventName", e.event().name());
        o.put("sender", tx.senderAddress().toString());
        Set<Address> parties = new LinkedHashSet<>();
        parties.add(tx.senderAddress());
        if (e.to() != null) {
            parties.add(e.to());
            o.put("to", e.to().toString());
        }
        Optional<AssetView> now = api.asset(e.assetId(), 0, 0);
        Optional<AssetView.Record> written = now.flatMap(a -> recordOf(api, a, tx.id()));
        if (written.isPresent()) {
            o.put("state", JsonViews.state(written.get().state()));
            o.put("fromState", JsonViews.state(written.get().fromState()));
            o.put("businessData", JsonViews.hex(written.get().business()));
        } else {
            o.putNull("state");
        }
        if (now.isPresent()) {
            parties.add(now.get().owner());
            o.put("owner", now.get().owner().toString());
        }
        return new AssetChangeNote(e.assetId(), Set.copyOf(parties), o);
    }

    /** The record {@code txId} wrote, searched from the newest record back, at most {@link #ASSET_LOOKBACK_RECORDS_MAX}. */
    private static Optional<AssetView.Record> recordOf(NodeApi api, AssetView a, Hash32 txId) {
        long end = a.records();
        long floor = Math.max(0, end - ASSET_LOOKBACK_RECORDS_MAX);
        while (end > floor) {
            long from = Math.max(floor, end - ASSET_PAGE_RECORDS);
            Optional<AssetView> page = api.asset(a.id(), from, (int) (end - from));
            if (page.isEmpty()) {
                return Optional.empty();
            }
            List<AssetView.Record> rs = page.get().history();
            for (int k = rs.size() - 1; k >= 0; k--) {
                if (rs.get(k).txId().equals(txId)) {
                    return Optional.of(rs.get(k));
                }
            }
            end = from;
        }
        return Optional.empty();
    }
}
