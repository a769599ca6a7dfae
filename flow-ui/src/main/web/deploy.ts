// Deployments of the server: environments, deployments, their history and live metrics.
import { ApiError, get } from "./api";

export interface Deployment {
  id: string;
  flowId: string;
  environment: string;
  jobName?: string;
  version: number;
  previousVersion?: number | null;
  parameterSets?: string[];
  jobId?: string | null;
  state: string;
  rootCause?: string | null;
  savepoint?: string | null;
  createdAt?: string;
  updatedAt?: string;
  engine?: { state: string; flinkState?: string; jobId?: string; restarts?: number; rootCause?: string | null; webUrl?: string | null };
}

export interface Action {
  action: string;
  actor: string;
  at: string;
  version: number;
  savepoint?: string | null;
  jobId?: string | null;
  detail?: string | null;
}

export interface StageMetrics {
  stage: string;
  recordsIn: number;
  recordsOut: number;
  errors: number;
  inPerSecond: number;
  outPerSecond: number;
}

export interface Metrics {
  stages: StageMetrics[];
  at: string;
}

let supported: boolean | undefined;

/** Whether this server has the deployment endpoints. */
export async function deploySupported(): Promise<boolean> {
  if (supported !== undefined) return supported;
  try {
    await get("/environments");
    supported = true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) supported = false;
    else throw e;
  }
  return supported;
}

/** The deployments of a flow, or of every flow; newest first as the server lists them. */
export async function deployments(flowId?: string): Promise<Deployment[]> {
  const d = await get("/deployments", { flowId });
  return (d.items || d) as Deployment[];
}

/** The current deployment of each flow, by flow id: a running one, else the latest; empty without the endpoints. */
export async function deploymentsByFlow(): Promise<Map<string, Deployment>> {
  const m = new Map<string, Deployment>();
  if (!(await deploySupported())) return m;
  for (const x of await deployments()) {
    const cur = m.get(x.flowId);
    if (!cur || (!isRunning(cur.state) && isRunning(x.state))) m.set(x.flowId, x);
  }
  return m;
}

export function isRunning(state: string): boolean {
  return state === "RUNNING" || state === "STARTING" || state === "RESTARTING";
}

export function terminal(state: string): boolean {
  return ["STOPPED", "FAILED", "FINISHED", "NOT_FOUND"].includes(state);
}
