/**
 * The result type of consensus-critical validation. A check of chain data (a certificate, a block
 * body, a header's links, a proposal, a PBFT proof) answers with a {@link io.mutualchain.core.validation.Validation}:
 * valid, or refused with a typed {@link io.mutualchain.core.validation.ReasonCode} and a detail for
 * people. Callers and tests branch and assert on the code, whose name is stable (logs and metrics may
 * carry it); the detail is free text and is never hashed or compared.
 */
package io.mutualchain.core.validation;
