// Another process on the console's SQLite file, for tests/data/busy.test.ts.
//   node hold-sqlite-lock.mjs FILE MS [shared|exclusive|bump]
// shared: BEGIN EXCLUSIVE (in WAL mode, the write lock) held for MS; exclusive: the same in
// exclusive locking mode, which shuts out readers too; bump: one small committed write.
// Prints "locked" once it holds the lock and "releasing" 200 ms before it lets go.
import Database from "better-sqlite3";

const [file, ms, mode = "shared"] = process.argv.slice(2);
const sqlite = new Database(file, { timeout: 2_000 });
if (mode === "exclusive") sqlite.pragma("locking_mode = EXCLUSIVE");
sqlite.exec("BEGIN EXCLUSIVE");
if (mode === "bump") sqlite.pragma(`user_version = ${Number(sqlite.pragma("user_version", { simple: true })) + 1}`);
console.log("locked");
setTimeout(() => {
  console.log("releasing");
  setTimeout(() => {
    sqlite.exec("COMMIT");
    sqlite.close();
  }, 200);
}, Number(ms));
