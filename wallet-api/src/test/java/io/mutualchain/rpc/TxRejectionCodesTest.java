package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.tx.TxRejection.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Wallets match on these numbers: every refusal reason keeps the code docs/api.md promises. */
class TxRejectionCodesTest {
    private static final Path API_DOC = Path.of("..", "docs", "api.md");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (-320\\d\\d) \\| `([A-Z_]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyReasonHasTheCodeTheTransactionRefusalsTableOfTheApiDocGivesIt() throws IOException {
        Map<Reason, Integer> documented = documentedCodes();
        assertThat(documented.keySet()).as("the table lists every reason, no more").containsExactlyInAnyOrder(Reason.values());
        for (Reason reason : Reason.values()) {
            assertThat(TxRejectionCodes.code(reason)).as(reason.name()).isEqualTo(documented.get(reason));
        }
    }

    @Test
    void theCodesAreDistinctAndFirstAndLastBoundTheRange() {
        int[] codes = Arrays.stream(Reason.values()).mapToInt(TxRejectionCodes::code).toArray();
        assertThat(Arrays.stream(codes).distinct().count()).isEqualTo(codes.length);
        assertThat(Arrays.stream(codes).max().getAsInt()).isEqualTo(TxRejectionCodes.FIRST);
        assertThat(Arrays.stream(codes).min().getAsInt()).isEqualTo(TxRejectionCodes.LAST);
    }

    @Test
    void aReasonIsReadBackOnlyWhenTheCodeAndTheNameAgree() {
        assertThat(TxRejectionCodes.reason(-32015, "NONCE_TOO_LOW")).contains(Reason.NONCE_TOO_LOW);
        assertThat(TxRejectionCodes.reason(-32016, "NONCE_TOO_LOW")).isEmpty();
        assertThat(TxRejectionCodes.reason(-32015, "NO_SUCH_REASON")).isEmpty();
    }

    private static Map<Reason, Integer> documentedCodes() throws IOException {
        String doc = Files.readString(API_DOC, StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("### Transaction refusals"));
        Map<Reason, Integer> codes = new LinkedHashMap<>();
        Matcher row = TABLE_ROW.matcher(section);
        while (row.find()) {
            codes.put(Reason.valueOf(row.group(2)), Integer.parseInt(row.group(1)));
        }
        return codes;
    }
}
