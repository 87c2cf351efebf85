import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

/**
 * Prisma's schema engine as WebAssembly, driven through a driver adapter.
 * Prisma's CLI would download a native engine from Prisma's host, which some
 * machines cannot reach; the WASM build ships in an npm package and works
 * everywhere, against PGlite and PostgreSQL alike.
 */
const require = createRequire(import.meta.url);

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let loaded: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
  loaded ??= (async () => {
    const bindings: EngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": { ...bindings },
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return loaded;
}

export async function createSchemaEngine(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const logs: string[] = [];
  return SchemaEngine.new(
    { datamodels: undefined },
    (line: string) => {
      logs.push(line);
    },
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}
