/**
 * Allure results of a conformance run: allure-vitest's reporter with a writer that does not fsync.
 * allure-vitest's own writer puts each file under a temporary name, fsyncs it and renames it: ~1 s
 * of the main process in a full run (700 results and their attachments), for a directory that is
 * read only after the run (`npm run report:allure`) and replaced by the next run. The files and
 * their contents are the same.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringifyEnvInfo, type Writer } from 'allure-js-commons/sdk/reporter';
import AllureVitestReporter, { type AllureVitestReporterConfig } from 'allure-vitest/reporter';
import type { Vitest } from 'vitest/node';

type Parameters1<K extends keyof Writer> = Parameters<Writer[K]>;

export class PlainWriter implements Writer {
  private made = false;
  constructor(private readonly dir: string) {}
  private path(name: string): string {
    if (!this.made) mkdirSync(this.dir, { recursive: true });
    this.made = true;
    return join(this.dir, name);
  }
  writeResult(...[r]: Parameters1<'writeResult'>): void {
    writeFileSync(this.path(`${r.uuid}-result.json`), JSON.stringify(r));
  }
  writeGroup(...[g]: Parameters1<'writeGroup'>): void {
    writeFileSync(this.path(`${g.uuid}-container.json`), JSON.stringify(g));
  }
  writeAttachment(name: string, content: Buffer): void {
    writeFileSync(this.path(name), content);
  }
  writeAttachmentFromPath(name: string, from: string): void {
    copyFileSync(from, this.path(name));
  }
  writeEnvironmentInfo(...[info]: Parameters1<'writeEnvironmentInfo'>): void {
    writeFileSync(this.path('environment.properties'), stringifyEnvInfo(info));
  }
  writeCategoriesDefinitions(...[categories]: Parameters1<'writeCategoriesDefinitions'>): void {
    writeFileSync(this.path('categories.json'), JSON.stringify(categories));
  }
  writeGlobals(...[name, info]: Parameters1<'writeGlobals'>): void {
    writeFileSync(this.path(name), JSON.stringify(info));
  }
}

export default class AllureReporter extends AllureVitestReporter {
  private readonly dir: string;
  constructor(config: AllureVitestReporterConfig & { resultsDir: string }) {
    super(config);
    this.dir = config.resultsDir;
  }
  override onInit(vitest: Vitest): void {
    super.onInit(vitest);
    // The runtime is allure-vitest's (private in its types); only its writer is replaced.
    const runtime = (this as unknown as { allureReporterRuntime?: { writer: Writer } }).allureReporterRuntime;
    if (runtime) runtime.writer = new PlainWriter(this.dir);
  }
}
