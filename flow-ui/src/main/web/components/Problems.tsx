// The located problems of validate, as a list; choosing one moves the editor's cursor there.
import type { Problem } from "../api";

export function Problems(props: { problems: Problem[]; checked: boolean; onPick: (p: Problem) => void }) {
  if (!props.checked) return <p class="muted" aria-live="polite">Checking…</p>;
  if (props.problems.length === 0)
    return <p class="ok" data-testid="valid" aria-live="polite">No problems: the flow is valid.</p>;
  return (
    <div aria-live="polite">
      <h3>{props.problems.length} problem{props.problems.length > 1 ? "s" : ""}</h3>
      <ul class="problems" data-testid="problems">
        {props.problems.map((p) => (
          <li class={p.severity || "error"}>
            <button type="button" class="link" onClick={() => props.onPick(p)} data-line={p.line}>
              <span class="where">{p.line ? `line ${p.line}${p.column ? ":" + p.column : ""}` : "flow"}</span>
              {p.stage && <span class="stage"> stage '{p.stage}'</span>} {p.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
