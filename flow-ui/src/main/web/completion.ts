// Completion of flow YAML from Flow's JSON Schema: the keys valid where the cursor is (top level,
// a stage, its action's props, settings), action names, and enum values.
import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import schema from "../../../../docs/flow.schema.json";

const S = schema as any;

function resolve(node: any): any {
  while (node?.$ref) node = S.definitions[node.$ref.replace("#/definitions/", "")];
  return node || {};
}

/** The schema of a stage's props, from the `if action … then props` branch of its action. */
function propsSchema(action: string | undefined): any {
  for (const b of S.definitions.stage.allOf || [])
    if (action && (b.if?.properties?.action?.enum || []).includes(action)) return resolve(b.then?.properties?.props);
  return {};
}

function actions(): string[] {
  return S.definitions.stage.properties.action.anyOf?.[0]?.enum || [];
}

/** The keys from the document root down to the block that holds line `n` at `indent`. */
function parents(lines: string[], n: number, indent: number): { path: string[]; action?: string } {
  const path: string[] = [];
  let action: string | undefined;
  let level = indent;
  for (let i = n - 1; i >= 0 && level > 0; i--) {
    const m = lines[i].match(/^(\s*)(- )?([\w.-]+):\s*(.*)$/);
    if (!m) continue;
    const ind = m[1].length + (m[2] ? 2 : 0);
    if (ind >= level) continue;
    if (!m[4]) {
      path.unshift(m[3]);
      if (m[3] === "props") action = siblingAction(lines, i, ind);
    }
    level = m[2] ? m[1].length + 1 : ind; // a list item's parent is the list's key
  }
  return { path, action };
}

/** The `action:` beside a stage's `props:` line (same indent, same stage). */
function siblingAction(lines: string[], at: number, indent: number): string | undefined {
  for (const dir of [-1, 1])
    for (let j = at + dir; j >= 0 && j < lines.length; j += dir) {
      const m = lines[j].match(/^(\s*)(- )?([\w.-]+):\s*(.*)$/);
      if (!m) continue;
      const ind = m[1].length + (m[2] ? 2 : 0);
      if (ind < indent) break;
      if (ind === indent && m[3] === "action") return m[4].trim();
      if (ind === indent && m[2]) break;
    }
  return undefined;
}

function objectAt(path: string[], action?: string): any {
  let node = resolve(S);
  for (const k of path) {
    if (k === "stages") node = resolve(S.definitions.stage);
    else if (k === "props") node = propsSchema(action);
    else node = resolve(node.properties?.[k]);
  }
  return node;
}

export function flowCompletion(ctx: CompletionContext): CompletionResult | null {
  const line = ctx.state.doc.lineAt(ctx.pos);
  const before = line.text.slice(0, ctx.pos - line.from);
  const lines = ctx.state.doc.toString().split("\n");
  const n = line.number - 1;
  const value = before.match(/^(\s*)(- )?([\w.-]+):\s+(\S*)$/);
  if (value) {
    const indent = value[1].length + (value[2] ? 2 : 0);
    const { path, action } = parents(lines, n, indent);
    const prop = resolve(objectAt(path, action).properties?.[value[3]]);
    const options = value[3] === "action" && path.length === 1 ? actions() : prop.enum || prop.anyOf?.[0]?.enum;
    if (!options) return null;
    return { from: ctx.pos - value[4].length, options: options.map((o: string) => ({ label: o, type: "enum" })) };
  }
  const key = before.match(/^(\s*)(- )?([\w.-]*)$/);
  if (!key || (!key[3] && !ctx.explicit)) return null;
  const indent = key[1].length + (key[2] ? 2 : 0);
  const { path, action } = parents(lines, n, indent);
  const obj = objectAt(path, action);
  const options: Completion[] = Object.entries(obj.properties || {}).map(([k, p]: [string, any]) => ({
    label: k,
    type: "property",
    info: resolve(p).description || p.description,
    apply: k + ": ",
  }));
  return options.length ? { from: ctx.pos - key[3].length, options, validFor: /^[\w.-]*$/ } : null;
}
