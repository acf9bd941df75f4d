/**
 * console.error / console.warn fail the test that caused them, unless the test announced them
 * with `expectConsole(...)`: React and SuperTokens report real problems (hydration mismatches,
 * act() warnings, misconfiguration) only through the console.
 */
type Level = 'error' | 'warn';

const allowed: Array<{ level: Level; pattern: RegExp }> = [];
const unexpected: string[] = [];

export function expectConsole(level: Level, pattern: RegExp): void {
  allowed.push({ level, pattern });
}

export function failOnUnexpectedConsole(): void {
  const originals = { error: console.error, warn: console.warn };

  beforeEach(() => {
    allowed.length = 0;
    unexpected.length = 0;
    for (const level of ['error', 'warn'] as const) {
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        const text = args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
        if (allowed.some((rule) => rule.level === level && rule.pattern.test(text))) return;
        unexpected.push(`console.${level}: ${text}`);
        originals[level](...args);
      });
    }
  });

  afterEach(() => {
    jest.restoreAllMocks();
    if (unexpected.length > 0) {
      const messages = unexpected.splice(0).join('\n');
      throw new Error(`Unexpected console output (use expectConsole if intended):\n${messages}`);
    }
  });
}
