/** Hex text and small byte helpers. Kept apart so that every module formats bytes the same way. */
package io.mutualchain.core.bytes;
