package io.mutualchain.core.validation;

/**
 * Why a check refused chain data. Each area of validation (certificate, block body, header links,
 * proposal, PBFT proof...) has its own enum implementing this, so one {@link Validation} serves
 * them all while each check can only produce the codes of its own area and those it delegates to.
 * {@link #area()} and {@link #name()} are stable identifiers: renaming one is a change to logs and
 * metrics that read them.
 */
public interface ReasonCode {
    /** The area of validation, lower case with dashes (e.g. {@code certificate}). */
    String area();

    /** The code within its area, upper case (an enum constant's name). */
    String name();
}
