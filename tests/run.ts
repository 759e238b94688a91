/**
 * `npm test`: every check the course has, in as little time as two cores allow. The static checks
 * (types, lint and format, unit and content tests) and the site's build run side by side, each
 * printing its output when it ends; then the browser tests run on that build. A failed check does
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
  const outcomes = await Promise.all([
    run('typecheck', 'npx', ['tsc', '--noEmit']).then(report),
    run('lint and format', 'npm', ['run', '--silent', 'lint']).then(report),
    run('unit and content tests', 'npx', ['vitest', 'run', '--project', 'unit', '--project', 'content']).then(report),
    build.then(report),
  ]);
  if (outcomes.at(-1)!.ok) {
    console.log('\n==> browser tests (on the build above)');
    const browserStarted = Date.now();
    const browser = await new Promise<boolean>((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'test:browser'], { stdio: 'inherit' });
      child.on('exit', (code) => resolve(code === 0));
    });
    outcomes.push({ name: 'browser tests', ok: browser, seconds: (Date.now() - browserStarted) / 1000, output: '' });
  } else {
    outcomes.push({ name: 'browser tests (not run: the build failed)', ok: false, seconds: 0, output: '' });
  }
  console.log('\n==> summary');
  for (const o of outcomes) console.log(`${o.ok ? 'ok    ' : 'FAILED'} ${o.name} (${o.seconds.toFixed(1)} s)`);
  console.log(`npm test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1;
}

void main();
