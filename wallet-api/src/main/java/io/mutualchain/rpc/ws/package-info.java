/**
 * JSON-RPC over WebSocket on the HTTP port ({@code GET /ws} with {@code Upgrade: websocket}). Netty
 * does the handshake and the framing; this package turns text frames into the same dispatcher calls
 * HTTP bodies make (on the same bounded worker pool) and owns what only a long-lived connection
 * needs: a session for subscriptions, a bounded outbound queue that disconnects a client that does
 * not read instead of buffering for it, and pings so a dead peer is noticed.
 */
package io.mutualchain.rpc.ws;
