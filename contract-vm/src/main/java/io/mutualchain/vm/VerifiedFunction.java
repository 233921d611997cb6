package io.mutualchain.vm;

import java.util.List;

/**
 * What the verifier proved about one function, and what the translator needs from it: the decoded
 * instructions, which of them start basic blocks, which are reachable, the type on top of the stack
 * before each one, and the highest the operand stack gets.
 */
record VerifiedFunction(List<Instruction> instructions, boolean[] leader, boolean[] reachable, ValueType[] topType,
        int maxStack, int[] targetIndex) {
}
