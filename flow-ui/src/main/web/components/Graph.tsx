// The server's SVG of the flow (the layout of `flow graph`), with each stage focusable and clickable.
import { useEffect, useRef, useState } from "preact/hooks";
import { get, type Flow } from "../api";
import { ErrorBox, Loading } from "./common";

/** Parses the server's SVG and keeps only drawing elements and attributes: no script, no handlers. */
function cleanSvg(text: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.nodeName !== "svg") return null;
  svg.querySelectorAll("script, foreignObject, iframe").forEach((n) => n.remove());
  svg.querySelectorAll("*").forEach((n) => {
    for (const a of [...n.attributes]) if (/^on/i.test(a.name) || /javascript:/i.test(a.value)) n.removeAttribute(a.name);
  });
  return document.importNode(svg, true) as unknown as SVGSVGElement;
}

export function Graph(props: {
  flow: Flow;
  version?: number;
  selected?: string;
  onSelect: (stage: string) => void;
  marks?: Record<string, string>;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;
  useEffect(() => {
    setSvg(null);
    get(`/flows/${props.flow.id}/graph`, { version: props.version }).then((g) => setSvg(g.svg), setError);
  }, [props.flow.id, props.flow.version, props.version]);
  useEffect(() => {
    const h = host.current;
    if (!h || !svg) return;
    h.replaceChildren();
    const el = cleanSvg(svg);
    if (!el) return setError(new Error("The server's graph is not an SVG."));
    el.removeAttribute("width");
    el.removeAttribute("height");
    el.setAttribute("role", "group");
    el.setAttribute("aria-label", "Stages of the flow");
    h.appendChild(el);
    el.querySelectorAll<SVGGElement>("g.stage").forEach((g) => {
      const name = g.getAttribute("data-name") || "";
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", `Stage ${name}`);
      g.addEventListener("click", () => onSelect.current(name));
      g.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onSelect.current(name);
        }
      });
    });
  }, [svg]);
  useEffect(() => {
    host.current?.querySelectorAll<SVGGElement>("g.stage").forEach((g) => {
      const name = g.getAttribute("data-name") || "";
      g.classList.toggle("selected", name === props.selected);
      const mark = props.marks?.[name];
      if (mark) g.setAttribute("data-mark", mark);
      else g.removeAttribute("data-mark");
    });
  }, [props.selected, props.marks, svg]);
  return (
    <div class="graph-wrap">
      <ErrorBox error={error} />
      {!svg && !error && <Loading />}
      <div class="graph" ref={host} data-testid="graph" />
    </div>
  );
}
