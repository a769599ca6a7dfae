// Runs and error records of the server (GET /api/v1/runs, /api/v1/error-records); a server without
// them answers 404 and the pages say which endpoint is missing.
export interface Run {
  runId: string;
  flow: string;
  flowId: string;
  deploymentId?: string | null;
  version: number;
  environment: string;
  manual: boolean;
  status: "success" | "error";
  trigger?: string;
  start: string;
  end?: string;
  durationMs?: number;
  published?: number;
  errors?: number;
  failedStage?: string | null;
  error?: string | null;
}

export interface FlowStats {
  flow: string;
  runs: number;
  success: number;
  error: number;
  durationMs: { avg: number; p50: number; p95: number; max: number };
  lastRun?: string;
}

export interface ErrorRecord {
  id: number;
  flow: string;
  deploymentId?: string | null;
  version: number;
  stage: string;
  action: string;
  error: string;
  timestamp: string;
  runId?: string | null;
  policy: string;
  record?: unknown;
  bytes?: string | null;
  replayedBy?: string | null;
}
