/** Helpers shared by node-core's tests: vector loading, deterministic keys, jqwik generators. */
package io.mutualchain.core.testkit;
