package io.mutualchain.pbft.message;

import io.mutualchain.core.codec.CanonicalWriter;
import java.util.List;

/**
 * The new primary's proof that {@code view} has started (paper §4.4): a quorum of VIEW-CHANGEs for
 * this view and the pre-prepares it re-issues for the prepared blocks they carry. Receivers
 * recompute those pre-prepares from the view changes and refuse the message if they differ.
 */
public record NewView(long view, List<Signed<ViewChange>> viewChanges, List<Signed<PrePrepare>> prePrepares) implements PbftMessage {
    public NewView {
        if (view < 1) {
            throw new IllegalArgumentException("a new view is view 1 or higher");
        }
        viewChanges = List.copyOf(viewChanges);
        prePrepares = List.copyOf(prePrepares);
    }

    @Override
    public MessageType type() {
        return MessageType.NEW_VIEW;
    }

    @Override
    public void write(CanonicalWriter w) {
        w.uint(view);
        w.list(viewChanges, (ww, s) -> s.writeNested(ww));
        w.list(prePrepares, (ww, s) -> s.writeNested(ww));
    }
}
