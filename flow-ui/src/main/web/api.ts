// The Flow server's REST API (/api/v1), with problem details turned into ApiError.

export interface Problem {
  file?: string;
  line?: number;
  column?: number;
  stage?: string;
  severity?: string;
  message: string;
}

export interface Flow {
  id: string;
  project: string;
  name: string;
  description?: string;
  labels: Record<string, string>;
  version: number;
  parameterSets: string[];
  createdAt: string;
  updatedAt: string;
  yaml?: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface Version {
  flowId: string;
  version: number;
  yaml?: string;
  author: string;
  message: string;
  createdAt: string;
}

/** An error answer of the server, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly problems: Problem[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

const TOKEN_KEY = "flow.token";

export function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(t: string | null) {
  if (t) sessionStorage.setItem(TOKEN_KEY, t);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function project(): string {
  return sessionStorage.getItem("flow.project") || "default";
}

export function setProject(p: string) {
  sessionStorage.setItem("flow.project", p);
}

type Query = Record<string, string | number | boolean | string[] | undefined | null>;

export function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => params.append(k, x));
    else params.append(k, String(v));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? "?" + qs : ""}`;
}

async function toError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  const text = await res.text();
  try {
    body = JSON.parse(text);
  } catch {
    body = { detail: text.slice(0, 500) };
  }
  const title = (body.title as string) || `${res.status} ${res.statusText}`;
  const detail = (body.detail as string) || "";
  return new ApiError(res.status, title, detail, (body.problems as Problem[]) || [], body);
}

export async function call(
  method: string,
  path: string,
  opts: { query?: Query; body?: unknown; raw?: BodyInit; contentType?: string; blob?: boolean } = {},
): Promise<any> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  let body: BodyInit | undefined;
  if (opts.raw !== undefined) {
    body = opts.raw;
    headers["Content-Type"] = opts.contentType || "application/octet-stream";
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["Content-Type"] = "application/json";
  }
  let res: Response;
  try {
    res = await fetch(url(path, opts.query), { method, headers, body });
  } catch (e) {
    throw new ApiError(0, "The server cannot be reached", String(e));
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401) window.dispatchEvent(new CustomEvent("flow-unauthorized"));
    throw err;
  }
  if (opts.blob) return res.blob();
  if (res.status === 204) return null;
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path: string, query?: Query) => call("GET", path, { query });
export const post = (path: string, body?: unknown, query?: Query) => call("POST", path, { body, query });
export const put = (path: string, body?: unknown, query?: Query) => call("PUT", path, { body, query });
export const patch = (path: string, body?: unknown, query?: Query) => call("PATCH", path, { body, query });
export const del = (path: string, query?: Query) => call("DELETE", path, { query });

/** Saves a blob as a download. */
export function download(blob: Blob, name: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
