// The deployments of one flow: deploy (version, environment, parameter sets), and each deployment.
import { useEffect, useState } from "preact/hooks";
import { get, post, project, type Flow, type Version } from "../api";
import { ErrorBox, Loading, Option } from "../components/common";
import { DeploymentView } from "../components/DeploymentView";
import { type Deployment, deploySupported, deployments } from "../deploy";
import { canEdit } from "../session";

export function DeployTab({ flow }: { flow: Flow }) {
  const [ok, setOk] = useState<boolean | null>(null);
  const [list, setList] = useState<Deployment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    try {
      const yes = await deploySupported();
      setOk(yes);
      if (yes) setList(await deployments(flow.id));
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => { load(); }, [flow.id]);
  if (error && ok === null) return <ErrorBox error={error} />;
  if (ok === null) return <Loading />;
  if (!ok) return <p class="notice" data-testid="no-deploy">This server has no deployment endpoints (/api/v1/environments answers 404).</p>;
  return (
    <div class="deployments">
      {canEdit() && <DeployForm flow={flow} onDeployed={load} />}
      <ErrorBox error={error} onClose={() => setError(null)} />
      {!list ? <Loading /> : list.length === 0 ? <p class="muted" data-testid="no-deployments">Not deployed yet.</p>
        : list.map((d) => <DeploymentView key={d.id} id={d.id} onChanged={load} />)}
    </div>
  );
}

function DeployForm({ flow, onDeployed }: { flow: Flow; onDeployed: () => void }) {
  const [envs, setEnvs] = useState<{ name: string; kind: string }[]>([]);
  const [versions, setVersions] = useState<Version[]>([]);
  const [sets, setSets] = useState<string[]>([]);
  const [env, setEnv] = useState("local");
  const [version, setVersion] = useState(String(flow.version));
  const [chosen, setChosen] = useState<Set<string>>(new Set(flow.parameterSets || []));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  useEffect(() => {
    get("/environments").then((r) => setEnvs(r.items), setError);
    get(`/flows/${flow.id}/versions`).then((r) => setVersions(r.items), setError);
    get("/parameter-sets", { project: project() }).then((r) => setSets((r.items || r).map((s: { name: string }) => s.name)), setError);
  }, [flow.id]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const d: Deployment = await post("/deployments", { flowId: flow.id, environment: env, version: Number(version), parameterSets: [...chosen] });
      setNotice(`Deployed version ${d.version} on ${d.environment}.`);
      onDeployed();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card deploy-form" onSubmit={submit} aria-label="Deploy">
      <h2>Deploy</h2>
      <div class="filters">
        <label>Version
          <select name="version" value={version} onChange={(e) => setVersion((e.target as HTMLSelectElement).value)}>
            {versions.map((v) => <Option value={String(v.version)} label={`${v.version}${v.message ? " – " + v.message : ""}`} />)}
          </select>
        </label>
        <label>Environment
          <select name="environment" value={env} onChange={(e) => setEnv((e.target as HTMLSelectElement).value)}>
            {envs.map((x) => <Option value={x.name} label={`${x.name} (${x.kind})`} />)}
          </select>
        </label>
        {sets.length > 0 && (
          <fieldset class="sets"><legend>Parameter sets</legend>
            {sets.map((s) => (
              <label class="inline"><input type="checkbox" checked={chosen.has(s)} onChange={() => {
                const n = new Set(chosen); n.has(s) ? n.delete(s) : n.add(s); setChosen(n);
              }} />{s}</label>
            ))}
          </fieldset>
        )}
        <button type="submit" class="primary" disabled={busy}>{busy ? "Deploying…" : "Deploy"}</button>
      </div>
      {notice && <p class="notice" role="status">{notice}</p>}
      <ErrorBox error={error} onClose={() => setError(null)} />
    </form>
  );
}
