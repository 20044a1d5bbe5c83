import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ShippedPattern {
  /** `file:line` where the pattern is written. */
  where: string;
  regex: RegExp;
}

const roots = ['electron', 'shared'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const literalText = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/**
 * Every regex literal and every `RegExp(...)` / `new RegExp(...)` whose source is a literal string, in the shipped
 * code under electron/ and shared/, compiled with its own flags. A `new RegExp(other.source, flags)` reuses a literal
 * that is collected where it is written.
 */
export function shippedPatterns(repoRoot: string): ShippedPattern[] {
  const found: ShippedPattern[] = [];
  for (const file of roots.flatMap((root) => sourceFiles(path.join(repoRoot, root)))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${path.relative(repoRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const slash = text.lastIndexOf('/');
        found.push({ where: where(node), regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [sourceArg, flagsArg] = node.arguments ?? [];
        const pattern = literalText(sourceArg);
        const flags = flagsArg === undefined ? '' : literalText(flagsArg);
        if (pattern !== null && flags !== null) found.push({ where: where(node), regex: new RegExp(pattern, flags) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const shippedFrame = /\/(?:electron|shared)\/[^\s)]+?\.tsx?:\d+/;

/**
 * Patterns the code builds at run time (`new RegExp(\`…${list}…\`)`): RegExp is wrapped while `work` runs, and every
 * pattern constructed from a frame under electron/ or shared/ is kept, with that frame as its place.
 */
export async function constructedPatterns(work: () => Promise<void>): Promise<ShippedPattern[]> {
  const original = globalThis.RegExp;
  const found = new Map<string, ShippedPattern>();
  const record = (regex: RegExp) => {
    // The frame that called RegExp: a library's own patterns (mammoth's, pdf.js's) are not ours to bound.
    const frame = new Error().stack?.split('\n').slice(1).find((line) => !line.includes('redos-patterns.ts') && !/\(native\)|<anonymous>|^\s*at new Proxy/.test(line));
    if (!frame || !shippedFrame.test(frame) || frame.includes('node_modules')) return regex;
    const key = `${regex.source}/${regex.flags}`;
    if (!found.has(key)) found.set(key, { where: shippedFrame.exec(frame)![0].replace(/^\//, ''), regex });
    return regex;
  };
  globalThis.RegExp = new Proxy(original, {
    construct: (target, args: [string | RegExp, string?], newTarget) => record(Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget)),
    apply: (target, _this, args: [string | RegExp, string?]) => record(Reflect.construct(target, args)),
  });
  try {
    await work();
  } finally {
    globalThis.RegExp = original;
  }
  return [...found.values()];
}
