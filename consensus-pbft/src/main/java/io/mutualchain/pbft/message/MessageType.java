package io.mutualchain.pbft.message;

import java.util.Optional;

/** Wire tag of each message kind; the tag is part of the signing bytes, so a signature for one kind never verifies as another. */
public enum MessageType {
    PRE_PREPARE(1),
    PREPARE(2),
    COMMIT(3),
    CHECKPOINT(4),
    VIEW_CHANGE(5),
    NEW_VIEW(6);

    private final int tag;

    MessageType(int tag) {
        this.tag = tag;
    }

    public int tag() {
        return tag;
    }

    public static Optional<MessageType> ofTag(int tag) {
        for (MessageType t : values()) {
            if (t.tag == tag) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
