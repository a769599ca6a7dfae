// Reads a flow's stages from its YAML, and an action's docs from Flow's JSON Schema.
import { parse } from "yaml";
import schema from "../../../../docs/flow.schema.json";

export interface StageDef {
  name: string;
  action: string;
  props?: Record<string, unknown>;
  out?: string[];
}

export function stagesOf(yaml: string): StageDef[] {
  try {
    const doc = parse(yaml);
    return Array.isArray(doc?.stages) ? doc.stages : [];
  } catch {
    return [];
  }
}

export interface PropDoc {
  name: string;
  description?: string;
  required: boolean;
  default?: unknown;
}

/** The documented props of an action, from the schema's `if action … then props …` branches. */
export function actionDocs(action: string): PropDoc[] {
  const stage = (schema as any).definitions?.stage;
  for (const branch of stage?.allOf || []) {
    const names: string[] = branch?.if?.properties?.action?.enum || [];
    if (!names.includes(action)) continue;
    let props = branch?.then?.properties?.props || {};
    const ref: string | undefined = props.$ref;
    if (ref) props = (schema as any).definitions?.[ref.replace("#/definitions/", "")] || {};
    const required: string[] = props.required || [];
    return Object.entries(props.properties || {}).map(([name, p]: [string, any]) => ({
      name,
      description: p.description,
      required: required.includes(name),
      default: p.default,
    }));
  }
  return [];
}
