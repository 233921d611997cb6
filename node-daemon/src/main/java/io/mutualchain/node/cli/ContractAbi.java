package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.vm.FunctionAbi;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.ValueType;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How {@code contract} commands describe a module: its code hash, size and ABI — the exported
 * functions, which are all a transaction or another contract can call. Internal functions are
 * implementation and stay out of it.
 */
final class ContractAbi {
    private ContractAbi() {
    }

    static List<FunctionAbi> exported(Module m) {
        return m.functions().stream().filter(FunctionAbi::exported).toList();
    }

    /** {"out": path (when given), "codeHash": "0x…", "bytes": n, "functions": [{name, params: [{name, type}], results: [type]}]} */
    static ObjectNode json(Module m, Path out) {
        ObjectNode o = Printer.object();
        if (out != null) {
            o.put("out", out.toString());
        }
        o.put("codeHash", m.codeHash().toString());
        o.put("bytes", m.toBytes().length);
        ArrayNode fns = o.putArray("functions");
        for (FunctionAbi f : exported(m)) {
            ObjectNode fn = fns.addObject();
            fn.put("name", f.name());
            ArrayNode params = fn.putArray("params");
            for (FunctionAbi.Param p : f.params()) {
                params.addObject().put("name", p.name()).put("type", p.type().keyword());
            }
            ArrayNode results = fn.putArray("results");
            f.results().forEach(t -> results.add(t.keyword()));
        }
        return o;
    }

    /** One line per exported function, in the assembler's own header syntax. */
    static String text(Module m) {
        StringBuilder s = new StringBuilder();
        for (FunctionAbi f : exported(m)) {
            s.append("  ").append(signature(f)).append('\n');
        }
        return s.toString().stripTrailing();
    }

    static String signature(FunctionAbi f) {
        String params = f.params().stream().map(p -> p.name() + ": " + p.type().keyword()).collect(Collectors.joining(", "));
        String head = f.name() + "(" + params + ")";
        List<ValueType> r = f.results();
        if (r.isEmpty()) {
            return head;
        }
        return head + " -> " + (r.size() == 1 ? r.get(0).keyword()
                : r.stream().map(ValueType::keyword).collect(Collectors.joining(", ", "(", ")")));
    }
}
