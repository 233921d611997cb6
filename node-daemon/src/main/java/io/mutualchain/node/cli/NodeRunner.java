package io.mutualchain.node.cli;

import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerDamagedException;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.LocalFault;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.runtime.Node;
import io.mutualchain.node.runtime.NodeHalt;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a node in the foreground until Ctrl-C (SIGINT/SIGTERM), which shuts it down cleanly. */
final class NodeRunner {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRunner.class);

    /** Exit code when the node refuses to start on a damaged or shortened store (see docs/operations.md). */
    static final int EXIT_STORE_DAMAGED = 3;

    private NodeRunner() {
    }

    static int run(NodeConfig config, Consumer<Node> onStarted) {
        return run(config, Ledger.OpenMode.NORMAL, onStarted);
    }

    /**
     * Returns the exit code: 0 after a requested shutdown, {@link #EXIT_STORE_DAMAGED} if it refused
     * to start on a damaged store, {@link NodeHalt#EXIT_CODE} if the node's consensus halted on a
     * fault (the FATAL line in the log says what and where); other start errors throw UserError (exit 1).
     */
    static int run(NodeConfig config, Ledger.OpenMode mode, Consumer<Node> onStarted) {
        Node node = new Node(config, mode);
        try {
            node.start();
        } catch (LedgerDamagedException e) {
            LOG.error("FATAL: the node will not start, its ledger is damaged ({}: {}): {}", e.damage(), e.where(), e.getMessage());
            return EXIT_STORE_DAMAGED;
        } catch (IOException | LedgerException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | LocalFault e) {
            // A setting out of range, a state the node cannot start from, or a store it cannot read: say what, not where in the code.
            LOG.debug("node start failed", e);
            throw new UserError("cannot start the node: " + e.getMessage());
        }
        Thread hook = new Thread(() -> {
            LOG.info("shutting down");
            node.close();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        onStarted.accept(node);
        try {
            node.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (node.halt().isPresent()) {
            NodeHalt halt = node.halt().get();
            node.close();
            System.err.println("error: the node halted while " + halt.during() + ": " + halt.what() + ": " + halt.cause().getMessage()
                    + " (exit code " + NodeHalt.EXIT_CODE + "; restart to resume from block " + halt.committedHeight() + ")");
            return NodeHalt.EXIT_CODE;
        }
        return 0;
    }
}
