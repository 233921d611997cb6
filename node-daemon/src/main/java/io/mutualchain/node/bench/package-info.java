/**
 * The {@code bench} load generator: funds many accounts from one key, pre-signs transfers outside
 * the measured window, submits them over JSON-RPC with bounded concurrency (each account's
 * transactions in nonce order, from one worker), and watches new blocks to time each transaction
 * from submission to commit. Results are what {@code docs/benchmarks.md} reports.
 */
package io.mutualchain.node.bench;
