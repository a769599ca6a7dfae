// The flow's settings as seed 001's configuration page: error policy and stage, retry, checkpointing.
// Each change is saved through the configuration endpoint as a new version of the YAML.
import { useEffect, useState } from "preact/hooks";
import { get, patch, type Flow } from "../api";
import { ErrorBox, Loading, Option } from "../components/common";
import { canEdit } from "../session";
import { settingDefs, type SettingDef } from "../settings";

const DEFS = settingDefs();

export function SettingsTab({ flow, onChanged }: { flow: Flow; onChanged: (f: Flow) => void }) {
  const [conf, setConf] = useState<{ baseVersion: number; settings: Record<string, unknown> } | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  useEffect(() => {
    get(`/flows/${flow.id}/configuration`).then((c) => {
      setConf(c);
      setValues(Object.fromEntries(Object.entries(c.settings).map(([k, v]) => [k, show(v)])));
    }, setError);
  }, [flow.id, flow.version]);
  if (!conf) return error ? <ErrorBox error={error} /> : <Loading />;
  const edit = canEdit();
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const set: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) if (v !== show(conf.settings[k])) set[k] = v === "" ? null : typed(v);
    if (!Object.keys(set).length) return setNotice("Nothing changed.");
    try {
      const f: Flow = await patch(`/flows/${flow.id}/configuration`, { baseVersion: conf.baseVersion, set, message: message || "Settings" });
      setNotice(`Saved as version ${f.version}.`);
      onChanged(f.yaml ? f : await get(`/flows/${flow.id}`));
    } catch (err) {
      setError(err);
    }
  };
  const extra: SettingDef[] = Object.keys(conf.settings).filter((k) => !DEFS.some((d) => d.key === k))
    .map((key) => ({ key, group: "Other", description: "" }));
  const defs = [...DEFS, ...extra];
  const groups = [...new Set(defs.map((d) => d.group))];
  return (
    <form onSubmit={save} class="settings" data-testid="settings">
      {groups.map((g) => (
        <fieldset>
          <legend>{g}</legend>
          <table class="list settings-table">
            <tbody>
              {defs.filter((d) => d.group === g).map((d) => {
                const id = `s-${d.key}`;
                const v = values[d.key] ?? "";
                const onInput = (e: Event) => setValues({ ...values, [d.key]: (e.target as HTMLInputElement).value });
                return (
                  <tr data-setting={d.key}>
                    <td><label for={id}><code>{d.key}</code></label><div class="muted small">{d.description}</div></td>
                    <td>{d.options ? (
                      <select id={id} value={v} disabled={!edit} onChange={onInput}>
                        <option value="">(default{d.default !== undefined ? `: ${d.default}` : ""})</option>
                        {d.options.map((o) => <Option value={o} />)}
                        {v && !d.options.includes(v) && <Option value={v} />}
                      </select>
                    ) : (
                      <input id={id} value={v} readOnly={!edit} onInput={onInput}
                        placeholder={d.default !== undefined ? String(d.default) : ""} />
                    )}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      ))}
      {edit && (
        <div class="savebar">
          <label>Message <input value={message} onInput={(e) => setMessage((e.target as HTMLInputElement).value)} /></label>
          <button type="submit" class="primary">Save settings as a new version</button>
        </div>
      )}
      {notice && <p class="notice" role="status">{notice}</p>}
      <ErrorBox error={error} onClose={() => setError(null)} />
    </form>
  );
}

function show(v: unknown): string {
  return v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
}

/** JSON typed in a field (a number, a boolean, an object) goes to the server as JSON. */
function typed(v: string): unknown {
  if (/^(true|false|-?\d+(\.\d+)?)$/.test(v) || /^[{[]/.test(v.trim())) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}
