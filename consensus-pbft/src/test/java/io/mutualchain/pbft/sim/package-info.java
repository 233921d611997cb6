/**
 * The deterministic simulator: n engines on a simulated network and clock, all driven from one
 * seed (cluster size, K, L, fault rates, Byzantine roles, crashes, partitions, Twins). It exists
 * because PBFT bugs hide in interleavings no hand-written test enumerates; a seed reproduces any
 * run exactly, and the safety checker and liveness phase turn a run into a verdict.
 */
package io.mutualchain.pbft.sim;
