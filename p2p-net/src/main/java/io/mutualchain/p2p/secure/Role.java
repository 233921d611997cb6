package io.mutualchain.p2p.secure;

/**
 * Which end of the TCP connection we are. It picks the direction of each session key and is signed
 * into the handshake, so a peer's signed message cannot be reflected back to it as ours.
 */
public enum Role {
    INITIATOR(0),
    RESPONDER(1);

    private final int code;

    Role(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public Role other() {
        return this == INITIATOR ? RESPONDER : INITIATOR;
    }
}
