// Responsiveness monitor for the huge-page tests. From the first frame after the page built its
// content, a setTimeout(0) loop records the longest gap between two turns of the event loop (how
// long the page could not respond), and in Chromium a PerformanceObserver records long tasks
// (over 50 ms). It stops 500 ms after Backstory's "backstory:highlighted" Performance mark (set
// when a highlighting run finishes), or after 30 s. Results in window.__monitor.
(() => {
  const m = (window.__monitor = { startedAt: 0, doneAt: null, stoppedAt: null, maxGapMs: 0, gapsOver50: 0, longTasks: [], ticks: 0 });
  if ((PerformanceObserver.supportedEntryTypes || []).includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) m.longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: false });
  } else m.longTasks = null; // Firefox has no long-task entries
  let last = 0;
  const tick = () => {
    const now = performance.now();
    const gap = now - last;
    last = now;
    m.ticks++;
    if (gap > m.maxGapMs) m.maxGapMs = Math.round(gap);
    if (gap > 50) m.gapsOver50++;
    if (m.doneAt === null && performance.getEntriesByName('backstory:highlighted').length > 0) m.doneAt = Math.round(now);
    if ((m.doneAt !== null && now - m.doneAt > 500) || now - m.startedAt > 30000) { m.stoppedAt = Math.round(now); return; }
    setTimeout(tick, 0);
  };
  requestAnimationFrame(() => setTimeout(() => { m.startedAt = last = performance.now(); tick(); }, 0));
})();
