package io.mutualchain.ledger;

import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.model.AssetRecord;
import java.util.List;

/** An asset with a page of its history records, the first being record {@code from}. */
public record AssetHistory(Asset asset, long from, List<AssetRecord> records) {
    public AssetHistory {
        records = List.copyOf(records);
    }
}
