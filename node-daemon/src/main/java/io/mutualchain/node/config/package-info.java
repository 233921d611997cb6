/**
 * Node configuration: what one operator chooses for one node (paths, ports, timers, pool bounds),
 * as opposed to genesis, which every node of a chain shares. Read from a JSON file by
 * {@code start --config}, or made up by {@code dev}; every field has a documented default.
 */
package io.mutualchain.node.config;
