/**
 * The admin methods ({@code admin_}): facts about the running node that an operator needs and a
 * wallet must not see (peers, pool contents, data directory), and a runtime log-level switch. They
 * exist only when the operator configured a bearer token, and every call must present it; the token
 * check lives here, beside the methods it guards, so the transports only pass the header along and
 * cannot grant access by mistake. The node-specific facts come through the {@link
 * io.mutualchain.rpc.admin.AdminApi} port, which the daemon implements.
 */
package io.mutualchain.rpc.admin;
