/**
 * JSON-RPC 2.0 as a protocol, apart from any transport: parsing a request body, validating each
 * request object, binding positional or named params, dispatching to a {@link
 * io.mutualchain.rpc.jsonrpc.MethodRegistry}, and shaping results, errors, notifications and batches
 * exactly as the specification says. It knows nothing of HTTP or of the node, so the same dispatcher
 * can serve HTTP now and WebSocket later, and can be tested against the specification's own examples
 * with fixture methods that never ship.
 */
package io.mutualchain.rpc.jsonrpc;
