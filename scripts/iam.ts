/**
 * npm run --silent iam -- COMMAND [OPTIONS]   the console's administration commands
 * npm run --silent iam -- --help              lists them; COMMAND --help tells one
 *
 * Each command works on the database of DATABASE_URL (as `npm start` does), through lib/data, so
 * a running console sees its changes without a restart. Exit code 0 on success, 1 when the
 * command fails (the reason on stderr), 2 for a command or option it does not know.
 */
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import { describeDemoAccount, resetDemo } from "@/lib/data/reset-demo";

interface Command {
  /** One line for the command list. */
  summary: string;
  /** The command's --help. */
  help: string;
  run: (args: string[]) => Promise<void>;
}

class UsageError extends Error {}

const COMMANDS: Record<string, Command> = {
  "reset-demo": {
    summary: "restore the three demo accounts to what a fresh seed writes",
    help: `Usage: npm run --silent iam -- reset-demo

Restores the demo accounts acme-prod (123456789012), acme-dev (210987654321) and
acme-security (444455556666) to exactly what a fresh seed writes: their users, groups, roles,
customer managed policies and versions, attachments, inline policies, boundaries, tags, console
passwords, access keys and MFA devices. Their change history starts again with the seed's events
and one ResetDemo event each. Every other account is left as it is, and AWS managed policies
are not re-imported (npm run db:reset rebuilds the whole database).

One transaction: if anything fails, nothing changes. A running console needs no restart.`,
    async run(args) {
      if (args.length > 0) throw new UsageError(`reset-demo takes no arguments (got ${args.join(" ")}).`);
      const report = await resetDemo();
      for (const a of report.accounts) {
        console.log(`Reset ${a.alias} (${a.accountId}): ${describeDemoAccount(a)}.`);
      }
      console.log(`Done in ${(report.milliseconds / 1000).toFixed(1)} s; other accounts were left as they were.`);
    },
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: npm run --silent iam -- COMMAND [OPTIONS]\n\nCommands:\n${lines.join("\n")}\n\nnpm run --silent iam -- COMMAND --help tells more about one.`;
}

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h" || arg === "help";

/** Why a command failed, in one line: the console's own errors as the API words them. */
function reason(err: unknown): string {
  if (err instanceof IamError) return `${err.code}: ${err.message}`;
  const message = err instanceof Error ? err.message : String(err);
  if (/no such table/i.test(message)) return `${message.trim()} (is the database migrated? npm start or npm run db:reset prepares it)`;
  return message.trim();
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || isHelp(name)) {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  if (args.some(isHelp)) {
    console.log(command.help);
    return 0;
  }
  try {
    await command.run(args);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${command.help}`);
      return 2;
    }
    console.error(`${name} failed: ${reason(err)}`);
    return 1;
  }
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .finally(() => db().$disconnect());
