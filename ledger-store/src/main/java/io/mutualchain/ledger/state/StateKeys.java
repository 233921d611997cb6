package io.mutualchain.ledger.state;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.types.Address;

/**
 * State keys name entries of the world state; the tree key is SHA-256 of the state key, which
 * spreads keys evenly over the tree (so paths stay short) whatever the addresses look like. The
 * first byte of a state key says what kind of entry it is, so later kinds (assets, members,
 * contracts) get their own key space without a new tree.
 */
public final class StateKeys {
    /** State key kind of an account: followed by the 20 address bytes. */
    public static final int ACCOUNT_KIND = 0x01;

    /** An asset: followed by its 32-byte id. */
    public static final int ASSET_KIND = 0x02;
    /** An asset history record: asset id, then the record index as 8 bytes big-endian (so a scan is in order). */
    public static final int RECORD_KIND = 0x03;
    /** A completed deal: asset id, then the index of the E06 record, 8 bytes big-endian. */
    public static final int DEAL_KIND = 0x04;
    /** A governance proposal's votes: followed by the 32-byte proposal id. */
    public static final int VOTES_KIND = 0x05;
    /** A contract module's bytes: followed by its 32-byte code hash (SHA-256 of the bytes), so equal code is stored once. */
    public static final int CODE_KIND = 0x06;
    /** A deployed contract's record (code hash, deployer, height): followed by the 20-byte contract address. */
    public static final int CONTRACT_KIND = 0x07;
    /** One entry of a contract's storage: the 20-byte contract address, then the storage key's bytes. */
    public static final int STORAGE_KIND = 0x08;
    /** The validator schedule (set in force and the approved next one): a singleton, the kind byte alone. */
    public static final int VALIDATORS_KIND = 0x09;

    private StateKeys() {
    }

    public static byte[] assetKey(Hash32 id) {
        return withKind(ASSET_KIND, id.toBytes(), -1);
    }

    public static byte[] recordKey(Hash32 assetId, long index) {
        return withKind(RECORD_KIND, assetId.toBytes(), index);
    }

    public static byte[] dealKey(Hash32 assetId, long index) {
        return withKind(DEAL_KIND, assetId.toBytes(), index);
    }

    public static byte[] votesKey(Hash32 proposalId) {
        return withKind(VOTES_KIND, proposalId.toBytes(), -1);
    }

    public static byte[] codeKey(Hash32 codeHash) {
        return withKind(CODE_KIND, codeHash.toBytes(), -1);
    }

    public static byte[] contractKey(Address contract) {
        return withKind(CONTRACT_KIND, contract.toBytes(), -1);
    }

    /** The one state key of the validator schedule ({@link io.mutualchain.ledger.model.ValidatorSchedule}). */
    public static byte[] validatorsKey() {
        return new byte[] {(byte) VALIDATORS_KIND};
    }

    /** Storage keys are up to the VM's byte-string limit long; the tree key (a hash) keeps paths short whatever their length. */
    public static byte[] storageKey(Address contract, byte[] key) {
        byte[] addr = contract.toBytes();
        byte[] k = new byte[1 + addr.length + key.length];
        k[0] = (byte) STORAGE_KIND;
        System.arraycopy(addr, 0, k, 1, addr.length);
        System.arraycopy(key, 0, k, 1 + addr.length, key.length);
        return k;
    }

    /** The tree key of any state key: SHA-256(stateKey). */
    public static Hash32 treeKey(byte[] stateKey) {
        return Sha256.hash(stateKey);
    }

    private static byte[] withKind(int kind, byte[] id, long index) {
        byte[] k = new byte[1 + id.length + (index < 0 ? 0 : 8)];
        k[0] = (byte) kind;
        System.arraycopy(id, 0, k, 1, id.length);
        if (index >= 0) {
            for (int i = 0; i < 8; i++) {
                k[1 + id.length + i] = (byte) (index >>> (56 - 8 * i));
            }
        }
        return k;
    }

    public static byte[] accountStateKey(Address a) {
        byte[] addr = a.toBytes();
        byte[] k = new byte[1 + addr.length];
        k[0] = (byte) ACCOUNT_KIND;
        System.arraycopy(addr, 0, k, 1, addr.length);
        return k;
    }

    /** The tree key of an account: SHA-256(0x01 || address). */
    public static Hash32 accountTreeKey(Address a) {
        return Sha256.hash(accountStateKey(a));
    }
}
