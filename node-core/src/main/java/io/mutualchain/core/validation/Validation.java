package io.mutualchain.core.validation;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The outcome of a consensus-critical check: {@link Valid}, or {@link Refused} with a typed
 * {@link ReasonCode} and a detail for people. Tests assert the code; the detail may change wording.
 */
public sealed interface Validation permits Validation.Valid, Validation.Refused {

    /** The data passed the check. */
    record Valid() implements Validation {
        private static final Valid INSTANCE = new Valid();

        @Override
        public boolean isOk() {
            return true;
        }

        @Override
        public Optional<ReasonCode> reason() {
            return Optional.empty();
        }

        @Override
        public String detail() {
            return "";
        }

        @Override
        public String message() {
            return "valid";
        }
    }

    /** The data was refused for {@code code}; {@code detail} names the values involved. */
    record Refused(ReasonCode code, String detail) implements Validation {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isOk() {
            return false;
        }

        @Override
        public Optional<ReasonCode> reason() {
            return Optional.of(code);
        }

        /** The code first, then the detail: the form logs and exception messages carry. */
        @Override
        public String message() {
            return code.name() + ": " + detail;
        }

        @Override
        public String toString() {
            return message();
        }
    }

    static Validation valid() {
        return Valid.INSTANCE;
    }

    static Refused refused(ReasonCode code, String detail) {
        return new Refused(code, detail);
    }

    boolean isOk();

    /** The code when refused; empty when valid. */
    Optional<ReasonCode> reason();

    /** The detail for people when refused; empty when valid. */
    String detail();

    /** {@code CODE: detail} when refused, for messages and logs. */
    String message();

    /** The refusal, if this is one. */
    default Optional<Refused> refusal() {
        return this instanceof Refused r ? Optional.of(r) : Optional.empty();
    }

    /** This refusal, or when valid the result of the next check (checks run in order, the first refusal wins). */
    default Validation andThen(Supplier<Validation> next) {
        return isOk() ? next.get() : this;
    }

    /**
     * The same code with {@code context} before the detail: a check that delegates (a view change
     * carrying a block) keeps the most specific code and says where it was found.
     */
    default Validation within(String context) {
        return this instanceof Refused r ? new Refused(r.code(), context + r.detail()) : this;
    }

    /** Returns normally when valid; throws what {@code exception} makes of the refusal otherwise. */
    default <X extends Throwable> void orElseThrow(Function<? super Refused, ? extends X> exception) throws X {
        if (this instanceof Refused r) {
            throw exception.apply(r);
        }
    }
}
