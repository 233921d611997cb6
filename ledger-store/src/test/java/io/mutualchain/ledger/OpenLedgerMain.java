package io.mutualchain.ledger;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link SecondProcessTest}: opens the ledger in the given directory with the
 * test genesis and prints either "opened" or the refusal message, exiting 0 or 3 accordingly.
 */
public final class OpenLedgerMain {
    private OpenLedgerMain() {
    }

    public static void main(String[] args) {
        try (Ledger ledger = Ledger.open(Path.of(args[0]), new TestChain().genesis)) {
            System.out.println("opened at height " + ledger.height());
        } catch (LedgerException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
