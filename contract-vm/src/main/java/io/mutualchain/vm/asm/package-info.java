/**
 * The text side of the VM, for contract authors: an assembler from a small line-oriented language
 * (comments, labels, named constants and storage slots, functions with named typed parameters,
 * includes and macros) to module bytes, and a disassembler whose output assembles back to the same
 * bytes. It lives apart from the VM proper because nothing here runs on a node during consensus:
 * the node only ever loads bytes. Errors name the file, line and column of the offending token.
 */
package io.mutualchain.vm.asm;
