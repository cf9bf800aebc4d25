import { Prisma } from "@/lib/generated/prisma/client";

type Client = Pick<Prisma.TransactionClient, "$executeRaw">;
type Value = string | number | boolean | Date | null;

// A few rows per statement keep well under SQLite's 32,766 bound parameters per statement.
const ROWS_PER_STATEMENT = 400;

/**
 * Multi-row INSERTs for seeding thousands of rows: Prisma's createMany costs about 2 ms a row
 * through the JS engine, a multi-row statement a tenth of that. Table and column names are our
 * own constants (never input); values are bound parameters, and Prisma.sql picks the database's
 * placeholder syntax, so this stays portable.
 */
export async function insertRows(client: Client, table: string, columns: readonly string[], rows: readonly Value[][]): Promise<void> {
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => Prisma.sql`(${Prisma.join(row)})`);
    await client.$executeRaw`${head}${Prisma.join(values)}`;
  }
}
