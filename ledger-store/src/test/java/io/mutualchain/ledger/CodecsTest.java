package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.store.Head;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CodecsTest {
    final TestChain chain = new TestChain();
    final Hash32 h = Sha256.hash(new byte[] {1});

    @Test
    void storedRecordsSurviveTheirEncoding() {
        Account a = new Account(Mtn.TOTAL_SUPPLY, 7);
        assertThat(Account.decode(a.encode())).isEqualTo(a);
        Receipt ok = new Receipt(h, 3, 2, h, Receipt.Status.SUCCESS, "", 10_000);
        Receipt failed = new Receipt(h, 3, 2, h, Receipt.Status.FAILED, "NONCE_TOO_LOW: nonce 0 was already used", 0);
        assertThat(Receipt.decode(ok.encode())).isEqualTo(ok);
        assertThat(Receipt.decode(failed.encode())).isEqualTo(failed);
        TxLocation loc = new TxLocation(chain.transfer(chain.users.get(0), 0, chain.reserve.address(), 5), 9, 1, h);
        assertThat(TxLocation.decode(loc.encode())).isEqualTo(loc);
        MtnTotals t = new MtnTotals(Mtn.TOTAL_SUPPLY, 12, 30_000);
        assertThat(MtnTotals.decode(t.encode())).isEqualTo(t);
        Head head = new Head(4, h, 99, Hash32.ZERO, Hash32.ZERO);
        assertThat(Head.decode(head.encode())).isEqualTo(head);
    }

    @Test
    void decodingRefusesTrailingBytesTruncationAndOutOfRangeValues() {
        byte[] acct = new Account(5, 1).encode();
        assertThatThrownBy(() -> Account.decode(Arrays.copyOf(acct, acct.length + 1))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Account.decode(Arrays.copyOf(acct, acct.length - 1))).isInstanceOf(CodecException.class);
        byte[] tooRich = new io.mutualchain.core.codec.CanonicalWriter().uint(Mtn.TOTAL_SUPPLY + 1).uint(0).toByteArray();
        assertThatThrownBy(() -> Account.decode(tooRich)).isInstanceOf(CodecException.class);
        byte[] receipt = new Receipt(h, 1, 0, h, Receipt.Status.SUCCESS, "", 1).encode();
        byte[] badStatus = receipt.clone();
        badStatus[32 + 1 + 1 + 32] = 7;
        assertThatThrownBy(() -> Receipt.decode(badStatus)).isInstanceOf(CodecException.class).hasMessageContaining("status");
        byte[] successWithError = new Receipt(h, 1, 0, h, Receipt.Status.FAILED, "x", 0).encode();
        successWithError[32 + 1 + 1 + 32] = 0;
        assertThatThrownBy(() -> Receipt.decode(successWithError)).isInstanceOf(CodecException.class);
    }

    @Test
    void aLongRejectionIsCutToTheReceiptBound() {
        String longMessage = "é".repeat(3000);
        String stored = BlockCommit.errorText(io.mutualchain.core.tx.TxRejection.of(io.mutualchain.core.tx.TxRejection.Reason.MALFORMED, longMessage));
        assertThat(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Receipt.MAX_ERROR_BYTES);
        Receipt r = new Receipt(h, 1, 0, h, Receipt.Status.FAILED, stored, 0);
        assertThat(Receipt.decode(r.encode())).isEqualTo(r);
    }
}
