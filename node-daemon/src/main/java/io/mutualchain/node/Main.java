package io.mutualchain.node;

import io.mutualchain.node.bench.BenchCommand;
import io.mutualchain.node.cli.AccountCommand;
import io.mutualchain.node.cli.AdminCommand;
import io.mutualchain.node.cli.AssetCommand;
import io.mutualchain.node.cli.MemberCommand;
import io.mutualchain.node.cli.GovCommand;
import io.mutualchain.node.cli.ClusterCommand;
import io.mutualchain.node.cli.ContractCommand;
import io.mutualchain.node.cli.TestnetCommand;
import io.mutualchain.node.cli.DevCommand;
import io.mutualchain.node.cli.KeysCommand;
import io.mutualchain.node.cli.StartCommand;
import io.mutualchain.node.cli.StatusCommand;
import io.mutualchain.node.cli.TxCommand;
import io.mutualchain.node.cli.ValidatorsCommand;
import io.mutualchain.node.cli.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mutualchain} command. */
@Command(name = "mutualchain", mixinStandardHelpOptions = true, version = "MutualChain 0.1.0",
        description = "A permissioned PBFT blockchain node for mutual-aid communities.",
        subcommands = {DevCommand.class, StartCommand.class, KeysCommand.class, TxCommand.class, AccountCommand.class,
                StatusCommand.class, TestnetCommand.class, ClusterCommand.class, BenchCommand.class, AssetCommand.class, MemberCommand.class,
                ContractCommand.class,
                GovCommand.class, ValidatorsCommand.class, AdminCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError) {
                cmd.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cl.execute(args);
    }
}
