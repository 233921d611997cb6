package io.mutualchain.ledger.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.tx.CreditClose;
import io.mutualchain.core.tx.FraudRuling;
import io.mutualchain.core.tx.GovernanceVote;
import io.mutualchain.core.tx.Join;
import io.mutualchain.core.tx.KycAttest;
import io.mutualchain.core.tx.Rate;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Account;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.Values;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.IncludeResolver;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Long random sequences of every transaction kind, valid and invalid, from every actor: whatever
 * happens, the sum of all balances stays the fixed supply (fees move to the proposer, join fees to the
 * committee, nothing is minted or burned), no balance goes negative, and credit scores stay in bounds.
 * Validator votes (adds and removals, with a checkpoint interval short enough that changes take effect) and contract deploys and calls (MTN in with the call, out through transfer, reverts, running out of gas)
 * are among the kinds.
 */
class SupplyConservationPropertyTest {
    private static final int BLOCKS = 40;
    private static final int TXS_PER_BLOCK_MAX = 8;
    private static final int CHECKPOINT_INTERVAL = 5;

    private static final byte[] COUNTER = counter();
    private static final String[] FUNCTIONS = {"bump", "deposit", "pay", "payThenRevert", "clear", "spin", "read"};

    private static byte[] counter() {
        try (InputStream in = SupplyConservationPropertyTest.class.getResourceAsStream("/contracts/counter.masm")) {
            return Assembler.assemble(new String(in.readAllBytes(), StandardCharsets.UTF_8), "counter.masm", IncludeResolver.none());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 30)
    void theSupplyIsConservedAndNoBalanceGoesNegative(@ForAll long seed) {
        // A short checkpoint interval, so approved validator changes also take effect within the run.
        Actors cast = new Actors(new ChainParams(10_000L, 64 * 1024, 5_000, 8 * 1024 * 1024, CHECKPOINT_INTERVAL, 2 * CHECKPOINT_INTERVAL));
        MemoryWorld w = cast.world();
        Random rnd = new Random(seed);
        List<KeyPair> people = List.of(cast.owner, cast.recipient, cast.outsider, cast.gateway, cast.creditor, cast.kyc, cast.arbiter,
                cast.team, cast.committee1, cast.committee2, cast.validator, Actors.key(99));
        List<Hash32> assets = new ArrayList<>();
        assets.add(Sha256.hash("nothing".getBytes()));
        List<Address> contracts = new ArrayList<>();
        contracts.add(Actors.key(98).address());
        for (int b = 0; b < BLOCKS; b++) {
            List<Transaction> block = new ArrayList<>();
            int n = rnd.nextInt(TXS_PER_BLOCK_MAX + 1);
            for (int i = 0; i < n; i++) {
                KeyPair from = people.get(rnd.nextInt(people.size()));
                long nonce = w.account(from.address()).nonce() + (rnd.nextInt(10) == 0 ? rnd.nextInt(3) - 1 : 0);
                TxPayload p = rnd.nextInt(4) == 0 ? contractPayload(rnd, people, contracts, from, Math.max(0, nonce))
                        : randomPayload(rnd, cast, people, assets, from, Math.max(0, nonce));
                block.add(Transaction.sign(w.genesis.chainId(), from, Math.max(0, nonce), w.genesis.params().baseFee(), p));
            }
            w.run(block);
            assertThat(w.sumOfBalances()).as("seed %d block %d", seed, b).isEqualTo(Mtn.TOTAL_SUPPLY);
            ValidatorSchedule schedule = w.schedule();
            assertThat(schedule.current().validators().size()).isBetween(1, ValidatorSet.MAX_VALIDATORS);
            assertThat(schedule.current().base() % CHECKPOINT_INTERVAL).isZero();
            schedule.pending().ifPresent(p -> assertThat(p.base()).isGreaterThan(w.height - 1).isLessThanOrEqualTo(w.height + CHECKPOINT_INTERVAL));
            for (Account a : w.accounts.values()) {
                assertThat(a.balance()).isNotNegative();
                assertThat(a.credit()).isBetween(0, Account.CREDIT_MAX);
            }
        }
    }

    private static TxPayload contractPayload(Random rnd, List<KeyPair> people, List<Address> contracts, KeyPair from, long nonce) {
        long value = rnd.nextInt(3) == 0 ? rnd.nextInt(5) * Mtn.UNIT : 0;
        long gas = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(30_000) : 500_000;
        if (rnd.nextInt(4) == 0) {
            Address a = ContractRules.contractAddress(from.address(), nonce);
            if (!contracts.contains(a)) {
                contracts.add(a);
            }
            return new ContractDeploy(COUNTER, Values.encode(List.of(Value.of(rnd.nextInt(1_100)))), value, gas);
        }
        String f = FUNCTIONS[rnd.nextInt(FUNCTIONS.length)];
        Address c = contracts.get(rnd.nextInt(contracts.size()));
        byte[] to = people.get(rnd.nextInt(people.size())).address().toBytes();
        long amount = rnd.nextInt(3) * Mtn.UNIT + rnd.nextInt(1000);
        List<Value> args = switch (f) {
            case "bump" -> List.of(Value.of(rnd.nextInt(600)));
            case "pay", "payThenRevert" -> List.of(Value.of(to), Value.of(amount));
            default -> List.of();
        };
        return new ContractCall(c, f, Values.encode(args), value, gas);
    }

    private static TxPayload randomPayload(Random rnd, Actors cast, List<KeyPair> people, List<Hash32> assets, KeyPair from, long nonce) {
        KeyPair other = people.get(rnd.nextInt(people.size()));
        Hash32 asset = assets.get(rnd.nextInt(assets.size()));
        byte[] data = new byte[rnd.nextInt(4)];
        switch (rnd.nextInt(11)) {
            case 0, 1 -> {
                long amount = rnd.nextInt(3) == 0 ? 1 + (long) rnd.nextInt(1_000) * Mtn.UNIT : 1 + rnd.nextInt(1_000_000);
                return new Transfer(other.address(), amount);
            }
            case 2 -> {
                Hash32 id = rnd.nextBoolean() ? AssetEvent.newAssetId(from.address(), nonce) : asset;
                if (!assets.contains(id)) {
                    assets.add(id);
                }
                return AssetEvent.depositRequest(id, "CNY", 1 + rnd.nextInt(500), data);
            }
            case 3 -> {
                AssetEventCode e = AssetEventCode.values()[rnd.nextInt(12)];
                return switch (e) {
                    case E01 -> AssetEvent.depositRequest(asset, "CNY", 5, data);
                    case E04 -> AssetEvent.transferRequest(asset, other.address(), data);
                    case E07 -> AssetEvent.creditRequest(asset, 1 + rnd.nextInt(100), data);
                    default -> AssetEvent.simple(e, asset, data);
                };
            }
            case 4 -> {
                return new Join(Sha256.hash(new byte[] {(byte) rnd.nextInt()}), rnd.nextBoolean() ? Mtn.UNIT : Mtn.UNIT / 2);
            }
            case 5 -> {
                return new KycAttest(other.address(), Sha256.hash(data));
            }
            case 6 -> {
                return new Rate(asset, rnd.nextInt(6), rnd.nextBoolean());
            }
            case 7 -> {
                return new CreditClose(asset, rnd.nextBoolean());
            }
            case 8 -> {
                return new FraudRuling(other.address(), asset, Sha256.hash(data));
            }
            case 9 -> {
                // Keys of people (some already validators, some not) added and removed, valid and invalid alike.
                return rnd.nextBoolean()
                        ? ValidatorVote.add(other.publicKey(), "v-" + rnd.nextInt(4), rnd.nextInt(2))
                        : ValidatorVote.remove(other.publicKey(), rnd.nextInt(2));
            }
            default -> {
                return rnd.nextBoolean()
                        ? new GovernanceVote(GovernanceVote.Action.COMMITTEE_TRANSFER, other.address(), null, 1 + rnd.nextInt(100) * Mtn.UNIT, rnd.nextInt(3))
                        : new GovernanceVote(GovernanceVote.Action.GRANT_ROLE, other.address(), Role.values()[rnd.nextInt(4)], 0, rnd.nextInt(3));
            }
        }
    }
}
