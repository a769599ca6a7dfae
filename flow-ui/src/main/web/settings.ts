// The flow settings that the configuration page offers, read from Flow's JSON Schema.
import schema from "../../../../docs/flow.schema.json";

export interface SettingDef {
  key: string;
  group: string;
  description: string;
  options?: string[];
  default?: unknown;
}

const GROUPS: [string, string][] = [
  ["errors.", "Error records"], ["restart.", "Retry (restart strategy)"], ["checkpointing.", "Checkpointing"],
  ["runs.", "Run outcomes"],
];

export function settingDefs(): SettingDef[] {
  const out: SettingDef[] = [];
  const walk = (props: Record<string, any>, prefix: string) => {
    for (const [k, v] of Object.entries(props)) {
      const key = prefix + k;
      if (v.type === "object" && v.properties) walk(v.properties, key + ".");
      else {
        const group = GROUPS.find(([p]) => key.startsWith(p))?.[1] || "Job";
        // The schema accepts both spellings of an enum; offer the upper-case one when there is one.
        const en: string[] | undefined = v.enum;
        const upper = en?.filter((x) => x === x.toUpperCase());
        out.push({ key, group, description: v.description || "", options: upper?.length ? upper : en, default: v.default });
      }
    }
  };
  walk((schema as any).properties.settings.properties, "");
  const order = (g: string) => { const i = GROUPS.findIndex(([, n]) => n === g); return i < 0 ? 99 : i; };
  return out.sort((a, b) => order(a.group) - order(b.group));
}
