// One flow, in tabs: editor, graph, preview, versions, settings, deploy, runs, errors.
import { useEffect, useState } from "preact/hooks";
import { get, type Flow } from "../api";
import { ErrorBox, Loading } from "../components/common";
import { DeployTab } from "./DeployTab";
import { EditorTab } from "./EditorTab";
import { ErrorsTab } from "./ErrorsTab";
import { GraphTab } from "./GraphTab";
import { PreviewTab } from "./PreviewTab";
import { RunsTab } from "./RunsTab";
import { SettingsTab } from "./SettingsTab";
import { VersionsTab } from "./VersionsTab";

const TABS: [string, string][] = [
  ["editor", "Editor"], ["graph", "Graph"], ["preview", "Preview"], ["versions", "Versions"],
  ["settings", "Settings"], ["deploy", "Deploy"], ["runs", "Runs"], ["errors", "Error records"],
];

export function FlowPage({ id, tab }: { id: string; tab: string }) {
  const [flow, setFlow] = useState<Flow | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    try {
      setFlow(await get(`/flows/${encodeURIComponent(id)}`));
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => { setFlow(null); load(); }, [id]);
  if (error && !flow) return <ErrorBox error={error} />;
  if (!flow) return <Loading />;
  const base = `#/flows/${encodeURIComponent(id)}`;
  let body;
  switch (tab) {
    case "graph": body = <GraphTab flow={flow} />; break;
    case "preview": body = <PreviewTab flow={flow} />; break;
    case "versions": body = <VersionsTab flow={flow} onChanged={setFlow} />; break;
    case "settings": body = <SettingsTab flow={flow} onChanged={setFlow} />; break;
    case "deploy": body = <DeployTab flow={flow} />; break;
    case "runs": body = <RunsTab flow={flow} />; break;
    case "errors": body = <ErrorsTab flow={flow} />; break;
    default: body = <EditorTab flow={flow} onSaved={setFlow} />;
  }
  return (
    <section>
      <div class="titlebar">
        <h1><a href="#/flows" class="crumb">Flows</a> / <span data-testid="flow-name">{flow.name}</span></h1>
        <span class="muted">version <span data-testid="flow-version">{flow.version}</span></span>
      </div>
      <nav class="tabs" aria-label="Flow pages">
        {TABS.map(([k, label]) => (
          <a href={`${base}/${k}`} aria-current={tab === k || (k === "editor" && !TABS.some(([t]) => t === tab)) ? "page" : undefined}
            data-tab={k}>{label}</a>
        ))}
      </nav>
      {body}
    </section>
  );
}
