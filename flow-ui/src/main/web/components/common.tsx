// Small shared pieces: the error box, the pager, a modal dialog, time formatting.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { ApiError, type Problem } from "../api";

export function problemText(p: Problem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined && x !== null).join(":");
  return `${where ? where + ": " : ""}${p.stage ? "stage '" + p.stage + "': " : ""}${p.message}`;
}

/** Shows any error, with the server's title, detail and located problems. */
export function ErrorBox({ error, onClose }: { error: unknown; onClose?: () => void }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const title = e ? (e.status ? `${e.status} ${e.title}` : e.title) : "Error";
  const detail = e ? e.detail : String((error as Error)?.message ?? error);
  return (
    <div class="error" role="alert" data-testid="error">
      <strong>{title}</strong>
      {detail && <div class="detail">{detail}</div>}
      {e && e.problems.length > 0 && (
        <ul>
          {e.problems.map((p) => (
            <li>{problemText(p)}</li>
          ))}
        </ul>
      )}
      {onClose && (
        <button type="button" class="link" onClick={onClose} aria-label="Dismiss the error">
          Dismiss
        </button>
      )}
    </div>
  );
}

export function Pager(props: { page: number; size: number; total: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(props.total / props.size));
  if (props.total <= props.size) return null;
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={props.page <= 0} onClick={() => props.onPage(props.page - 1)}>
        Previous
      </button>
      <span data-testid="page">
        Page {props.page + 1} of {pages} ({props.total})
      </span>
      <button type="button" disabled={props.page >= pages - 1} onClick={() => props.onPage(props.page + 1)}>
        Next
      </button>
    </nav>
  );
}

/** A modal dialog: focus moves inside, Escape closes it, the form's Enter submits it. */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current!;
    if (!d.open) d.showModal();
    const first = d.querySelector<HTMLElement>("input, select, textarea, button");
    first?.focus();
    const onCancel = (ev: Event) => {
      ev.preventDefault();
      props.onClose();
    };
    d.addEventListener("cancel", onCancel);
    return () => d.removeEventListener("cancel", onCancel);
  }, []);
  return (
    <dialog ref={ref} aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.children}
    </dialog>
  );
}

export function time(iso?: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  return isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function duration(ms?: number | null): string {
  if (ms === undefined || ms === null) return "";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

export function Loading() {
  return <p class="muted" aria-live="polite">Loading…</p>;
}

/**
 * An option whose text is its value. Preact leaves out the value attribute when the text already
 * gives the same value, so scripts and tests that look options up by value would not find it.
 */
export function Option({ value, label }: { value: string; label?: string }) {
  return <option value={value} ref={(el) => el?.setAttribute("value", value)}>{label ?? value}</option>;
}
