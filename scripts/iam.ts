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
import { currentMfaCode } from "@/lib/data/current-mfa-code";
import { createAccessKey, type CreatedAccessKey } from "@/lib/data/create-access-key";
import { createRootAccessKey } from "@/lib/data/create-root-access-key";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { setRootPassword } from "@/lib/data/set-root-password";
import { readPassword } from "./read-password";

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
    summary: "restore the four demo accounts to what a fresh seed writes",
    help: `Usage: npm run --silent iam -- reset-demo

Restores the demo accounts acme-management (111122223333), acme-prod (123456789012), acme-dev
(210987654321) and acme-security (444455556666) to exactly what a fresh seed writes: their users,
groups, roles, customer managed policies and versions, attachments, inline policies, boundaries,
tags, console passwords (the demo's, root users' too), password policies, access keys and MFA
devices. Everyone signed in to them is signed out. Their change history starts again with the
seed's events and one ResetDemo event each. Every other account is left as it is, and AWS managed policies
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
  totp: {
    summary: "print the current code of a user's virtual MFA device",
    help: `Usage: npm run --silent iam -- totp --account ID --user NAME [--device NAME]

Prints the 6-digit code the user's enabled virtual MFA device shows now (its first enabled device,
or the one named by --device), read from its sealed seed with the master key. Standard error
says how many seconds the code stays valid. For tests and for an operator helping a user who
lost their phone; the seed itself is never printed.`,
    async run(args) {
      const options = parseOptions(args, ["account", "user", "device"]);
      if (!options.account || !/^\d{12}$/.test(options.account)) throw new UsageError("--account must be the 12-digit account ID.");
      if (!options.user) throw new UsageError("--user NAME is required.");
      const { code, deviceName, validForSeconds } = await currentMfaCode(options.account, options.user, options.device);
      console.log(code);
      console.error(`Device ${deviceName}; valid for ${validForSeconds} more seconds.`);
    },
  },
  "create-access-key": {
    summary: "create an access key of a user, or of the root user, and print it once",
    help: `Usage: npm run --silent iam -- create-access-key --account ID [--user NAME]

Creates an access key (CreateAccessKey) of the IAM user NAME in account ID, or of the account's
root user when --user is left out, and prints it as the AWS CLI does:
{"AccessKey": {"UserName", "AccessKeyId", "Status", "SecretAccessKey", "CreateDate"}} (no
UserName for the root user). This is the only time the secret is shown. A user, and the root
user, may have at most two keys. Sign requests with it, e.g.
  curl --aws-sigv4 "aws:amz:us-east-1:iam" --user "$AKID:$SECRET" http://localhost:3000/api/v1/accounts`,
    async run(args) {
      const options = parseOptions(args, ["account", "user"]);
      const account = accountOption(options.account);
      const key = options.user === undefined ? await createRootAccessKey(account) : await createAccessKey(account, options.user);
      console.log(JSON.stringify({ AccessKey: cliAccessKey(key) }, null, 4));
    },
  },
  "set-password": {
    summary: "set the console password of a user, or of the root user, read from standard input",
    help: `Usage: npm run --silent iam -- set-password --account ID [--user NAME]

Sets the console password of the IAM user NAME in account ID (CreateLoginProfile or
UpdateLoginProfile), or of the account's root user when --user is left out. The password is read
from standard input, never from the command line and never echoed: type it at the prompt, or pipe
it (printf '%s' "$PASSWORD" | npm run --silent iam -- set-password …). A user's password must meet
the account's password policy and its reuse prevention; the root user's must meet AWS's root
password rules (8 to 128 characters, three of upper case, lower case, numbers and symbols).`,
    async run(args) {
      const options = parseOptions(args, ["account", "user"]);
      const account = accountOption(options.account);
      const password = await readPassword();
      if (options.user === undefined) {
        await setRootPassword(account, password);
        console.log(`Set the root user's password of account ${account}.`);
      } else {
        const profile = await putLoginProfile(account, options.user, { password });
        console.log(`Set the console password of user ${profile.userName} in account ${account}.`);
      }
    },
  },
};

function accountOption(value: string | undefined): string {
  if (!value || !/^\d{12}$/.test(value)) throw new UsageError("--account must be the 12-digit account ID.");
  return value;
}

/** AWS CLI's AccessKey: PascalCase, the date as ISO 8601 with +00:00; no UserName for the root user. */
function cliAccessKey(key: CreatedAccessKey) {
  return {
    ...(key.userName === null ? {} : { UserName: key.userName }),
    AccessKeyId: key.accessKeyId,
    Status: key.status,
    SecretAccessKey: key.secretAccessKey,
    CreateDate: key.createdAt.replace(/\.\d{3}Z$/, "+00:00"),
  };
}

/** `--name value` pairs, each of `known` at most once. */
function parseOptions(args: string[], known: string[]): Record<string, string | undefined> {
  const options: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i].startsWith("--") ? args[i].slice(2) : "";
    if (!known.includes(name)) throw new UsageError(`Unknown argument ${args[i]}.`);
    if (options[name] !== undefined) throw new UsageError(`--${name} is given twice.`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value.`);
    options[name] = value;
  }
  return options;
}

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
