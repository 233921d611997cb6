package io.mutualchain.p2p.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.p2p.HandshakeInfo;
import io.mutualchain.p2p.RefusalReason;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key exchange without sockets: both ends agree, and each forgery or mix-up is refused with its own reason. */
class HandshakeTest {
    private static final HandshakeInfo CHAIN = new HandshakeInfo("c", Sha256.hash(new byte[] {1}), 1);
    private final SecureRandom random = new SecureRandom();
    private final KeyPair alice = KeyPair.generate();
    private final KeyPair bob = KeyPair.generate();
    private final Set<PublicKey> both = Set.of(alice.publicKey(), bob.publicKey());

    private Handshake initiator(KeyPair who, Set<PublicKey> allow, HandshakeInfo info, Optional<PublicKey> expected) {
        return new Handshake(Role.INITIATOR, who, info, allow, expected, random);
    }

    private Handshake responder(KeyPair who, Set<PublicKey> allow, HandshakeInfo info) {
        return new Handshake(Role.RESPONDER, who, info, allow, Optional.empty(), random);
    }

    @Test
    void bothEndsDeriveMirroredKeysAndAuthenticateEachOther() throws Exception {
        Handshake i = initiator(alice, both, CHAIN, Optional.of(bob.publicKey()));
        Handshake r = responder(bob, both, CHAIN);
        SessionKeys ki = i.onPeerHello(r.hello());
        SessionKeys kr = r.onPeerHello(i.hello());
        assertThat(ki.sendKey()).isEqualTo(kr.receiveKey());
        assertThat(ki.receiveKey()).isEqualTo(kr.sendKey());
        assertThat(ki.sendKey()).isNotEqualTo(ki.receiveKey());
        assertThat(r.acceptPeerAuth(i.ourAuth())).isEqualTo(alice.publicKey());
        assertThat(i.acceptPeerAuth(r.ourAuth())).isEqualTo(bob.publicKey());
    }

    @Test
    void anAuthMessageFromAnotherConnectionDoesNotVerify() throws Exception {
        Handshake i1 = initiator(alice, both, CHAIN, Optional.empty());
        Handshake r1 = responder(bob, both, CHAIN);
        i1.onPeerHello(r1.hello());
        r1.onPeerHello(i1.hello());
        byte[] replayed = i1.ourAuth();

        Handshake i2 = initiator(alice, both, CHAIN, Optional.empty());
        Handshake r2 = responder(bob, both, CHAIN);
        i2.onPeerHello(r2.hello());
        r2.onPeerHello(i2.hello());
        assertRefused(() -> r2.acceptPeerAuth(replayed), RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void ourOwnAuthReflectedBackIsRefused() throws Exception {
        Handshake i = initiator(alice, both, CHAIN, Optional.empty());
        Handshake r = responder(bob, both, CHAIN);
        i.onPeerHello(r.hello());
        r.onPeerHello(i.hello());
        // Same transcript, but signed for the other role: the role byte in the signed bytes catches it.
        assertRefused(() -> i.acceptPeerAuth(i.ourAuth()), RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void aFlippedSignatureBitIsRefused() throws Exception {
        Handshake i = initiator(alice, both, CHAIN, Optional.empty());
        Handshake r = responder(bob, both, CHAIN);
        i.onPeerHello(r.hello());
        r.onPeerHello(i.hello());
        byte[] auth = i.ourAuth();
        auth[auth.length - 1] ^= 1;
        assertRefused(() -> r.acceptPeerAuth(auth), RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void truncatedOrPaddedAuthIsMalformed() throws Exception {
        Handshake i = initiator(alice, both, CHAIN, Optional.empty());
        Handshake r = responder(bob, both, CHAIN);
        i.onPeerHello(r.hello());
        r.onPeerHello(i.hello());
        byte[] auth = i.ourAuth();
        assertRefused(() -> r.acceptPeerAuth(Arrays.copyOf(auth, auth.length - 1)), RefusalReason.MALFORMED_AUTH);
        assertRefused(() -> r.acceptPeerAuth(Arrays.copyOf(auth, auth.length + 1)), RefusalReason.MALFORMED_AUTH);
    }

    @Test
    void eachMismatchIsRefusedWithItsOwnReason() throws Exception {
        assertMismatch(new HandshakeInfo("other", CHAIN.genesisHash(), 1), RefusalReason.CHAIN_ID_MISMATCH);
        assertMismatch(new HandshakeInfo("c", Hash32.ZERO, 1), RefusalReason.GENESIS_MISMATCH);
        assertMismatch(new HandshakeInfo("c", CHAIN.genesisHash(), 2), RefusalReason.PROTOCOL_VERSION_MISMATCH);
    }

    @Test
    void keysOffTheAllowListTheWrongDialledKeyAndOurselvesAreRefused() throws Exception {
        KeyPair carol = KeyPair.generate();
        Handshake i = initiator(carol, Set.of(carol.publicKey(), bob.publicKey()), CHAIN, Optional.empty());
        Handshake r = responder(bob, both, CHAIN);
        i.onPeerHello(r.hello());
        r.onPeerHello(i.hello());
        assertRefused(() -> r.acceptPeerAuth(i.ourAuth()), RefusalReason.NOT_ALLOW_LISTED);

        Handshake i2 = initiator(alice, both, CHAIN, Optional.of(carol.publicKey()));
        Handshake r2 = responder(bob, both, CHAIN);
        i2.onPeerHello(r2.hello());
        r2.onPeerHello(i2.hello());
        assertRefused(() -> i2.acceptPeerAuth(r2.ourAuth()), RefusalReason.UNEXPECTED_KEY);

        Handshake i3 = initiator(alice, both, CHAIN, Optional.empty());
        Handshake r3 = responder(alice, both, CHAIN);
        i3.onPeerHello(r3.hello());
        r3.onPeerHello(i3.hello());
        assertRefused(() -> r3.acceptPeerAuth(i3.ourAuth()), RefusalReason.SELF_CONNECTION);
    }

    @Test
    void aHelloWithoutTheMagicOrWithALowOrderKeyIsRefused() {
        Handshake r = responder(bob, both, CHAIN);
        byte[] bad = new byte[Handshake.HELLO_BYTES];
        assertRefused(() -> r.onPeerHello(bad), RefusalReason.BAD_HELLO);

        Handshake r2 = responder(bob, both, CHAIN);
        byte[] zeroKey = new byte[Handshake.HELLO_BYTES];
        System.arraycopy(Handshake.MAGIC, 0, zeroKey, 0, Handshake.MAGIC.length);
        assertRefused(() -> r2.onPeerHello(zeroKey), RefusalReason.WEAK_KEY_EXCHANGE);
    }

    private void assertMismatch(HandshakeInfo theirs, RefusalReason expected) throws Exception {
        Handshake i = initiator(alice, both, theirs, Optional.empty());
        Handshake r = responder(bob, both, CHAIN);
        i.onPeerHello(r.hello());
        r.onPeerHello(i.hello());
        assertRefused(() -> r.acceptPeerAuth(i.ourAuth()), expected);
    }

    interface Step {
        Object run() throws Exception;
    }

    private static void assertRefused(Step step, RefusalReason reason) {
        assertThatThrownBy(step::run)
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.refusal().reason()).isEqualTo(reason));
    }
}
