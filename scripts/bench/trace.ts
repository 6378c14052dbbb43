// `npm run bench -- --trace`: a Chrome trace of one launch per path, to find where the time goes. The
// files open in https://ui.perfetto.dev or chrome://tracing; `milestones` prints the main steps.
import type { Cdp } from './cdp';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface Trace {
  traceEvents: TraceEvent[];
}

// No disabled-by-default-v8.cpu_profiler: starting the profiler stalls the worker's first task by ~35 ms.
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'navigation',
  'toplevel',
  'v8.execute',
  'ServiceWorker',
  'extensions',
];

/** Records a trace while `action` runs. */
export async function traceWhile(cdp: Cdp, action: () => Promise<unknown>): Promise<Trace> {
  const traceEvents: TraceEvent[] = [];
  const off = cdp.on('Tracing.dataCollected', (params) =>
    traceEvents.push(...(params.value as TraceEvent[])),
  );
  const complete = cdp.waitFor('Tracing.tracingComplete', () => true, 60_000);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES },
  });
  try {
    await action();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    off();
  }
  return { traceEvents };
}

const STEPS: Record<string, string> = {
  ResourceSendRequest: 'request',
  'NavigationRequest::BeginNavigation': 'navigation begins',
  'RenderFrameHostImpl::CommitNavigation': 'navigation commits',
  'v8.compileModule': 'module compiled',
  'NativeExtensionBindingsSystem::SendRequest': 'extension API call',
  MarkDOMContent: 'DOMContentLoaded',
  MarkLoad: 'load',
};

/** The steps of one launch, in ms after the click, with the process and a URL where there is one. */
export function milestones(trace: Trace): string[] {
  const processes = new Map<number, string>();
  const threads = new Map<string, string>();
  for (const event of trace.traceEvents) {
    if (event.ph !== 'M') continue;
    if (event.name === 'process_name') processes.set(event.pid, String(event.args?.name));
    if (event.name === 'thread_name') threads.set(`${event.pid}:${event.tid}`, String(event.args?.name));
  }
  const click = trace.traceEvents.find(
    (event) => event.name === 'EventDispatch' && event.args?.data?.type === 'click',
  );
  if (!click) return ['(no click in the trace)'];
  return trace.traceEvents
    .filter((event) => STEPS[event.name] && event.ts >= click.ts)
    .sort((a, b) => a.ts - b.ts)
    .map((event) => {
      const data = event.args?.data ?? {};
      const url = typeof data.url === 'string' ? data.url.replace(/#.*$/, '') : '';
      const where = `${processes.get(event.pid) ?? event.pid}/${threads.get(`${event.pid}:${event.tid}`) ?? ''}`;
      return `${((event.ts - click.ts) / 1000).toFixed(1).padStart(7)} ms  ${STEPS[event.name]}  ${where}  ${url}`;
    });
}
