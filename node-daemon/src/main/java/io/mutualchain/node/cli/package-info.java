/**
 * The {@code mutualchain} command line (picocli). Flags mean the same on every command:
 * {@code --data-dir}, {@code --rpc-port} (node side), {@code --rpc} (client side), {@code --key},
 * {@code --to}, {@code --amount} (decimal MTN) and {@code --json}, which makes any command that prints
 * a result print one JSON object on stdout instead of text. Logs go to stderr so that stdout stays
 * machine-readable. A user mistake ends with "error: …" and exit code 1, never a stack trace.
 */
package io.mutualchain.node.cli;
