/**
 * `npm test`: every check the course has, in as little time as two cores allow. The static checks
 * (types, lint and format, unit and content tests) and the site's build run side by side, each
 * printing its output when it ends; the browser tests start on that build as soon as it is made. A failed check does
 * not stop the others, so one run reports everything that is wrong; the exit code is non-zero if
 * anything failed.
 */
import { spawn } from 'node:child_process';
import { buildSite } from './build-site';

type Outcome = { name: string; ok: boolean; seconds: number; output: string };

function run(name: string, command: string, args: string[]): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, ok: false, seconds: (Date.now() - started) / 1000, output: String(error) }));
    child.on('exit', (code) => resolve({ name, ok: code === 0, seconds: (Date.now() - started) / 1000, output }));
  });
}

function report(outcome: Outcome): Outcome {
  console.log(`\n==> ${outcome.name}: ${outcome.ok ? 'passed' : 'FAILED'} in ${outcome.seconds.toFixed(1)} s`);
  if (outcome.output.trim()) console.log(outcome.output.trimEnd());
  return outcome;
}

async function main() {
  const started = Date.now();
  const build = buildSite({ quiet: true }).then(
    ({ built, seconds, output }) => ({ name: built ? 'build' : 'build (up to date)', ok: true, seconds, output }),
    (error: Error & { output?: string }) => ({ name: 'build', ok: false, seconds: 0, output: `${error.message}\n${error.output ?? ''}` }),
  );
  const statics = [
    run('typecheck', 'npx', ['tsc', '--noEmit']).then(report),
    run('lint and format', 'npm', ['run', '--silent', 'lint']).then(report),
    run('unit and content tests', 'npx', ['vitest', 'run', '--project', 'unit', '--project', 'content']).then(report),
  ];
  // The browser tests start as soon as the build is there, while the static checks finish, but
  // at a lower priority (nice 10): the static checks keep the CPU they need (their timeouts are
  // short) and the browser tests take what they leave, instead of a core idling until the
  // slowest static check ends.
  const built = await build.then(report);
  let browser: Outcome;
  if (built.ok) {
    console.log('\n==> browser tests (on the build above)');
    const browserStarted = Date.now();
    const ok = await new Promise<boolean>((resolve) => {
      const command = ['npm', 'run', '--silent', 'test:browser'];
      const child =
        process.platform === 'win32'
          ? spawn(command[0], command.slice(1), { stdio: 'inherit', shell: true })
          : spawn('nice', ['-n', '10', ...command], { stdio: 'inherit' });
      child.on('exit', (code) => resolve(code === 0));
    });
    browser = { name: 'browser tests', ok, seconds: (Date.now() - browserStarted) / 1000, output: '' };
  } else {
    browser = { name: 'browser tests (not run: the build failed)', ok: false, seconds: 0, output: '' };
  }
  const outcomes = [...(await Promise.all(statics)), built, browser];
  console.log('\n==> summary');
  for (const o of outcomes) console.log(`${o.ok ? 'ok    ' : 'FAILED'} ${o.name} (${o.seconds.toFixed(1)} s)`);
  console.log(`npm test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1;
}

void main();
