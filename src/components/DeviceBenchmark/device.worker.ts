/** Times the course's training runs off the main thread and reports each median. */
import { DEVICE_TASKS } from '@site/bench/tasks';
import { median } from '@site/code/shared/time';

self.onmessage = (event: MessageEvent<{ repeats: number }>) => {
  const { repeats } = event.data;
  let current = '';
  try {
    for (const task of DEVICE_TASKS) {
      current = task.title;
      const run = task.prepare();
      run(); // warm-up: the first run also compiles the code
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const start = performance.now();
        run();
        times.push(performance.now() - start);
      }
      self.postMessage({ id: task.id, milliseconds: median(times) });
    }
    self.postMessage({ done: true });
  } catch (error) {
    self.postMessage({ error: `${current}: ${(error as Error).message}` });
  }
};
