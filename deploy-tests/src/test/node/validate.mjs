// Validates Kubernetes objects of the APIs no Maven artifact carries a schema for, with the
// @kubernetes-models packages generated from the operators' CRDs: their ajv validators check
// types, required fields, enums and bounds; TypeScript's excess-property check on the packages'
// interfaces catches the unknown fields ajv lets through (the generated schemas allow any).
//   node validate.mjs objects.json  ->  stdout: [{"index": 0, "errors": ["..."]}, ...]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const PACKAGES = {
  "keda.sh/v1alpha1": "@kubernetes-models/keda",
  "postgresql.cnpg.io/v1": "@kubernetes-models/cloudnative-pg",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator",
};

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = objects.map((_, index) => ({ index, errors: [] }));
const typed = [];

for (const [index, object] of objects.entries()) {
  const pkg = PACKAGES[object.apiVersion];
  const module = pkg && `${pkg}/${object.apiVersion}/${object.kind}`;
  let model;
  try {
    model = module && (await import(module))[object.kind];
  } catch {
    model = undefined;
  }
  if (!model) {
    results[index].errors.push(`no schema for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new model(object).validate();
  } catch (error) {
    results[index].errors.push(String(error.message ?? error));
  }
  typed.push({ index, module, kind: object.kind, object });
}

// one object literal a line, so a diagnostic's line names its object
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(here, "checks-"));
try {
  const imports = typed.map((t, i) => `import type { I${t.kind} as T${i} } from "${t.module}";`);
  const literals = typed.map((t, i) => `export const o${i}: T${i} = ${JSON.stringify(t.object)};`);
  const file = join(dir, "objects.ts");
  writeFileSync(file, [...imports, ...literals].join("\n") + "\n");
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : -1;
    const literal = line - imports.length;
    if (diagnostic.file && diagnostic.file.fileName === file && literal >= 0 && literal < typed.length) {
      results[typed[literal].index].errors.push(`TS${diagnostic.code}: ${message}`);
    } else {
      // an import that does not resolve, or anything else: every object is suspect
      results.forEach(r => r.errors.push(`TS${diagnostic.code}: ${message}`));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(results));
