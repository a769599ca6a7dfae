// The flows of the project: search, labels, deployment status, create, duplicate, delete, import, export.
import { useEffect, useState } from "preact/hooks";
import { call, del, download, get, post, project, type Flow, type Page } from "../api";
import { Dialog, ErrorBox, Loading, Pager, time } from "../components/common";
import { ImportDialog } from "../components/ImportDialog";
import { go } from "../router";
import { canEdit } from "../session";
import { deploySupported, deploymentsByFlow, type Deployment } from "../deploy";

const SIZE = 20;

export function FlowList() {
  const [q, setQ] = useState("");
  const [label, setLabel] = useState("");
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page<Flow> | null>(null);
  const [deployments, setDeployments] = useState<Map<string, Deployment>>(new Map());
  const [canDeploy, setCanDeploy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<null | { kind: "duplicate" | "delete"; flow: Flow } | { kind: "import" }>(null);
  const [notice, setNotice] = useState("");

  const load = async (p = page) => {
    setError(null);
    try {
      const d = await get("/flows", { project: project(), q, label, page: p, size: SIZE });
      setData(d);
      setDeployments(await deploymentsByFlow());
      setCanDeploy(await deploySupported());
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => { load(page); }, [page]);

  const search = (e: Event) => {
    e.preventDefault();
    setPage(0);
    load(0);
  };
  const toggle = (name: string) => {
    const s = new Set(selected);
    s.has(name) ? s.delete(name) : s.add(name);
    setSelected(s);
  };
  const exportSelected = async () => {
    setError(null);
    try {
      const names = [...selected];
      const blob = await call("GET", "/export", { query: { project: project(), flow: names }, blob: true });
      download(blob, names.length === 1 ? `${names[0]}.zip` : `${project()}-flows.zip`);
      setNotice(`Exported ${names.length ? names.length + " flow(s)" : "the whole project"}.`);
    } catch (e) {
      setError(e);
    }
  };
  const edit = canEdit();
  return (
    <section>
      <div class="titlebar">
        <h1>Flows</h1>
        <div class="actions">
          {edit && <a class="button primary" href="#/flows/new">New flow</a>}
          {edit && <button type="button" onClick={() => setDialog({ kind: "import" })}>Import…</button>}
          <button type="button" onClick={exportSelected} data-testid="export">
            {selected.size ? `Export selected (${selected.size})` : "Export all"}
          </button>
        </div>
      </div>
      <form class="filters" onSubmit={search} role="search">
        <label>Search <input type="search" name="q" value={q} placeholder="name or text"
          onInput={(e) => setQ((e.target as HTMLInputElement).value)} /></label>
        <label>Label <input name="label" value={label} placeholder="key=value"
          onInput={(e) => setLabel((e.target as HTMLInputElement).value)} /></label>
        <button type="submit">Search</button>
      </form>
      {notice && <p class="notice" role="status">{notice}</p>}
      <ErrorBox error={error} onClose={() => setError(null)} />
      {!data ? (!error && <Loading />) : data.items.length === 0 ? (
        <p class="muted">No flows{q || label ? " match" : " yet"}.</p>
      ) : (
        <div class="table-wrap">
          <table class="list stack" data-testid="flows">
            <thead>
              <tr><th><span class="sr">Select</span></th><th>Name</th><th>Labels</th><th>Version</th>
                <th>Status</th><th>Updated</th><th><span class="sr">Actions</span></th></tr>
            </thead>
            <tbody>
              {data.items.map((f) => {
                const d = deployments.get(f.id);
                return (
                  <tr data-flow={f.name}>
                    <td class="select"><input type="checkbox" aria-label={`Select ${f.name}`} checked={selected.has(f.name)}
                      onChange={() => toggle(f.name)} /></td>
                    <td data-label="Name"><a href={`#/flows/${encodeURIComponent(f.id)}/editor`}>{f.name}</a>
                      {f.description && <div class="muted small">{f.description}</div>}</td>
                    <td data-label="Labels">{Object.entries(f.labels || {}).map(([k, v]) => (
                      <button type="button" class="label" title="Filter by this label"
                        onClick={() => { setLabel(`${k}=${v}`); setPage(0); setTimeout(() => load(0)); }}>{k}={v}</button>))}</td>
                    <td data-label="Version">{f.version}</td>
                    <td data-label="Status">{d ? <span class={`status ${d.state.toLowerCase()}`} data-testid="status">{d.state.toLowerCase()} on {d.environment}</span> : canDeploy ? <span class="muted">not deployed</span>
                      : <span class="muted" title="This server has no deployment endpoints">n/a</span>}</td>
                    <td data-label="Updated">{time(f.updatedAt)}</td>
                    <td class="row-actions">
                      {edit && <button type="button" onClick={() => setDialog({ kind: "duplicate", flow: f })}
                        aria-label={`Duplicate ${f.name}`}>Duplicate</button>}
                      {edit && <button type="button" class="danger" onClick={() => setDialog({ kind: "delete", flow: f })}
                        aria-label={`Delete ${f.name}`}>Delete</button>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && <Pager page={data.page} size={data.size} total={data.total} onPage={setPage} />}
      {dialog?.kind === "duplicate" && (
        <DuplicateDialog flow={dialog.flow} onClose={() => setDialog(null)}
          onDone={(f) => { setDialog(null); setNotice(`Duplicated as ${f.name}.`); load(); }} />
      )}
      {dialog?.kind === "delete" && (
        <DeleteDialog flow={dialog.flow} onClose={() => setDialog(null)}
          onDone={() => { setDialog(null); setNotice(`Deleted ${dialog.flow.name}.`); load(); }} />
      )}
      {dialog?.kind === "import" && (
        <ImportDialog onClose={() => { setDialog(null); load(); }} />
      )}
    </section>
  );
}

function DuplicateDialog(props: { flow: Flow; onClose: () => void; onDone: (f: Flow) => void }) {
  const [name, setName] = useState(`${props.flow.name} copy`);
  const [description, setDescription] = useState(props.flow.description || "");
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      props.onDone(await post(`/flows/${props.flow.id}/duplicate`, { name, description }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Dialog title={`Duplicate ${props.flow.name}`} onClose={props.onClose}>
      <form onSubmit={submit}>
        <label>New name <input name="name" required value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></label>
        <label>Description <input name="description" value={description}
          onInput={(e) => setDescription((e.target as HTMLInputElement).value)} /></label>
        <ErrorBox error={error} />
        <div class="actions"><button type="submit" class="primary">Duplicate</button>
          <button type="button" onClick={props.onClose}>Cancel</button></div>
      </form>
    </Dialog>
  );
}

function DeleteDialog(props: { flow: Flow; onClose: () => void; onDone: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await del(`/flows/${props.flow.id}`);
      props.onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Dialog title={`Delete ${props.flow.name}?`} onClose={props.onClose}>
      <form onSubmit={submit}>
        <p>The flow and all its versions are deleted.</p>
        <ErrorBox error={error} />
        <div class="actions"><button type="submit" class="danger">Delete</button>
          <button type="button" onClick={props.onClose}>Cancel</button></div>
      </form>
    </Dialog>
  );
}
