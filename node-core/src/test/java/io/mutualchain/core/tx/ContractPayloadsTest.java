package io.mutualchain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.testkit.TestKeys;
import io.mutualchain.core.types.Address;
import org.junit.jupiter.api.Test;

/** Contract deploy and call payloads (kinds 9 and 10) round trip, copy their bytes, and refuse out-of-bound fields. */
class ContractPayloadsTest {
    private static final KeyPair KEY = TestKeys.key(1);
    private static final Address CONTRACT = TestKeys.key(2).address();

    @Test
    void deployAndCallSurviveASignedTransactionRoundTrip() {
        for (TxPayload p : new TxPayload[] {
                new ContractDeploy(new byte[] {'M', 'C', 'V', 'M', 1}, new byte[] {0}, 5, 100_000),
                new ContractCall(CONTRACT, "bump", new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 5}, 0, 1)}) {
            Transaction tx = Transaction.sign("c", KEY, 3, 10_000, p);
            Transaction back = Transaction.decode(tx.encode());
            assertThat(back.payload()).isEqualTo(p);
            assertThat(back.payload().kind()).isEqualTo(p instanceof ContractDeploy ? 9 : 10);
            assertThat(back.id()).isEqualTo(tx.id());
        }
    }

    @Test
    void aDeployKeepsItsOwnCopyOfTheCode() {
        byte[] code = {1, 2, 3};
        ContractDeploy d = new ContractDeploy(code, null, 0, 1);
        code[0] = 9;
        d.code()[1] = 9;
        assertThat(d.code()).containsExactly(1, 2, 3);
        assertThat(d.args()).isEmpty();
    }

    @Test
    void boundsAreEnforcedOnConstructionAndOnDecoding() {
        assertThatThrownBy(() -> new ContractDeploy(new byte[0], null, 0, 1)).hasMessageContaining("empty");
        assertThatThrownBy(() -> new ContractDeploy(new byte[ContractDeploy.CODE_BYTES_MAX + 1], null, 0, 1)).hasMessageContaining("limit");
        assertThatThrownBy(() -> new ContractDeploy(new byte[1], null, 0, 0)).hasMessageContaining("gas limit");
        assertThatThrownBy(() -> new ContractDeploy(new byte[1], null, -1, 1)).hasMessageContaining("value");
        assertThatThrownBy(() -> new ContractCall(CONTRACT, "1bad", null, 0, 1)).hasMessageContaining("function name");
        assertThatThrownBy(() -> new ContractCall(CONTRACT, "f", null, 0, ContractDeploy.GAS_LIMIT_MAX + 1)).hasMessageContaining("gas limit");
        Transaction tx = Transaction.sign("c", KEY, 0, 10_000, new ContractCall(CONTRACT, "f", null, 0, 1));
        byte[] bytes = tx.encode();
        // The gas limit is the last field before the 64-byte signature: 1 encodes as one varint byte.
        int gasOffset = bytes.length - 64 - 1;
        assertThat(bytes[gasOffset]).isEqualTo((byte) 1);
        bytes[gasOffset] = 0;
        assertThatThrownBy(() -> Transaction.decode(bytes)).isInstanceOf(CodecException.class).hasMessageContaining("gas limit");
    }
}
