// Parameter sets: secrets are shown masked, can be replaced, and are never read back.
import { useEffect, useState } from "preact/hooks";
import { del, get, post, project, put } from "../api";
import { ErrorBox, Loading, Pager } from "../components/common";
import { go } from "../router";
import { canEdit } from "../session";

interface Param { value: string; secret: boolean }
interface ParamSet { name: string; parameters: Record<string, Param> }
const MASK = "***";
const SIZE = 20;

export function ParamSets({ name }: { name?: string }) {
  const [sets, setSets] = useState<ParamSet[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [page, setPage] = useState(0);
  useEffect(() => {
    get("/parameter-sets", { project: project() }).then((r) => setSets(r.items || r), setError);
  }, [name]);
  if (name !== undefined) return <ParamSetEditor name={name} />;
  if (!sets) return error ? <ErrorBox error={error} /> : <Loading />;
  return (
    <section>
      <div class="titlebar">
        <h1>Parameter sets</h1>
        {canEdit() && <a class="button primary" href="#/params/~new">New parameter set</a>}
      </div>
      {sets.length === 0 ? <p class="muted">No parameter sets yet.</p> : (
        <table class="list" data-testid="param-sets">
          <thead><tr><th>Name</th><th>Parameters</th></tr></thead>
          <tbody>{sets.slice(page * SIZE, (page + 1) * SIZE).map((s) => (
            <tr><td><a href={`#/params/${encodeURIComponent(s.name)}`}>{s.name}</a></td>
              <td>{Object.keys(s.parameters || {}).join(", ")}</td></tr>
          ))}</tbody>
        </table>
      )}
      <Pager page={page} size={SIZE} total={sets.length} onPage={setPage} />
    </section>
  );
}

interface Row { key: string; value: string; secret: boolean; stored: boolean }

function ParamSetEditor({ name }: { name: string }) {
  const isNew = name === "~new";
  const [setName, setSetName] = useState(isNew ? "" : name);
  const [rows, setRows] = useState<Row[] | null>(isNew ? [{ key: "", value: "", secret: false, stored: false }] : null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const edit = canEdit();
  useEffect(() => {
    if (isNew) return;
    get(`/parameter-sets/${encodeURIComponent(name)}`, { project: project() }).then((s: ParamSet) =>
      setRows(Object.entries(s.parameters).map(([key, p]) => ({ key, value: p.secret ? "" : p.value, secret: p.secret, stored: p.secret }))),
    setError);
  }, [name]);
  if (!rows) return error ? <ErrorBox error={error} /> : <Loading />;
  const update = (i: number, r: Partial<Row>) => setRows(rows.map((x, j) => (j === i ? { ...x, ...r } : x)));
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const parameters: Record<string, Param> = {};
    for (const r of rows) {
      if (!r.key.trim()) continue;
      // An untouched stored secret is sent masked: the server keeps its value.
      parameters[r.key.trim()] = { value: r.secret && r.stored && r.value === "" ? MASK : r.value, secret: r.secret };
    }
    try {
      if (isNew) await post("/parameter-sets", { name: setName, parameters }, { project: project() });
      else await put(`/parameter-sets/${encodeURIComponent(name)}`, { name, parameters }, { project: project() });
      setNotice("Saved.");
      if (isNew) go(`/params/${encodeURIComponent(setName)}`);
      else setRows(rows.map((r) => (r.secret ? { ...r, value: "", stored: true } : r)));
    } catch (err) {
      setError(err);
    }
  };
  const remove = async () => {
    try {
      await del(`/parameter-sets/${encodeURIComponent(name)}`, { project: project() });
      go("/params");
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <div class="titlebar"><h1><a class="crumb" href="#/params">Parameter sets</a> / {isNew ? "new" : name}</h1>
        {edit && !isNew && <button type="button" class="danger" onClick={remove}>Delete</button>}</div>
      <form onSubmit={save} data-testid="param-set">
        {isNew && <label>Name <input required value={setName} onInput={(e) => setSetName((e.target as HTMLInputElement).value)} /></label>}
        <table class="list">
          <thead><tr><th>Parameter</th><th>Value</th><th>Secret</th><th><span class="sr">Actions</span></th></tr></thead>
          <tbody>{rows.map((r, i) => (
            <tr data-param={r.key}>
              <td><input aria-label="Parameter name" value={r.key} readOnly={!edit || r.stored}
                onInput={(e) => update(i, { key: (e.target as HTMLInputElement).value })} /></td>
              <td><input aria-label={`Value of ${r.key || "the parameter"}`} {...({ type: r.secret ? "password" : "text" } as any)} autoComplete="new-password"
                value={r.value} readOnly={!edit} placeholder={r.secret && r.stored ? "•••• (stored; type to replace)" : ""}
                onInput={(e) => update(i, { value: (e.target as HTMLInputElement).value })} /></td>
              <td><input type="checkbox" aria-label={`${r.key || "parameter"} is secret`} checked={r.secret} disabled={!edit || r.stored}
                onChange={(e) => update(i, { secret: (e.target as HTMLInputElement).checked })} /></td>
              <td>{edit && <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}
                aria-label={`Remove ${r.key || "the parameter"}`}>Remove</button>}</td>
            </tr>
          ))}</tbody>
        </table>
        {edit && <div class="actions">
          <button type="button" onClick={() => setRows([...rows, { key: "", value: "", secret: false, stored: false }])}>Add a parameter</button>
          <button type="submit" class="primary">Save</button>
        </div>}
      </form>
      {notice && <p class="notice" role="status">{notice}</p>}
      <ErrorBox error={error} onClose={() => setError(null)} />
    </section>
  );
}
