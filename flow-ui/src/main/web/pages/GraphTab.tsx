// The auto-arranged DAG; choosing a stage shows its action, props and the action's docs.
import { useState } from "preact/hooks";
import type { Flow } from "../api";
import { Graph } from "../components/Graph";
import { actionDocs, stagesOf } from "../stages";

export function GraphTab({ flow }: { flow: Flow }) {
  const [selected, setSelected] = useState<string | undefined>();
  const stage = stagesOf(flow.yaml || "").find((s) => s.name === selected);
  const docs = stage ? actionDocs(stage.action) : [];
  return (
    <div class="split">
      <div class="grow"><Graph flow={flow} selected={selected} onSelect={setSelected} /></div>
      <aside class="side" data-testid="stage-details" aria-live="polite">
        {!stage ? (
          <p class="muted">Choose a stage (click, or Tab to it and press Enter) to see its action, props and docs.</p>
        ) : (
          <>
            <h2>{stage.name}</h2>
            <p>Action: <strong data-testid="stage-action">{stage.action}</strong></p>
            {stage.out && stage.out.length > 0 && <p>Sends to: {stage.out.join(", ")}</p>}
            <h3>Props</h3>
            <pre class="code" data-testid="stage-props">{JSON.stringify(stage.props ?? {}, null, 2)}</pre>
            {docs.length > 0 && (
              <>
                <h3>{stage.action}: its props</h3>
                <dl class="docs">
                  {docs.map((d) => (
                    <>
                      <dt><code>{d.name}</code>{d.required && " (required)"}{d.default !== undefined && ` default ${JSON.stringify(d.default)}`}</dt>
                      <dd>{d.description}</dd>
                    </>
                  ))}
                </dl>
              </>
            )}
          </>
        )}
      </aside>
    </div>
  );
}
