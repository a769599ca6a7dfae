// Hash routes: #/flows, #/flows/new, #/flows/ID/TAB, #/params, #/params/NAME.
import { useEffect, useState } from "preact/hooks";

export function currentPath(): string[] {
  const h = location.hash.replace(/^#\/?/, "");
  return h.split("?")[0].split("/").filter(Boolean).map(decodeURIComponent);
}

export function go(path: string) {
  location.hash = path.startsWith("#") ? path : "#" + path;
}

export function usePath(): string[] {
  const [p, setP] = useState(currentPath());
  useEffect(() => {
    const on = () => setP(currentPath());
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return p;
}
