package io.mutualchain.vm;

import java.util.List;

/**
 * One entry of a module's function table: what a caller needs to know (name, typed named
 * parameters, result types, whether it may be called from outside the module) and what the VM needs
 * to run it (extra locals after the parameters, entry offset into the module's code). A function's
 * code runs from its entry to the next function's entry (or the end of the code).
 */
public record FunctionAbi(String name, boolean exported, List<Param> params, List<ValueType> results,
        List<ValueType> locals, int entry) {

    /** A named, typed parameter. Parameters are a function's first locals. */
    public record Param(String name, ValueType type) {
    }

    public FunctionAbi {
        params = List.copyOf(params);
        results = List.copyOf(results);
        locals = List.copyOf(locals);
    }

    /** Types of all locals: parameters first, then the extra locals. */
    public List<ValueType> localTypes() {
        java.util.ArrayList<ValueType> all = new java.util.ArrayList<>(params.size() + locals.size());
        for (Param p : params) {
            all.add(p.type());
        }
        all.addAll(locals);
        return List.copyOf(all);
    }

    public List<ValueType> paramTypes() {
        return params.stream().map(Param::type).toList();
    }

    /** True for names the module format accepts: an ASCII letter or underscore, then letters, digits, underscores. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > Limits.NAME_BYTES_MAX) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
