// Exports under electron/, shared/ and renderer/ that no other file imports (after ts-prune), read with the TypeScript
// compiler over every project of the build, tests, scripts and benchmarks included. Prints one line per export:
//   dead     nothing uses it, not even its own file: delete it
//   local    only its own file uses it: drop the `export`
//   tests    only tests, scripts or benchmarks import it: keep it if they test real behaviour through it
// Exits 1 when it finds a dead or local export. Run: node scripts/dead-exports.ts [--all]
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const checkedTops = ['electron/', 'shared/', 'renderer/'];
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
const isChecked = (file: string) => checkedTops.some((top) => rel(file).startsWith(top)) && !file.endsWith('.d.ts');

function projectFiles(): { files: string[]; options: ts.CompilerOptions } {
  const files = new Set<string>();
  let options: ts.CompilerOptions = {};
  for (const config of ['tsconfig.shared.json', 'tsconfig.electron.json', 'tsconfig.renderer.json', 'tsconfig.tests.json']) {
    const read = ts.readConfigFile(path.join(root, config), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
    for (const f of parsed.fileNames) files.add(f);
    if (config === 'tsconfig.tests.json') options = parsed.options;
  }
  // The CLI launcher is plain JS and imports the CLI by a dynamic import.
  for (const f of ts.sys.readDirectory(root, ['.mjs'], ['node_modules', 'out', 'dist'], ['electron/**/*', 'scripts/**/*', 'bench/**/*'])) files.add(f);
  return { files: [...files], options: { ...options, allowJs: true, noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false } };
}

const { files, options } = projectFiles();
const program = ts.createProgram(files, options);
const checker = program.getTypeChecker();

const original = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);

/** For each export symbol (after aliases), the files other than its own that import it. */
const importers = new Map<ts.Symbol, Set<string>>();
const use = (symbol: ts.Symbol | undefined, by: string) => {
  if (!symbol) return;
  const target = original(symbol);
  if (!importers.has(target)) importers.set(target, new Set());
  importers.get(target)!.add(by);
};
const useWholeModule = (specifier: ts.Expression, by: string) => {
  const moduleSymbol = checker.getSymbolAtLocation(specifier);
  if (moduleSymbol) for (const exported of checker.getExportsOfModule(moduleSymbol)) use(exported, by);
};

/** `import(`./commands/${name}.ts`)`: every module whose path fits the template is used whole. */
function useEveryMatch(template: ts.TemplateExpression, by: string): void {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = [template.head.text, ...template.templateSpans.map((span) => span.literal.text)];
  const pattern = new RegExp(`^${escape(path.join(path.dirname(by), parts[0]!))}${parts.slice(1).map((p) => `[^/]+${escape(p)}`).join('')}$`);
  for (const source of program.getSourceFiles()) {
    const moduleSymbol = pattern.test(source.fileName) ? checker.getSymbolAtLocation(source) : undefined;
    if (moduleSymbol) for (const exported of checker.getExportsOfModule(moduleSymbol)) use(exported, by);
  }
}

for (const source of program.getSourceFiles()) {
  if (source.isDeclarationFile || rel(source.fileName).startsWith('..') || rel(source.fileName).startsWith('node_modules/')) continue;
  const by = source.fileName;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && node.importClause) {
      const clause = node.importClause;
      if (clause.name) use(checker.getSymbolAtLocation(clause.name), by);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) useWholeModule(node.moduleSpecifier, by);
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) use(checker.getSymbolAtLocation(element.name), by);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      if (!node.exportClause || ts.isNamespaceExport(node.exportClause)) useWholeModule(node.moduleSpecifier, by);
      else for (const element of node.exportClause.elements) use(checker.getExportSpecifierLocalTargetSymbol(element), by);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      const argument = node.arguments[0];
      if (ts.isTemplateExpression(argument)) useEveryMatch(argument, by);
      else useWholeModule(argument, by);
    } else if (ts.isImportTypeNode(node)) {
      const moduleSymbol = checker.getSymbolAtLocation(node.argument.kind === ts.SyntaxKind.LiteralType ? (node.argument as ts.LiteralTypeNode).literal : node.argument);
      if (moduleSymbol) for (const exported of checker.getExportsOfModule(moduleSymbol)) use(exported, by);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** Whether the file refers to the symbol anywhere but in its own declaration name. */
function usedLocally(source: ts.SourceFile, symbol: ts.Symbol): boolean {
  const names = new Set(symbol.declarations?.map((d) => ts.getNameOfDeclaration(d)).filter((n): n is ts.DeclarationName => !!n));
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === symbol.name && !names.has(node)) {
      const at = checker.getSymbolAtLocation(node);
      if (at && (at === symbol || original(at) === symbol || checker.getExportSymbolOfSymbol(at) === symbol)) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const isSupportFile = (file: string) => !isChecked(file) && !rel(file).startsWith('electron/') && !rel(file).startsWith('renderer/') && !rel(file).startsWith('shared/');
const lines: string[] = [];
let failing = 0;
for (const source of program.getSourceFiles()) {
  if (!isChecked(source.fileName)) continue;
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) continue;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const target = original(exported);
    const declaration = target.declarations?.[0];
    if (!declaration || declaration.getSourceFile() !== source) continue; // a re-export: judged where it is declared
    const others = [...(importers.get(target) ?? [])].filter((f) => f !== source.fileName);
    const where = `${rel(source.fileName)}:${source.getLineAndCharacterOfPosition(declaration.getStart()).line + 1}`;
    if (others.length === 0) {
      const verdict = usedLocally(source, target) ? 'local' : 'dead';
      lines.push(`${verdict}\t${where}\t${exported.name}`);
      failing++;
    } else if (others.every(isSupportFile) && process.argv.includes('--all')) {
      lines.push(`tests\t${where}\t${exported.name}\t${others.map(rel).join(' ')}`);
    }
  }
}
console.log(lines.sort().join('\n'));
process.exitCode = failing > 0 ? 1 : 0;
