// Performance marks for the UI benchmark (scripts/bench-ui.mjs) and anyone profiling:
//   'mizan:charts-updated' once the charts changed by an update have been redrawn (one
//      mark for all the charts redrawn in the same update);
//   'mizan:mc-refined' with it, when that update put the refined Monte Carlo on screen.
// Only the latest mark of each name is kept in the timeline (a PerformanceObserver sees all).
let scheduled = false;
let refinedWaiting = false;

function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/** A new simulation started: a refined result not drawn yet is no longer the one to mark. */
export function simulationStarted(): void {
  refinedWaiting = false;
}

/** The refined Monte Carlo has arrived: the next chart update shows it. */
export function refinedArrived(): void {
  refinedWaiting = true;
}

/** A chart was redrawn; the mark follows once every chart of this update is. */
export function chartRedrawn(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    mark('mizan:charts-updated');
    if (refinedWaiting) {
      refinedWaiting = false;
      mark('mizan:mc-refined');
    }
  });
}
