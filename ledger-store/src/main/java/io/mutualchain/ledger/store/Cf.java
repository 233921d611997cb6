package io.mutualchain.ledger.store;

import java.nio.charset.StandardCharsets;

/**
 * The column families. Each holds one kind of record so that a scan (accounts for the supply check,
 * consensus for recovery) never has to skip foreign keys. Names are part of the on-disk format.
 */
public enum Cf {
    /** Head, genesis hash, totals, schema version, the validator epoch history: small records keyed by ASCII names. */
    META("meta"),
    /** Height (8 bytes big-endian) to the encoded block. */
    BLOCKS("blocks"),
    /** Height (8 bytes big-endian) to the encoded commit certificate. */
    CERTS("certs"),
    /** Block hash to height (uint). */
    BLOCK_BY_HASH("block_by_hash"),
    /** Transaction id to its {@link io.mutualchain.ledger.TxLocation}. */
    TX_INDEX("tx_index"),
    /** Transaction id to its {@link io.mutualchain.ledger.Receipt}. */
    RECEIPTS("receipts"),
    /** Address (20 bytes) to {@link io.mutualchain.ledger.Account}; empty accounts are not stored. */
    ACCOUNTS("accounts"),
    /** Every other state entry (assets, asset history records, deals, governance votes) by its state key. */
    STATE("state"),
    /** State tree position to {@link io.mutualchain.ledger.state.SmtNode}. */
    STATE_TREE("state_tree"),
    /** Opaque records of the consensus engine. */
    CONSENSUS("consensus");

    private final String name;

    Cf(String name) {
        this.name = name;
    }

    public String cfName() {
        return name;
    }

    byte[] nameBytes() {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
