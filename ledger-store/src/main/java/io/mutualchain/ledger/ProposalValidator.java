package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.exec.BlockExecutor;
import io.mutualchain.ledger.store.DbReader;
import io.mutualchain.ledger.store.Head;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks a validator runs on a proposed block before voting for it, cheapest first: header links,
 * proposer, size limits, body against header, then every transaction executed in order on a scratch
 * copy of the accounts it touches. A block that passes contains no transaction that would fail.
 */
final class ProposalValidator {
    private ProposalValidator() {
    }

    static Optional<String> validate(Block block, Head tip, Genesis genesis, ValidatorSet validators, DbReader reader,
                                     Function<Transaction, Optional<TxRejection>> stateless) {
        ChainParams p = genesis.params();
        Optional<String> links = HeaderLinks.check(block.header(), tip, genesis.chainId());
        if (links.isPresent()) {
            return links;
        }
        if (!validators.contains(block.header().proposer())) {
            return Optional.of("block proposer " + block.header().proposer() + " is not a validator");
        }
        int txs = block.transactions().size();
        if (txs > p.maxBlockTxs()) {
            return Optional.of("block has " + txs + " transactions; the limit is " + p.maxBlockTxs());
        }
        Optional<String> body = block.checkBody();
        if (body.isPresent()) {
            return body;
        }
        int bytes = block.encode().length;
        if (bytes > p.maxBlockBytes()) {
            return Optional.of("block is " + bytes + " bytes; the limit is " + p.maxBlockBytes());
        }
        List<Transaction> list = block.transactions();
        BlockExecutor.Result r = BlockExecutor.execute(a -> Ledger.readAccount(reader, a), list,
                Address.of(block.header().proposer()), p.baseFee(), stateless);
        for (int i = 0; i < list.size(); i++) {
            Optional<TxRejection> bad = r.outcomes().get(i).rejection();
            if (bad.isPresent()) {
                return Optional.of("transaction " + i + " (" + list.get(i).id() + ") would fail: " + bad.get());
            }
        }
        return Optional.empty();
    }
}
