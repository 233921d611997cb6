/**
 * Typed identifiers and quantities. An address, a height and an amount of MTN are all numbers or
 * bytes underneath; giving each its own type turns a mix-up into a compile error.
 */
package io.mutualchain.core.types;
