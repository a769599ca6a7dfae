// The flow's settings as seed 001's configuration page: error policy and stage, retry, checkpointing.
import { useEffect, useState } from "preact/hooks";
import { get, patch, type Flow } from "../api";
import { ErrorBox, Loading } from "../components/common";
import { canEdit } from "../session";
import { stagesOf } from "../stages";

const KNOWN: Record<string, { label: string; options?: string[]; hint?: string }> = {
  "errors.action": { label: "Error stage action", hint: "the action that receives error records, e.g. Log or Kafka Publisher" },
  "errors.stage": { label: "Error stage", hint: "a stage of the flow that receives error records" },
  "errors.policy": { label: "Error record policy", options: ["ORIGINAL_RECORD", "STAGE_RECORD"] },
};

export function SettingsTab({ flow, onChanged }: { flow: Flow; onChanged: (f: Flow) => void }) {
  const [conf, setConf] = useState<{ baseVersion: number; settings: Record<string, unknown> } | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [added, setAdded] = useState({ key: "", value: "" });
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const load = async () => {
    try {
      const c = await get(`/flows/${flow.id}/configuration`);
      setConf(c);
      setValues(Object.fromEntries(Object.entries(c.settings).map(([k, v]) => [k, show(v)])));
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => { load(); }, [flow.id, flow.version]);
  if (!conf) return error ? <ErrorBox error={error} /> : <Loading />;
  const edit = canEdit();
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const set: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) if (v !== show(conf.settings[k])) set[k] = typed(v);
    if (added.key.trim()) set[added.key.trim()] = typed(added.value);
    try {
      const f: Flow = await patch(`/flows/${flow.id}/configuration`, { baseVersion: conf.baseVersion, set, message: message || "Settings" });
      setNotice(`Saved as version ${f.version}.`);
      setAdded({ key: "", value: "" });
      onChanged(f.yaml ? f : await get(`/flows/${flow.id}`));
    } catch (err) {
      setError(err);
    }
  };
  const stageNames = stagesOf(flow.yaml || "").map((s) => s.name);
  const keys = Object.keys(values).sort();
  return (
    <form onSubmit={save} class="settings" data-testid="settings">
      <datalist id="stage-names">{stageNames.map((n) => <option value={n} />)}</datalist>
      <table class="list">
        <thead><tr><th>Setting</th><th>Value</th></tr></thead>
        <tbody>
          {keys.map((k) => {
            const known = KNOWN[k];
            const onInput = (e: Event) => setValues({ ...values, [k]: (e.target as HTMLInputElement).value });
            return (
              <tr data-setting={k}>
                <td><label for={`s-${k}`}>{known?.label || k}</label>{known && <div class="muted small"><code>{k}</code></div>}</td>
                <td>{known?.options ? (
                  <select id={`s-${k}`} value={values[k]} disabled={!edit} onChange={onInput}>
                    {known.options.map((o) => <option value={o}>{o}</option>)}
                  </select>
                ) : (
                  <input id={`s-${k}`} value={values[k]} readOnly={!edit} onInput={onInput}
                    list={k.includes("stage") ? "stage-names" : undefined} />
                )}{known?.hint && <div class="muted small">{known.hint}</div>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {edit && (
        <>
          <fieldset class="filters">
            <legend>Another setting</legend>
            <label>Key <input name="key" value={added.key} placeholder="retry.attempts"
              onInput={(e) => setAdded({ ...added, key: (e.target as HTMLInputElement).value })} /></label>
            <label>Value <input name="value" value={added.value}
              onInput={(e) => setAdded({ ...added, value: (e.target as HTMLInputElement).value })} /></label>
          </fieldset>
          <div class="savebar">
            <label>Message <input value={message} onInput={(e) => setMessage((e.target as HTMLInputElement).value)} /></label>
            <button type="submit" class="primary">Save settings as a new version</button>
          </div>
        </>
      )}
      {notice && <p class="notice" role="status">{notice}</p>}
      <ErrorBox error={error} onClose={() => setError(null)} />
    </form>
  );
}

function show(v: unknown): string {
  return v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
}

/** Numbers and booleans typed as such go to the server as JSON numbers and booleans. */
function typed(v: string): unknown {
  if (/^(true|false)$/.test(v)) return v === "true";
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}
