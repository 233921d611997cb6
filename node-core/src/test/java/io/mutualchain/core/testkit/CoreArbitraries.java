package io.mutualchain.core.testkit;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * jqwik generators for the kernel's values. Signatures here are random bytes, not real ones: codec
 * properties do not need valid signatures, and signing is the slow part of a property run.
 */
public final class CoreArbitraries {
    /** Keeps generated blocks small enough that a thousand tries stay cheap. */
    public static final int MAX_GENERATED_TXS = 4;
    public static final int MAX_GENERATED_SIGNATURES = 7;

    private CoreArbitraries() {
    }

    public static Arbitrary<byte[]> bytes(int size) {
        return Arbitraries.bytes().array(byte[].class).ofSize(size);
    }

    public static Arbitrary<PublicKey> publicKeys() {
        return bytes(PublicKey.SIZE).map(PublicKey::of);
    }

    public static Arbitrary<Signature> signatures() {
        return bytes(Signature.SIZE).map(Signature::of);
    }

    public static Arbitrary<Hash32> hashes() {
        return bytes(Hash32.SIZE).map(Hash32::of);
    }

    public static Arbitrary<Address> addresses() {
        return bytes(Address.SIZE).map(Address::ofBytes);
    }

    /** 1 to 64 UTF-8 bytes that survive a decode/encode round trip (no lone surrogates). */
    public static Arbitrary<String> chainIds() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("-._").ofMinLength(1).ofMaxLength(64),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(20))
                .filter(CoreArbitraries::isChainIdSized);
    }

    private static boolean isChainIdSized(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return utf8.length >= 1 && utf8.length <= Transaction.MAX_CHAIN_ID_BYTES && new String(utf8, StandardCharsets.UTF_8).equals(s);
    }

    /** A valid chain id that differs from {@code chainId}: its first code point replaced by an ASCII letter. */
    public static String otherChainId(String chainId) {
        String rest = chainId.substring(chainId.offsetByCodePoints(0, 1));
        return (chainId.startsWith("a") ? "b" : "a") + rest;
    }

    public static Arbitrary<Long> nonNegativeLongs() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE);
    }

    public static Arbitrary<Transfer> transfers() {
        return Combinators.combine(addresses(), Arbitraries.longs().between(1, Mtn.TOTAL_SUPPLY)).as(Transfer::new);
    }

    /** Transactions with random (almost always invalid) signatures. */
    public static Arbitrary<Transaction> transactions() {
        return Combinators.combine(chainIds(), publicKeys(), nonNegativeLongs(), Arbitraries.longs().between(0, Mtn.TOTAL_SUPPLY),
                transfers(), signatures()).as(Transaction::of);
    }

    public static Arbitrary<BlockHeader> headers() {
        return Builders.withBuilder(HeaderBuilder::new)
                .use(chainIds()).in(HeaderBuilder::chainId)
                .use(Arbitraries.longs().between(1, Long.MAX_VALUE)).in(HeaderBuilder::height)
                .use(hashes()).in(HeaderBuilder::prevHash)
                .use(nonNegativeLongs()).in(HeaderBuilder::timestampMs)
                .use(hashes()).in(HeaderBuilder::txRoot)
                .use(hashes()).in(HeaderBuilder::stateRoot)
                .use(hashes()).in(HeaderBuilder::receiptsRoot)
                .use(Arbitraries.integers().between(0, Integer.MAX_VALUE)).in(HeaderBuilder::txCount)
                .use(publicKeys()).in(HeaderBuilder::proposer)
                .use(nonNegativeLongs()).in(HeaderBuilder::view)
                .build(HeaderBuilder::build);
    }

    public static Arbitrary<Block> blocks() {
        return Combinators.combine(headers(), transactions().list().ofMaxSize(MAX_GENERATED_TXS)).as(Block::new);
    }

    public static Arbitrary<CommitCertificate> certificates() {
        Arbitrary<List<ValidatorSignature>> sigs = Combinators.combine(publicKeys(), signatures()).as(ValidatorSignature::new)
                .list().ofMaxSize(MAX_GENERATED_SIGNATURES).uniqueElements(ValidatorSignature::validator);
        return Combinators.combine(nonNegativeLongs(), nonNegativeLongs(), hashes(), sigs).as(CommitCertificate::new);
    }

    /** Mutable on purpose: jqwik's builder combinator fills it field by field. */
    public static final class HeaderBuilder {
        private String chainId;
        private long height;
        private Hash32 prevHash;
        private long timestampMs;
        private Hash32 txRoot;
        private Hash32 stateRoot;
        private Hash32 receiptsRoot;
        private int txCount;
        private PublicKey proposer;
        private long view;

        HeaderBuilder chainId(String v) { chainId = v; return this; }
        HeaderBuilder height(long v) { height = v; return this; }
        HeaderBuilder prevHash(Hash32 v) { prevHash = v; return this; }
        HeaderBuilder timestampMs(long v) { timestampMs = v; return this; }
        HeaderBuilder txRoot(Hash32 v) { txRoot = v; return this; }
        HeaderBuilder stateRoot(Hash32 v) { stateRoot = v; return this; }
        HeaderBuilder receiptsRoot(Hash32 v) { receiptsRoot = v; return this; }
        HeaderBuilder txCount(int v) { txCount = v; return this; }
        HeaderBuilder proposer(PublicKey v) { proposer = v; return this; }
        HeaderBuilder view(long v) { view = v; return this; }

        BlockHeader build() {
            return new BlockHeader(chainId, height, prevHash, timestampMs, txRoot, stateRoot, receiptsRoot, txCount, proposer, view);
        }
    }
}
