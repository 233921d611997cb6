package io.mutualchain.ledger.exec;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.DefaultGenesis;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.tx.Join;
import io.mutualchain.core.tx.KycAttest;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Mtn;
import java.util.List;

/** The cast of the ledger tests, on a default (whitepaper) genesis, with members joined and the owner KYC-attested. */
final class Actors {
    static final long T0 = 1_800_000_000_000L;
    final KeyPair validator = key(1);
    final KeyPair presale = key(2);
    final KeyPair sale = key(3);
    final KeyPair team = key(4);
    final KeyPair research = key(5);
    final KeyPair committee1 = key(6);
    final KeyPair committee2 = key(7);
    final KeyPair gateway = key(10);
    final KeyPair creditor = key(11);
    final KeyPair kyc = key(12);
    final KeyPair arbiter = key(13);
    final KeyPair owner = key(20);
    final KeyPair recipient = key(21);
    final KeyPair outsider = key(22);
    final Genesis genesis;

    Actors() {
        this(ChainParams.DEFAULT);
    }

    Actors(ChainParams params) {
        genesis = DefaultGenesis.builder("mc-ledger-test", T0, List.of(new Validator("v0", validator.publicKey())))
                .holders(presale.address(), sale.address(), team.address(), research.address())
                .committee(2, List.of(committee1.publicKey(), committee2.publicKey()))
                .grant(gateway.address(), Role.GATEWAY)
                .grant(creditor.address(), Role.CREDITOR)
                .grant(kyc.address(), Role.KYC_AUTHORITY)
                .grant(arbiter.address(), Role.ARBITER)
                .params(params)
                .build();
    }

    static KeyPair key(int i) {
        byte[] seed = new byte[32];
        seed[0] = 42;
        seed[1] = (byte) i;
        return KeyPair.fromSeed(seed);
    }

    /** Funds everyone from the presale holder, makes owner, recipient and outsider members, the owner Level 2. */
    MemoryWorld world() {
        MemoryWorld w = new MemoryWorld(genesis);
        for (KeyPair k : List.of(gateway, creditor, kyc, arbiter, owner, recipient, outsider, committee1, committee2)) {
            check(w.run(presale, new Transfer(k.address(), 100 * Mtn.UNIT)));
        }
        for (KeyPair k : List.of(owner, recipient, outsider)) {
            check(w.run(k, new Join(Sha256.hash(k.publicKey().toBytes()), Mtn.UNIT)));
        }
        check(w.run(kyc, new KycAttest(owner.address(), Sha256.hash("kyc-file-1".getBytes()))));
        return w;
    }

    static void check(BlockExecutor.TxOutcome o) {
        if (!o.succeeded()) {
            throw new IllegalStateException("setup transaction did not succeed: " + o);
        }
    }
}
