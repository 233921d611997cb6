package io.mutualchain.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.testkit.CoreArbitraries;
import io.mutualchain.core.tx.Transaction;
import java.util.Arrays;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes a peer sends, decoding either yields a value or throws CodecException; nothing else
 * escapes. And when hostile bytes do decode, re-encoding gives back exactly those bytes, so no value
 * has a second encoding (the property that keeps hashes unique).
 */
class HostileBytesPropertiesTest {

    enum Decoder {
        TRANSACTION(Transaction::decode, Transaction::encode),
        BLOCK_HEADER(BlockHeader::decode, BlockHeader::encode),
        BLOCK(Block::decode, Block::encode),
        COMMIT_CERTIFICATE(CommitCertificate::decode, CommitCertificate::encode);

        final Function<byte[], Object> decode;
        final Function<Object, byte[]> encode;

        @SuppressWarnings("unchecked")
        <T> Decoder(Function<byte[], T> decode, Function<T, byte[]> encode) {
            this.decode = (Function<byte[], Object>) decode;
            this.encode = v -> encode.apply((T) v);
        }
    }

    /** Decodes; returns the re-encoding on success and null on a CodecException; anything else fails the property. */
    private static byte[] decodeOrNull(Decoder d, byte[] bytes) {
        try {
            return d.encode.apply(d.decode.apply(bytes));
        } catch (CodecException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return null;
        }
    }

    @Property(tries = 2000)
    void randomBytesNeverThrowAnythingButCodecException(@ForAll Decoder decoder, @ForAll @Size(max = 400) byte[] bytes) {
        byte[] reencoded = decodeOrNull(decoder, bytes);
        if (reencoded != null) {
            assertThat(reencoded).isEqualTo(bytes);
        }
    }

    private static Arbitrary<byte[]> validEncodings(Decoder d) {
        return switch (d) {
            case TRANSACTION -> CoreArbitraries.transactions().map(Transaction::encode);
            case BLOCK_HEADER -> CoreArbitraries.headers().map(BlockHeader::encode);
            case BLOCK -> CoreArbitraries.blocks().map(Block::encode);
            case COMMIT_CERTIFICATE -> CoreArbitraries.certificates().map(CommitCertificate::encode);
        };
    }

    private static Arbitrary<byte[]> mutated(Arbitrary<byte[]> valid) {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Integer> values = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 3);
        return Combinators.combine(valid, kinds, positions, values).as((bytes, kind, pos, value) -> {
            int at = pos % bytes.length;
            return switch (kind) {
                case 0 -> { // overwrite one byte
                    byte[] b = bytes.clone();
                    b[at] = (byte) (int) value;
                    yield b;
                }
                case 1 -> Arrays.copyOf(bytes, at); // truncate
                case 2 -> { // insert one byte
                    byte[] b = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, b, 0, at);
                    b[at] = (byte) (int) value;
                    System.arraycopy(bytes, at, b, at + 1, bytes.length - at);
                    yield b;
                }
                default -> { // delete one byte
                    byte[] b = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, b, 0, at);
                    System.arraycopy(bytes, at + 1, b, at, bytes.length - at - 1);
                    yield b;
                }
            };
        });
    }

    @Provide
    Arbitrary<Tuple2<Decoder, byte[]>> mutatedEncodings() {
        return Arbitraries.of(Decoder.class).flatMap(d -> mutated(validEncodings(d)).map(b -> Tuple.of(d, b)));
    }

    @Property(tries = 1000)
    void aMutatedValidEncodingEitherFailsWithCodecExceptionOrIsItsOwnUniqueEncoding(
            @ForAll("mutatedEncodings") Tuple2<Decoder, byte[]> input) {
        byte[] bytes = input.get2();
        byte[] reencoded = decodeOrNull(input.get1(), bytes);
        if (reencoded != null) {
            assertThat(reencoded).isEqualTo(bytes);
        }
        // Both branches must actually be taken, or the property proves nothing about uniqueness.
        Statistics.label("outcome").collect(reencoded == null ? "refused" : "decoded")
                .coverage(c -> {
                    c.check("decoded").count(n -> n >= 100);
                    c.check("refused").count(n -> n >= 100);
                });
    }

    @Property(tries = 300)
    void everyStrictPrefixOfAValidTransactionIsRefused(@ForAll("transactionEncodings") byte[] bytes) {
        for (int len = 0; len < bytes.length; len++) {
            assertThat(decodeOrNull(Decoder.TRANSACTION, Arrays.copyOf(bytes, len))).as("prefix of %d bytes", len).isNull();
        }
    }

    @Provide
    Arbitrary<byte[]> transactionEncodings() {
        return CoreArbitraries.transactions().map(Transaction::encode);
    }
}
