/**
 * The HTTP transport of the JSON-RPC server, on Netty. The event loop only frames HTTP, enforces the
 * body, connection and pipelining bounds and writes answers; every method call runs on a bounded
 * worker pool, so a slow node call can delay its own answer but never another connection's I/O.
 * Back-pressure is explicit: a full pool answers HTTP 503 at once instead of queueing without end.
 */
package io.mutualchain.rpc.http;
