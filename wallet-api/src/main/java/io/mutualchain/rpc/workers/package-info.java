/**
 * The bounded worker pool that runs every JSON-RPC method call, off the event loop. It has its own
 * package because both transports use it — HTTP ({@code rpc.http}) and WebSocket ({@code rpc.ws}),
 * which the HTTP pipeline upgrades to — and neither should depend on the other for it.
 */
package io.mutualchain.rpc.workers;
