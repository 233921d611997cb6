package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.types.Address;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.ValueType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns command-line words into contract arguments, guided by the function's parameter types, so
 * people can type what they mean: an int parameter takes a decimal integer; a bytes parameter takes
 * 0x-hex, an address (its 20 bytes), several addresses joined by commas (their bytes concatenated,
 * as a multisig's owner list), or else the word's UTF-8 text.
 */
final class ContractArgs {
    private ContractArgs() {
    }

    static List<Value> parse(String function, List<ValueType> types, List<String> words) {
        if (types.size() != words.size()) {
            throw new UserError(function + " takes " + types.size() + " arguments " + types.stream().map(ValueType::keyword).toList()
                    + ", got " + words.size());
        }
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            out.add(types.get(i) == ValueType.INT ? integer(function, i, words.get(i)) : Value.of(bytes(words.get(i))));
        }
        return out;
    }

    /** The parameter types of an exported function as mc_getContract lists them. */
    static List<ValueType> typesFromAbi(JsonNode contract, String function) {
        for (JsonNode f : contract.path("functions")) {
            if (f.path("name").asText().equals(function)) {
                List<ValueType> types = new ArrayList<>();
                for (JsonNode p : f.path("params")) {
                    types.add(p.path("type").asText().equals("int") ? ValueType.INT : ValueType.BYTES);
                }
                return types;
            }
        }
        throw new UserError("the contract at " + contract.path("address").asText() + " exports no function '" + function + "'");
    }

    private static Value integer(String function, int i, String w) {
        try {
            return Value.of(Long.parseLong(w.replace("_", "")));
        } catch (NumberFormatException e) {
            throw new UserError("argument " + (i + 1) + " of " + function + " must be an integer, was '" + w + "'");
        }
    }

    static byte[] bytes(String w) {
        if (w.startsWith("0x") || w.startsWith("0X")) {
            try {
                return Hex.decode(w);
            } catch (IllegalArgumentException e) {
                throw new UserError("'" + w + "' is not valid hex: " + e.getMessage());
            }
        }
        if (w.startsWith("mc")) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                for (String part : w.split(",")) {
                    all.writeBytes(Address.parse(part.trim()).toBytes());
                }
                return all.toByteArray();
            } catch (IllegalArgumentException e) {
                // Not an address list after all: the text itself.
            }
        }
        return w.getBytes(StandardCharsets.UTF_8);
    }

    /** Arguments as the JSON array mc_call takes: integers and 0x-hex. */
    static List<Object> toJson(List<Value> values) {
        List<Object> out = new ArrayList<>();
        for (Value v : values) {
            out.add(v instanceof Value.Int i ? (Object) i.value() : "0x" + Hex.encode(((Value.Bytes) v).toBytes()));
        }
        return out;
    }
}
