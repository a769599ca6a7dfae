// Every deployment of the server, and one deployment's page.
import { useEffect, useState } from "preact/hooks";
import { get, project, type Flow } from "../api";
import { ErrorBox, Loading, Pager, time } from "../components/common";
import { DeploymentView } from "../components/DeploymentView";
import { type Deployment, deploySupported, deployments } from "../deploy";

const SIZE = 20;

export function Deployments({ id }: { id?: string }) {
  const [list, setList] = useState<Deployment[] | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [state, setState] = useState("");
  const [page, setPage] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<boolean | null>(null);
  useEffect(() => {
    (async () => {
      try {
        const yes = await deploySupported();
        setOk(yes);
        if (!yes) return;
        setList(await deployments());
        const f = await get("/flows", { project: project(), size: 500 });
        setNames(new Map((f.items as Flow[]).map((x) => [x.id, x.name])));
      } catch (e) {
        setError(e);
      }
    })();
  }, [id]);
  if (ok === false) return <p class="notice" data-testid="no-deploy">This server has no deployment endpoints (/api/v1/environments answers 404).</p>;
  if (error && !list) return <ErrorBox error={error} />;
  if (!list) return <Loading />;
  if (id) {
    const d = list.find((x) => x.id === id);
    return (
      <section>
        <div class="titlebar"><h1><a href="#/deployments" class="crumb">Deployments</a> / {d ? names.get(d.flowId) || d.flowId : id}</h1></div>
        <DeploymentView id={id} flowName={d ? names.get(d.flowId) : undefined} />
      </section>
    );
  }
  const shown = list.filter((d) => !state || d.state === state);
  const states = [...new Set(list.map((d) => d.state))].sort();
  return (
    <section>
      <div class="titlebar"><h1>Deployments</h1></div>
      <div class="filters">
        <label>State
          <select value={state} onChange={(e) => { setState((e.target as HTMLSelectElement).value); setPage(0); }}>
            <option value="">all</option>
            {states.map((s) => <option value={s}>{s.toLowerCase()}</option>)}
          </select>
        </label>
      </div>
      <ErrorBox error={error} onClose={() => setError(null)} />
      {shown.length === 0 ? <p class="muted">No deployments.</p> : (
        <div class="table-wrap">
          <table class="list stack" data-testid="deployments">
            <thead><tr><th>Flow</th><th>Environment</th><th>State</th><th>Version</th><th>Flink job</th><th>Updated</th></tr></thead>
            <tbody>
              {shown.slice(page * SIZE, (page + 1) * SIZE).map((d) => (
                <tr data-deployment={d.id}>
                  <td data-label="Flow"><a href={`#/deployments/${encodeURIComponent(d.id)}`}>{names.get(d.flowId) || d.flowId}</a></td>
                  <td data-label="Environment">{d.environment}</td>
                  <td data-label="State"><span class={`status ${d.state.toLowerCase()}`}>{d.state.toLowerCase()}</span>
                    {d.rootCause && <div class="small failed">{d.rootCause}</div>}</td>
                  <td data-label="Version">{d.version}</td>
                  <td data-label="Flink job" class="small">{d.jobId || ""}</td>
                  <td data-label="Updated">{time(d.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} size={SIZE} total={shown.length} onPage={setPage} />
    </section>
  );
}
